"""A date's precision as the codes other event datasets use, so that a join is one line.

The definitions, from each project's codebook:

- ACLED ``time_precision``: 1 the source gives the day; 2 the source gives a span of days up to a
  week (or a weekend); 3 only the month is known (a span of 8 to 31 days).
  ACLED has no code for less precise dates: left empty.
- UCDP GED ``date_prec``: 1 the exact day is known; 2 the day is known within 2-6 days; 3 only the
  week is known; 4 the day is known within 8-30 days or only the month is known; 5 only the year, or
  a span of more than a month, is known.
- Wikidata time precision: 11 day, 10 month, 9 year, 8 decade, 7 century, 6 millennium; a value
  is given at the coarsest unit that holds both bounds.
"""

from __future__ import annotations

from datetime import date

ACLED_CODES = {
    1: "the exact day",
    2: "a span of up to a week (or a weekend)",
    3: "the month (a span of 8 to 31 days)",
}
UCDP_CODES = {
    1: "the exact day",
    2: "within 2 to 6 days",
    3: "the week (7 days)",
    4: "within 8 to 31 days, or the month",
    5: "the year, or a span of more than a month",
}
WIKIDATA_CODES = {11: "day", 10: "month", 9: "year", 8: "decade", 7: "century", 6: "millennium"}


def span_days(earliest: date, latest: date) -> int:
    """How many days the bounds allow (1 for an exact day)."""
    return (latest - earliest).days + 1


def acled_time_precision(earliest: date, latest: date) -> int | None:
    """ACLED's ``time_precision`` for a date with these bounds (``None``: ACLED has no code)."""
    days = span_days(earliest, latest)
    if days == 1:
        return 1
    if days <= 7:
        return 2
    if days <= 31:
        return 3
    return None


def ucdp_date_prec(earliest: date, latest: date) -> int:
    """UCDP GED's ``date_prec`` for a date with these bounds."""
    days = span_days(earliest, latest)
    if days == 1:
        return 1
    if days <= 6:
        return 2
    if days == 7:
        return 3
    if days <= 31:
        return 4
    return 5


def wikidata_precision(earliest: date, latest: date) -> int:
    """Wikidata's time precision: the finest unit whose one value holds both bounds."""
    if earliest == latest:
        return 11
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return 10
    for code, size in ((9, 1), (8, 10), (7, 100), (6, 1000)):
        if earliest.year // size == latest.year // size:
            return code
    return 6
