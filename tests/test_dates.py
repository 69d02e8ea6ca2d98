"""EDTF values, their bounds, precision, month keys and wording."""

from __future__ import annotations

from datetime import date

import pytest

from kb.dates import WIDE_KEY, describe, months_between, parse_edtf
from kb.errors import DateError


@pytest.mark.parametrize(
    "edtf, earliest, latest, precision, words",
    [
        ("2024-07-13", date(2024, 7, 13), date(2024, 7, 13), "day", "on 13 July 2024"),
        ("2024-01", date(2024, 1, 1), date(2024, 1, 31), "month", "sometime in January 2024"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month", "sometime in February 2024"),
        ("2023", date(2023, 1, 1), date(2023, 12, 31), "year", "sometime in 2023"),
        (
            "2024-10-14/2024-10-25",
            date(2024, 10, 14),
            date(2024, 10, 25),
            "range",
            "between 14 and 25 October 2024",
        ),
        (
            "2023-10/2024-10-26",
            date(2023, 10, 1),
            date(2024, 10, 26),
            "range",
            "between 1 October 2023 and 26 October 2024",
        ),
    ],
)
def test_edtf_bounds_precision_and_words(edtf, earliest, latest, precision, words):
    value = parse_edtf(edtf)
    assert (value.earliest, value.latest, value.precision) == (earliest, latest, precision)
    assert describe(value) == words


@pytest.mark.parametrize(
    "bad, message",
    [
        ("2024-02-30", "is not a date that exists"),
        ("2023-02-29", "is not a date that exists"),
        ("2024-13", "is not a date that exists"),
        ("2024-10-20/2024-10-01", "ends before it starts"),
        ("../2024-10", "is open-ended"),
        ("last week", "is not an EDTF date"),
        ("", "no EDTF value"),
    ],
)
def test_bad_edtf_names_the_field(bad, message):
    with pytest.raises(DateError) as caught:
        parse_edtf(bad, "events[2].date.edtf")
    assert message in str(caught.value)
    assert str(caught.value).startswith("events[2].date.edtf: ")


def test_month_keys_cover_every_overlapped_month_and_wide_spans():
    assert parse_edtf("2024-01-30/2024-03-02").month_keys() == ["2024-01", "2024-02", "2024-03"]
    assert parse_edtf("2023-12/2024-01").month_keys() == ["2023-12", "2024-01"]
    assert parse_edtf("2020/2024").month_keys() == [WIDE_KEY]
    assert months_between(date(2024, 10, 1), date(2024, 10, 31)) == ["2024-10", WIDE_KEY]
    decade = months_between(date(2015, 1, 1), date(2024, 12, 31))
    assert len(decade) == 121 and decade[0] == "2015-01" and decade[-2:] == ["2024-12", WIDE_KEY]
