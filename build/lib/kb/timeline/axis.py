"""Labelled marks along a time axis: the first of each month, or each new year on longer spans."""

from __future__ import annotations

from datetime import date


def axis_ticks(first: date, last: date, max_month_days: int, year_on_first: bool = False
               ) -> list[tuple[date, str]]:
    """The days after ``first`` up to ``last`` that a time axis marks, with their labels.

    Month starts ("Mar", "Jan 2024" at a new year; also on the first mark with ``year_on_first``)
    while ``last`` is at most ``max_month_days`` days after ``first``, else each 1 January ("2024").
    Callers place each day on their own scale (percent of a strip, pixels of a chart).
    """
    if (last - first).days > max_month_days:
        return [(date(year, 1, 1), str(year)) for year in range(first.year + 1, last.year + 1)]
    ticks: list[tuple[date, str]] = []
    year, month = first.year, first.month
    while True:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        start = date(year, month, 1)
        if start > last:
            return ticks
        with_year = month == 1 or (year_on_first and not ticks)
        ticks.append((start, start.strftime("%b %Y") if with_year else start.strftime("%b")))
