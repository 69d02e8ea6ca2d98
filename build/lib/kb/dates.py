"""Dates as sources give them: EDTF values, their earliest/latest bounds, precision and wording.

Supported EDTF (Library of Congress, level 0 plus open-free intervals): ``YYYY``, ``YYYY-MM``,
``YYYY-MM-DD`` and ``START/END`` where each side is one of those. A month stays a month:
``2024-01`` spans 1 to 31 January, it is never 1 January.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from kb.errors import DateError

_PART = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", re.ASCII)
#: Above this many months a span gets no month keys of its own but the catch-all key "wide".
MAX_MONTH_KEYS = 36
WIDE_KEY = "wide"


@dataclass(frozen=True)
class DateValue:
    """An EDTF value with the day bounds it allows."""

    edtf: str
    earliest: date
    latest: date
    precision: str  # day | month | year | range

    @property
    def days(self) -> int:
        """How many days the value allows (1 for an exact day)."""
        return (self.latest - self.earliest).days + 1

    def month_keys(self) -> list[str]:
        """``YYYY-MM`` for every month the bounds overlap (or ``["wide"]`` past three years)."""
        months = (self.latest.year - self.earliest.year) * 12 + self.latest.month - self.earliest.month
        if months >= MAX_MONTH_KEYS:
            return [WIDE_KEY]
        return list(month_range(self.earliest, self.latest))

    def in_words(self) -> str:
        """The value as a reader would say it: 'on 13 July 2024', 'sometime in January 2024'."""
        return describe(self)


def _part_bounds(text: str, field: str) -> tuple[date, date, str]:
    match = _PART.fullmatch(text)
    if not match:
        digits = any(char.isdigit() and not char.isascii() for char in text)
        raise DateError(
            f"{text!r} is not an EDTF date",
            where=field,
            hint="write it with the digits 0-9, e.g. 2024-10"
            if digits
            else "use YYYY, YYYY-MM, YYYY-MM-DD or START/END of those",
        )
    year, month, day = int(match[1]), match[2], match[3]
    if month is not None and not 1 <= int(month) <= 12:
        raise DateError(
            f"{text!r} is not a date that exists: no month {month}",
            where=field,
            hint="months run from 01 to 12",
        )
    if year < 1:
        raise DateError(f"{text!r} has no year 0000", where=field, hint="years start at 0001")
    if day is None:
        if month is not None:
            month_number = int(month)
            last = calendar.monthrange(year, month_number)[1]
            return date(year, month_number, 1), date(year, month_number, last), "month"
        return date(year, 1, 1), date(year, 12, 31), "year"
    month_number, day_number = int(month), int(day)
    days = calendar.monthrange(year, month_number)[1]
    if not 1 <= day_number <= days:
        name = calendar.month_name[month_number]
        hint = (
            "days start at 01"
            if day_number < 1
            else f"{name} {year} has {days} days"
            + (f": {year} is not a leap year" if month_number == 2 and day_number == 29 else "")
        )
        raise DateError(f"{text!r} is not a date that exists", where=field, hint=hint)
    exact = date(year, month_number, day_number)
    return exact, exact, "day"


def parse_edtf(text: object, field: str = "edtf") -> DateValue:
    """Parse an EDTF string into a :class:`DateValue`; raise :class:`DateError` naming ``field``."""
    if isinstance(text, date):  # YAML turns an unquoted 2024-10-25 into a date
        text = text.isoformat()
    if isinstance(text, bool) or not isinstance(text, (str, int)) or str(text).strip() == "":
        raise DateError(
            "no EDTF value", where=field, hint="add e.g. 'edtf: 2024-10' or '2024-10-14/2024-10-20'"
        )
    text = str(text).strip()
    if "/" in text:
        start_text, _, end_text = text.partition("/")
        if ".." in (start_text, end_text) or not start_text or not end_text:
            raise DateError(
                f"{text!r} is open-ended",
                where=field,
                hint="give both bounds; say in the date's note where a bound is inferred",
            )
        earliest, _, _ = _part_bounds(start_text, field)
        _, latest, _ = _part_bounds(end_text, field)
        if latest < earliest:
            raise DateError(f"{text!r} ends before it starts", where=field, hint="swap the two bounds")
        return DateValue(text, earliest, latest, "range")
    earliest, latest, precision = _part_bounds(text, field)
    return DateValue(text, earliest, latest, precision)


def describe(value: DateValue) -> str:
    """Say a date value in words, with its uncertainty."""
    first, last = value.earliest, value.latest
    if value.precision == "day":
        return f"on {first.day} {first:%B} {first.year}"
    if value.precision == "month":
        return f"sometime in {first:%B} {first.year}"
    if value.precision == "year":
        return f"sometime in {first.year}"
    if first.year != last.year:
        return f"between {first.day} {first:%B} {first.year} and {last.day} {last:%B} {last.year}"
    if first.month != last.month:
        return f"between {first.day} {first:%B} and {last.day} {last:%B} {last.year}"
    return f"between {first.day} and {last.day} {last:%B} {last.year}"


def months_between(earliest: date, latest: date) -> list[str]:
    """Every month key a window from ``earliest`` to ``latest`` overlaps, then the wide key.

    Unlike an event's own keys this list is never capped: a window of ten years names all its
    months, so it finds the events keyed by month as well as the wide ones.
    """
    return [*month_range(earliest, latest), WIDE_KEY]


def month_range(earliest: date, latest: date) -> Iterator[str]:
    """``YYYY-MM`` of every month from ``earliest``'s to ``latest``'s, both included."""
    year, month = earliest.year, earliest.month
    while (year, month) <= (latest.year, latest.month):
        yield f"{year:04d}-{month:02d}"
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def parse_day(text: str, field: str) -> date:
    """Parse an ISO day (YYYY-MM-DD) given as a parameter; raise :class:`DateError` naming it."""
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise DateError(f"{text!r} is not a day", where=field, hint="use YYYY-MM-DD") from None
