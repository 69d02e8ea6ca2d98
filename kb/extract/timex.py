"""Find the time expressions of a text and resolve them against its publication date.

Every expression becomes a :class:`TimeExpression` with an EDTF value, the earliest and latest day it
allows, its precision and what it was resolved against (its anchor). The conventions, in one place:

- **Absolute** dates ("July 13", "7 October 2023", "in January", "last October 2023", "November of
  last year") keep their precision: a month stays a month (``2024-01``, 1 to 31 January), never its
  first day. A month or day without a year takes the year that puts it on the side of the
  publication the sentence's tense points to: in the past (the default) the most recent one not
  after the publication, in the future the next one not before it; but a past day that names an
  event of the domain (:data:`NAMED_DAYS`: "on 7 October") is that event's own day, not its
  anniversary. "last October" is the most recent October strictly before the month of
  publication.
- **Capitals**: a month or weekday name in capitals ("SATURDAY 6 APRIL", a round-up's heading) is
  read as the name.
- **Weekdays** ("on Friday") are the nearest such day on or before the publication in a past-tense
  sentence (the default), on or after it in a future-tense one ("is scheduled to ... on Sunday").
  A same-day match counts, as in news style ("reported on Friday" in a Friday paper is that day).
  "last Friday" is strictly before the publication, "next Sunday" strictly after it.
- **Weeks** run Monday to Sunday. "last week" is the Monday-to-Sunday week before the week of
  publication (published Friday 2024-10-25: 2024-10-14/2024-10-20); "this week" is the week of
  publication (in a past-tense sentence its Monday up to the publication: "met this week"),
  "earlier this week" its Monday up to the publication. But "a week ago" counts
  seven days back, a day either way ("two weeks ago": fourteen, two days either way), as the
  writer counted them from the day they wrote, not a calendar week.
- **Spans relative to the publication** ("earlier this month", "the last couple of days", "in the
  coming days") are day ranges that end (or start) at the publication. Vague counts take their upper
  reading: a couple = 3, a few = 4, several = 7 units; bare "days" = 7 days, "weeks" = 8 weeks,
  "months" = 12 months, "years" = 10 years; a unit in the singular is one ("in the past day":
  the day before the publication and that day).
- **Durations** ("almost two months", "for weeks", "for months, if not years") have no EDTF form
  (EDTF has no durations). They get the span they cover, ending at the anchor (the publication) in
  a past or neutral sentence and starting at it in a future one; the EDTF value is that span as an
  interval, and the precision is ``duration``. "almost/nearly N" spans N units, "about N" N+1,
  "more than N" 2N.
- **Anchored** expressions ("since the early days of the war") are resolved against a known event
  (see :data:`ANCHOR_EVENTS`): "since X" spans from X to the publication. "since <date>" works the
  same with any date ("since January": 2024-01/2024-10-25).

All calendar arithmetic is python-dateutil's ``relativedelta``. Errors are
:class:`kb.errors.DateError` with what is wrong and what to do.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import weekday as rd_weekday

from kb.errors import DateError

#: The kinds a :class:`TimeExpression` can have.
KINDS = ("absolute", "relative", "duration", "anchored")


@dataclass(frozen=True)
class AnchorEvent:
    """A well-known event other expressions are resolved against ("the war")."""

    id: str
    start: date
    label: str


#: Events that expressions like "since the early days of the war" refer to. The knowledge base is
#: about the negotiations of the Gaza war, so "the war" is that war (add entries for others).
ANCHOR_EVENTS: dict[str, AnchorEvent] = {
    "war": AnchorEvent("gaza-war", date(2023, 10, 7), "the Gaza war, from the 7 October attack"),
}

#: Day names that name an event of their own in this domain ("the Oct. 7 massacre"), with the
#: anchor event whose first day they are.
NAMED_DAYS: dict[tuple[int, int], str] = {(10, 7): "war"}


@dataclass(frozen=True)
class TimeExpression:
    """One time expression of a text, resolved.

    ``start``/``end`` are character offsets in the text searched; ``tense`` is the direction the
    sentence gave it (``past``, ``future`` or ``None`` when nothing said).
    """

    text: str
    start: int
    end: int
    edtf: str
    earliest: date
    latest: date
    precision: str
    anchor: str
    kind: str
    tense: str | None = None

    @property
    def days(self) -> int:
        """How many days the expression allows (1 for a day)."""
        return (self.latest - self.earliest).days + 1

    def to_dict(self) -> dict:
        """A JSON-ready dict (dates as ISO strings)."""
        data = asdict(self)
        data["earliest"] = self.earliest.isoformat()
        data["latest"] = self.latest.isoformat()
        return data


# --- lexicon --------------------------------------------------------------------------------------

_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
_MONTH_NUMBER = {name.lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTH_NUMBER.update(
    {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
     "oct": 10, "nov": 11, "dec": 12}
)
_WEEKDAY_NAMES = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_WEEKDAY_NUMBER = {name.lower(): number for number, name in enumerate(_WEEKDAY_NAMES)}

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "eighteen": 18, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "ninety": 90, "a couple of": 3, "couple of": 3, "a few": 4,
    "few": 4, "several": 7, "some": 4, "many": 12,
}
#: The upper reading of a bare plural unit ("for weeks", "in the coming days").
_VAGUE_UNITS = {"hour": relativedelta(days=1), "day": relativedelta(days=7),
                "week": relativedelta(weeks=8), "month": relativedelta(months=12),
                "year": relativedelta(years=10)}
#: Bare plural units looking forward ("in the coming weeks") read shorter.
_COMING_UNITS = {"hour": relativedelta(days=1), "day": relativedelta(days=7),
                 "week": relativedelta(weeks=6), "month": relativedelta(months=6),
                 "year": relativedelta(years=5)}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
    r"(?![A-Za-z])"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![A-Za-z])"
_YEAR = r"(?:19|20)\d{2}(?![\d])"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?(?![\d])"
_NUM = (
    r"(?:\d{1,3}|a couple of|couple of|a few|few|several|some|many|a|an|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty"
    r"|thirty|forty|fifty|sixty|ninety)"
)
_UNIT = r"(?:hours?|days?|weeks?|months?|years?)(?![A-Za-z])"
_MONTH_MOD = r"(?:early|late|mid|the end of|the beginning of|the start of|the middle of)"
_START = r"(?<![\w-])"

# --- resolution helpers ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Value:
    edtf: str
    earliest: date
    latest: date
    precision: str
    kind: str
    anchor: str = "published"


def iso_span(earliest: date, latest: date) -> str:
    """The EDTF of a day, or of the days from ``earliest`` to ``latest``."""
    return earliest.isoformat() if earliest == latest else f"{earliest}/{latest}"


def _day(value: date, kind: str, anchor: str = "published") -> _Value:
    return _Value(value.isoformat(), value, value, "day", kind, anchor)


def _range(earliest: date, latest: date, kind: str, precision: str = "range",
           anchor: str = "published") -> _Value:
    if latest < earliest:
        earliest, latest = latest, earliest
    return _Value(iso_span(earliest, latest), earliest, latest,
                  "day" if earliest == latest else precision, kind, anchor)


def _month(year: int, month: int, kind: str) -> _Value:
    last = calendar.monthrange(year, month)[1]
    return _Value(f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last),
                  "month", kind)


def _year(year: int, kind: str) -> _Value:
    return _Value(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year", kind)


def _month_part(year: int, month: int, modifier: str | None, kind: str) -> _Value:
    """A month, or the part of it that "early", "mid", "late", "the end of" ... name."""
    if not modifier:
        return _month(year, month, kind)
    last = calendar.monthrange(year, month)[1]
    modifier = modifier.lower()
    if modifier in ("early", "the beginning of", "the start of"):
        first_day, last_day = 1, 10
    elif modifier in ("mid", "the middle of"):
        first_day, last_day = 11, 20
    else:  # late, the end of
        first_day, last_day = 21, last
    return _range(date(year, month, first_day), date(year, month, last_day), kind)


def _monday(value: date) -> date:
    return value - timedelta(days=value.weekday())


def _number(text: str) -> int:
    text = text.lower().strip()
    return int(text) if text.isdigit() else _NUMBER_WORDS[text]


def _unit_delta(unit: str, count: int) -> relativedelta:
    unit = unit.lower().rstrip("s")
    if unit == "hour":
        return relativedelta(days=max(1, -(-count // 24)))
    return relativedelta(**{unit + "s": count})


def _month_number(text: str) -> int:
    return _MONTH_NUMBER[text.lower().rstrip(".")]


#: The days of a month spelled as ordinals, read in "the thirteenth of July".
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                  "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                  "nineteenth twentieth").split()
_ORDINAL_NUMBER = {word: number for number, word in enumerate(_ORDINAL_WORDS, start=1)}
_ORDINAL_NUMBER.update({f"{tens}-{word}": base + number
                        for tens, base, last in (("twenty", 20, 9), ("thirty", 30, 1))
                        for number, word in enumerate(_ORDINAL_WORDS[:last], start=1)})
_ORDINAL_NUMBER["thirtieth"] = 30
_DAY_WORD = ("(?:" + "|".join(sorted(_ORDINAL_NUMBER, key=len, reverse=True)) + ")(?![\\w-])")


def _day_number(text: str) -> int:
    if (number := _ORDINAL_NUMBER.get(text.lower())) is not None:
        return number
    return int(re.match(r"\d+", text).group())


def _valid_day(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        last = calendar.monthrange(year, month)[1]
        raise DateError(
            f"{text!r}: no such day ({_MONTH_NAMES[month - 1]} {year} has {last} days)",
            hint="check the day of the month",
        ) from None


def _day_without_year(month: int, day: int, published: date, tense: str | None,
                      text: str) -> date:
    """The month and day nearest the publication on the side the tense points to."""
    if day < 1 or day > 31 or (month == 2 and day > 29) or day > calendar.monthrange(2024, month)[1]:
        raise DateError(f"{text!r}: no such day", hint="check the day of the month")
    step = 1 if tense == "future" else -1
    year = published.year
    for _ in range(10):  # 29 February waits for a leap year
        try:
            candidate = date(year, month, day)
        except ValueError:
            year += step
            continue
        if step < 0 and candidate > published:
            if candidate - published <= timedelta(days=45):
                return candidate  # "by his inauguration on 20 January" (published 13 January):
            year -= 1             # days ahead, not almost a year back
            continue
        if step > 0 and candidate < published:
            if published - candidate <= timedelta(days=45):
                return candidate  # "the truce would be extended on 2 March" (published 10 March):
            year += 1             # a narrative's "would", days back, not almost a year ahead
            continue
        return candidate
    raise DateError(f"{text!r}: no such day near {published}")  # pragma: no cover


def _month_year(month: int, published: date, tense: str | None, relation: str | None) -> int:
    """The year of a month named without one."""
    relation = (relation or "").lower()
    if relation == "last":
        return published.year if month < published.month else published.year - 1
    if relation == "next":
        return published.year if month > published.month else published.year + 1
    if relation == "this":
        return published.year
    if tense == "future":
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _weekday_date(weekday: int, published: date, tense: str | None, relation: str | None) -> date:
    relation = (relation or "").lower()
    if relation in ("last", "this past", "past"):
        return published - timedelta(days=1) + relativedelta(weekday=rd_weekday(weekday)(-1))
    if relation in ("next", "this coming", "coming"):
        return published + timedelta(days=1) + relativedelta(weekday=rd_weekday(weekday)(+1))
    if relation == "this":
        return _monday(published) + timedelta(days=weekday)
    if tense == "future":
        return published + relativedelta(weekday=rd_weekday(weekday)(+1))
    return published + relativedelta(weekday=rd_weekday(weekday)(-1))


def _span(published: date, delta: relativedelta, tense: str | None, kind: str,
          precision: str) -> _Value:
    """A span of ``delta`` ending at the publication (starting at it in the future)."""
    if tense == "future":
        return _range(published, published + delta, kind, precision)
    return _range(published - delta, published, kind, precision)


def _qualified(count: int, qualifier: str | None) -> int:
    qualifier = (qualifier or "").lower()
    if qualifier in ("about", "around", "roughly", "approximately", "some"):
        return count + 1
    if qualifier in ("more than", "over", "at least", "just over"):
        return max(count * 2, count + 1)
    return count


# --- rules ----------------------------------------------------------------------------------------

Handler = Callable[[re.Match, date, "str | None"], "_Value | None"]


class _Groups:
    """The groups of a day range, whichever order (day first or month first) matched."""

    def __init__(self, m: re.Match):
        self._m = m
        day_first = m["d1"] is not None
        self._groups = {"d1": m["d1"] if day_first else m["e1"],
                        "d2": m["d2"] if day_first else m["e2"],
                        "month": m["month"] if day_first else m["month2"], "year": m["year"]}

    def __getitem__(self, name: str) -> str | None:
        return self._groups[name]

    def group(self) -> str:
        return self._m.group()


def _absolute_day(m: re.Match, published: date, tense: str | None) -> _Value:
    month = _month_number(m["month"])
    day = _day_number(m["day"])
    if m["year"]:
        return _day(_valid_day(int(m["year"]), month, day, m.group()), "absolute")
    named = ANCHOR_EVENTS.get(NAMED_DAYS.get((month, day), ""))
    if named is not None and named.start <= published and tense != "future":
        return _day(named.start, "absolute")  # "killed in Be'eri on 7 October": the war's first
        # day, not its anniversary
    return _day(_day_without_year(month, day, published, tense, m.group()), "absolute")


def _day_range(m: re.Match, published: date, tense: str | None) -> _Value:
    """"3-5 August", "between 3 and 5 August 2024", "Aug. 3 to 5": one span of days."""
    month = _month_number(m["month"])
    first, last = _day_number(m["d1"]), _day_number(m["d2"])
    if m["year"]:
        end = _valid_day(int(m["year"]), month, last, m.group())
    else:
        end = _day_without_year(month, last, published, tense, m.group())
    start = _valid_day(end.year, month, first, m.group())
    if start > end:
        raise DateError(f"{m.group()!r}: the range ends before it starts",
                        hint="give the first day first")
    return _range(start, end, "absolute")


def _ordinal_day(m: re.Match, published: date, tense: str | None) -> _Value:
    """"on the 5th": that day of the publication's month, else of the month before (after, for
    the future) when it has not come yet (has passed)."""
    day = _day_number(m["day"])
    if not 1 <= day <= 31:
        raise DateError(f"{m.group()!r}: no such day", hint="check the day of the month")
    candidate = published.replace(day=1) + relativedelta(day=day)
    if candidate.day != day:
        raise DateError(f"{m.group()!r}: no such day in {published:%B}", hint="check the day")
    if tense == "future" and candidate < published:
        candidate = published.replace(day=1) + relativedelta(months=1, day=day)
    elif tense != "future" and candidate > published:
        candidate = published.replace(day=1) - relativedelta(months=1) + relativedelta(day=day)
    return _day(candidate, "relative")


def _weekday_ordinal_day(m: re.Match, published: date, tense: str | None) -> _Value | None:
    """"on Tuesday the 18th": the nearest day of that number, in the publication's month or
    the two before it (after it, for the future), that falls on that weekday; none when none
    does (the weekday alone is read then)."""
    day = _day_number(m["day"])
    weekday = _WEEKDAY_NUMBER[m["weekday"].lower()]
    step = 1 if tense == "future" else -1
    for months in range(3):
        first = published.replace(day=1) + relativedelta(months=step * months)
        candidate = first + relativedelta(day=day)
        if candidate.day != day or (step < 0 and candidate > published) or (
                step > 0 and candidate < published):
            continue
        if candidate.weekday() == weekday:
            return _day(candidate, "relative")
    return None


def _named_day(m: re.Match, published: date, tense: str | None) -> _Value | None:
    key = NAMED_DAYS.get((_month_number(m["month"]), _day_number(m["day"])))
    event = ANCHOR_EVENTS.get(key) if key else None
    if event is None or event.start > published:
        return None
    return _day(event.start, "anchored", f"event:{event.id}")


def _month_relative_year(m: re.Match, published: date, tense: str | None) -> _Value:
    offset = {"last": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}
    year = published.year + offset[m["rel"].lower()]
    return _month_part(year, _month_number(m["month"]), m["mod"], "absolute")


def _bare_month(m: re.Match, published: date, tense: str | None) -> _Value | None:
    if not (m["prep"] or m["rel"] or m["mod"] or _SINCE_BEFORE.search(m.string, 0, m.start())):
        return None  # a bare "May" may be a verb; a month needs a preposition or a modifier
    month = _month_number(m["month"])
    part = {"early in": "early", "late in": "late", "earlier in": None, "later in": None}.get(
        (m["mod"] or "").lower(), m["mod"])
    year = _month_year(month, published, tense, m["rel"])
    return _month_part(year, month, part, "absolute")


def _year_part(year: int, modifier: str | None, kind: str) -> _Value:
    """A year, or the third of it that "early", "mid", "late" ... name."""
    modifier = (modifier or "").lower()
    if modifier in ("early", "the beginning of", "the start of"):
        return _range(date(year, 1, 1), date(year, 4, 30), kind)
    if modifier in ("mid", "the middle of"):
        return _range(date(year, 5, 1), date(year, 8, 31), kind)
    if modifier in ("late", "the end of"):
        return _range(date(year, 9, 1), date(year, 12, 31), kind)
    return _year(year, kind)


def _year_only(m: re.Match, published: date, tense: str | None) -> _Value:
    return _year_part(int(m["year"]), m["mod"], "absolute")


def _iso_date(m: re.Match, published: date, tense: str | None) -> _Value:
    return _day(_valid_day(int(m["year"]), int(m["month"]), int(m["day"]), m.group()), "absolute")


def _weekday(m: re.Match, published: date, tense: str | None) -> _Value:
    day = _weekday_date(_WEEKDAY_NUMBER[m["weekday"].lower()], published, tense, m["rel"])
    return _day(day, "relative")


def _day_word(m: re.Match, published: date, tense: str | None) -> _Value:
    word = m["word"].lower()
    if word == "yesterday" or word == "last night":
        return _day(published - timedelta(days=1), "relative")
    if word == "tomorrow":
        return _day(published + timedelta(days=1), "relative")
    if word == "overnight":
        return _range(published - timedelta(days=1), published, "relative")
    return _day(published, "relative")


def _week(m: re.Match, published: date, tense: str | None) -> _Value:
    relation = m["rel"].lower()
    modifier = (m["mod"] or "").lower()
    monday = _monday(published)
    if m["unit"].lower() == "weekend":
        if relation in ("last", "past", "previous"):
            saturday = monday - timedelta(days=2)
        elif relation in ("next", "coming", "following"):
            saturday = monday + timedelta(days=12)
        else:
            saturday = monday + timedelta(days=5)
        return _range(saturday, saturday + timedelta(days=1), "relative")
    if relation == "past":
        return _range(published - timedelta(days=7), published, "relative")
    if relation in ("last", "previous"):
        monday -= timedelta(days=7)
    elif relation in ("next", "coming", "following"):
        monday += timedelta(days=7)
    sunday = monday + timedelta(days=6)
    if relation == "this" and modifier == "earlier":
        return _range(monday, published, "relative")
    if relation == "this" and modifier == "later":
        return _range(published, sunday, "relative")
    if relation == "this" and tense == "past" and published < sunday:
        return _range(monday, published, "relative")  # "told Reuters this week": what has
        # happened of the week, not the days after the publication
    return _range(monday, sunday, "relative", "week")


def _the_weekend(m: re.Match, published: date, tense: str | None) -> _Value:
    """"over the weekend": the nearest Saturday and Sunday on the tense's side."""
    if tense == "future":
        saturday = published + relativedelta(weekday=rd_weekday(5)(+1))
    else:
        saturday = (published - timedelta(days=1)) + relativedelta(weekday=rd_weekday(5)(-1))
    return _range(saturday, saturday + timedelta(days=1), "relative")


def _month_relative(m: re.Match, published: date, tense: str | None) -> _Value:
    relation = m["rel"].lower()
    modifier = (m["mod"] or "").lower()
    if relation == "past":
        return _range(published - relativedelta(months=1), published, "relative")
    offset = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1, "following": 1}
    first = published.replace(day=1) + relativedelta(months=offset[relation])
    value = _month_part(first.year, first.month, modifier if modifier in ("early", "late") else None,
                        "relative")
    if relation == "this" and modifier == "earlier":
        return _range(first, published, "relative")
    if relation == "this" and modifier == "later":
        return _range(published, value.latest, "relative")
    return value


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season_span(name: str, year: int) -> tuple[date, date]:
    """A season of the northern hemisphere, by meteorological months; the winter "of 2024"
    the one that ends in 2024."""
    start = date(year - 1 if name == "winter" else year, _SEASON_START[name], 1)
    return start, start + relativedelta(months=3) - timedelta(days=1)


def _season(m: re.Match, published: date, tense: str | None) -> _Value | None:
    """"in the spring", "last summer", "in the autumn of 2024", "early this winter"."""
    name = m["season"].lower()
    if m["year"]:
        earliest, latest = _season_span(name, int(m["year"]))
        kind = "absolute"
    else:
        spans = [_season_span(name, year) for year in range(published.year - 1,
                                                            published.year + 3)]
        relation = (m["rel"] or "").lower()
        started = [span for span in spans if span[0] <= published]
        ahead = [span for span in spans if span[0] > published]
        if relation in ("next", "coming", "following") or (not relation and tense == "future"):
            earliest, latest = ahead[0]
        elif relation in ("last", "past", "previous"):
            earliest, latest = started[-2] if started[-1][1] >= published else started[-1]
        elif relation == "this":
            earliest, latest = started[-1] if started[-1][1] >= published else ahead[0]
        else:
            earliest, latest = started[-1]
        kind = "relative"
    modifier = (m["mod"] or "").lower()
    if modifier == "early":
        latest = earliest + relativedelta(months=1) - timedelta(days=1)
    elif modifier == "late":
        earliest = latest.replace(day=1)
    return _range(earliest, latest, kind)


def _year_relative(m: re.Match, published: date, tense: str | None) -> _Value:
    relation = m["rel"].lower()
    modifier = (m["mod"] or "").lower()
    if relation == "past":
        return _range(published - relativedelta(years=1), published, "relative")
    offset = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1, "following": 1}
    year = published.year + offset[relation]
    if relation == "this" and modifier == "earlier":
        return _range(date(year, 1, 1), published, "relative")
    if relation == "this" and modifier == "later":
        return _range(published, date(year, 12, 31), "relative")
    return _year_part(year, modifier if modifier in ("early", "late") else None, "relative")


def _recent(m: re.Match, published: date, tense: str | None) -> _Value:
    unit = m["unit"].lower().rstrip("s")
    count = _number(m["num"]) if m["num"] else 1 if not m["unit"].lower().endswith("s") else None
    delta = _unit_delta(unit, count) if count else _VAGUE_UNITS[unit]
    return _range(published - delta, published, "relative")


def _coming(m: re.Match, published: date, tense: str | None) -> _Value:
    unit = m["unit"].lower().rstrip("s")
    delta = _unit_delta(unit, _number(m["num"])) if m["num"] else _COMING_UNITS[unit]
    return _range(published, published + delta, "relative")


def _ago(m: re.Match, published: date, tense: str | None) -> _Value:
    unit = m["unit"].lower().rstrip("s")
    count = _number(m["num"])
    point = published - _unit_delta(unit, count)
    if m["q"]:
        wider = published - _unit_delta(unit, count + 1)
        nearer = published - _unit_delta(unit, max(count - 1, 0))
        return _range(wider, nearer, "relative")
    if unit in ("day", "hour"):
        return _day(point, "relative")
    if unit == "week":
        return _range(point - timedelta(days=count), point + timedelta(days=count), "relative")
    if unit == "month":
        return _month(point.year, point.month, "relative")
    return _year(point.year, "relative")


def _duration(m: re.Match, published: date, tense: str | None) -> _Value:
    unit = m["unit"].lower().rstrip("s")
    count = _qualified(_number(m["num"]), m["q"])
    return _span(published, _unit_delta(unit, count), tense, "duration", "duration")


def _vague_duration(m: re.Match, published: date, tense: str | None) -> _Value:
    unit = (m["unit2"] or m["unit"]).lower().rstrip("s")
    return _span(published, _VAGUE_UNITS[unit], tense, "duration", "duration")


def _war_phase(m: re.Match, published: date, tense: str | None) -> _Value | None:
    event = ANCHOR_EVENTS.get("war")
    if event is None or event.start > published:
        return None
    anchor = f"event:{event.id}"
    if m["since"]:
        return _range(event.start, published, "anchored", anchor=anchor)
    phase = (m["phase"] or "").lower()
    if phase in ("start", "beginning", "outbreak", "onset", "first day"):
        return _day(event.start, "anchored", anchor)
    length = {"first weeks": 21, "first months": 90, "early months": 90}.get(phase, 14)
    end = min(event.start + timedelta(days=length), published)
    return _range(event.start, end, "anchored", anchor=anchor)


_i = "(?i:{})".format

_RULES: list[tuple[str, re.Pattern, Handler]] = [
    ("war-phase", re.compile(
        _START + r"(?:(?P<since>(?i:ever since|since))\s+|(?i:in|during|from)\s+)?"
        + _i(r"the\s+(?:very\s+)?")
        + r"(?P<phase>" + _i(r"early days|first days|first day|first weeks|first months|"
                             r"early months|early stages|opening days|start|beginning|outbreak|"
                             r"onset") + r")"
        + _i(r"\s+of\s+the\s+(?:current\s+)?(?:war|conflict|Gaza war|war in Gaza|"
             r"Israel-Hamas war)") + r"(?![\w-])"), _war_phase),
    ("war-began", re.compile(
        _START + r"(?P<since>" + _i("ever since|since") + r")\s+"
        + _i(r"the\s+(?:war|conflict)\s+(?:began|started|broke out|erupted)")
        + r"(?P<phase>)"), _war_phase),
    ("named-day", re.compile(
        _START + r"(?P<month>" + _MONTH + r")\s+(?P<day>" + _DAY + r")"
        + r"(?=\s+" + _i(r"massacre|attacks?|assault|invasion|onslaught|atrocities|rampage|"
                         r"terror|slaughter|pogrom|incursion|surprise attack") + r")"), _named_day),
    ("day-range", re.compile(
        _START + r"(?:" + _i("between|from") + r"\s+)?(?:(?P<d1>" + _DAY + r")\s*(?:-|–|"
        + _i("and|to|until|through") + r")\s*(?P<d2>" + _DAY + r")\s+(?P<month>" + _MONTH
        + r")|(?P<month2>" + _MONTH + r")\s+(?P<e1>" + _DAY + r")\s*(?:-|–|" + _i("and|to|until|"
        "through") + r")\s*(?P<e2>" + _DAY + r"))(?:,?\s+(?P<year>" + _YEAR + r"))?"),
     lambda m, p, t: _day_range(_Groups(m), p, t)),
    ("ordinal-day", re.compile(
        _START + _i(r"on\s+the\s+") + r"(?P<day>[0-3]?\d(?:st|nd|rd|th))(?![\w-])(?!\s+"
        + _i("of") + r"\b)"), _ordinal_day),
    # "on Tuesday the 18th": the day of that number that falls on that weekday
    ("weekday-ordinal-day", re.compile(
        _START + r"(?:" + _i("on") + r"\s+)?(?P<weekday>" + _WEEKDAY + r"),?\s+" + _i(r"the\s+")
        + r"(?P<day>[0-3]?\d(?:st|nd|rd|th))(?![\w-])(?!\s+" + _i("of") + r"\b)"),
     _weekday_ordinal_day),
    ("iso-date", re.compile(
        _START + r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])"), _iso_date),
    # "on Thursday 20 February", "Friday, Feb. 21, 2025": one day, the weekday no second date
    ("weekday-day-month-year", re.compile(
        _START + r"(?:" + _i("on") + r"\s+)?" + _WEEKDAY + r",?\s+(?P<day>" + _DAY + r")\s+"
        r"(?P<month>" + _MONTH + r"),?(?:\s+(?P<year>" + _YEAR + r"))?"), _absolute_day),
    ("weekday-month-day-year", re.compile(
        _START + r"(?:" + _i("on") + r"\s+)?" + _WEEKDAY + r",?\s+(?P<month>" + _MONTH
        + r")\s+(?P<day>" + _DAY + r")(?:,?\s+(?P<year>" + _YEAR + r"))?"), _absolute_day),
    ("day-month-year", re.compile(
        _START + r"(?P<day>" + _DAY + r")\s+(?P<month>" + _MONTH + r"),?(?:\s+(?P<year>"
        + _YEAR + r"))?"), _absolute_day),
    ("month-day-year", re.compile(
        _START + r"(?P<month>" + _MONTH + r")\s+(?P<day>" + _DAY + r")(?:,?\s+(?P<year>"
        + _YEAR + r"))?"), _absolute_day),
    ("day-of-month", re.compile(
        _START + _i(r"the\s+") + r"(?P<day>" + _DAY + "|" + _i(_DAY_WORD) + r")\s+" + _i("of")
        + r"\s+(?P<month>" + _MONTH + r")(?:,?\s+(?P<year>" + _YEAR + r"))?"), _absolute_day),
    ("month-year", re.compile(
        _START + r"(?:(?P<mod>" + _i(r"last|this|next|" + _MONTH_MOD[3:-1]) + r")[\s-])?"
        + r"(?P<month>" + _MONTH + r"),?\s+(?:" + _i("of") + r"\s+)?(?P<year>" + _YEAR + r")"),
     lambda m, p, t: _month_part(int(m["year"]), _month_number(m["month"]),
                                 None if (m["mod"] or "").lower() in ("last", "this", "next")
                                 else m["mod"], "absolute")),
    ("month-relative-year", re.compile(
        _START + r"(?:(?:" + _i("in|during|by|until|from") + r")\s+)?(?:(?P<mod>"
        + _i(_MONTH_MOD[3:-1]) + r")[\s-])?(?P<month>" + _MONTH + r"),?\s+(?:"
        + _i("of") + r"\s+)?(?P<rel>" + _i("last|this|next|the previous|the following")
        + r")\s+" + _i("year") + r"(?![\w-])"), _month_relative_year),
    ("bare-month", re.compile(
        _START + r"(?:(?P<prep>" + _i("in|during|by|until|till|through|throughout|before|after|"
                                      "from") + r")\s+|(?P<rel>" + _i("last|this|next")
        + r")\s+)?(?:(?P<mod>" + _i(_MONTH_MOD[3:-1] + "|earlier in|later in|early in|late in")
        + r")[\s-])?(?P<month>" + _MONTH + r")(?![.\s,]*\d)"), _bare_month),
    ("season", re.compile(
        _START + r"(?:(?:" + _i("in|during|by|over|through|throughout|until|till|before|after")
        + r")\s+)?(?:" + _i("the") + r"\s+)?(?:(?P<mod>" + _i("early|late") + r")(?:\s+" + _i("in")
        + r")?\s+)?(?:(?:" + _i("the") + r"\s+)?(?P<rel>" + _i("last|this|next|past|coming|previous|"
        "following") + r")\s+)?(?P<season>" + _i("spring|summer|autumn|fall|winter") + r")"
        + r"(?:,?\s+(?:" + _i("of") + r"\s+)?(?P<year>" + _YEAR + r"))?(?![\w-])"),
     lambda m, p, t: _season(m, p, t) if (m["year"] or m["rel"] or re.match(
         r"(?i)(?:in|during|by|over|through|throughout|until|till|before|after|the|early|late)\b",
         m.group())) and not (m["season"].lower() == "fall" and not (m["year"] or re.match(
             r"(?i)(?:in|during|by|over|through|throughout|until|till|before|after)\s+the\b",
             m.group()))) else None),
    ("year", re.compile(
        r"(?<![\w$£€.,-])(?:(?:" + _i("in|by|until|till|during|before|after|from|of")
        + r")\s+)?(?:(?P<mod>" + _i(_MONTH_MOD[3:-1]) + r")[\s-])?(?P<year>" + _YEAR
        + r")(?![.,]?\d)(?![\w-])"), _year_only),
    ("weekday", re.compile(
        _START + r"(?:(?:" + _i("on|by|until|from|before|after") + r")\s+)?(?:(?P<rel>"
        + _i("this past|this coming|last|this|next|coming|past") + r")\s+)?(?P<weekday>"
        + _WEEKDAY + r")(?:\s+" + _i("morning|afternoon|evening|night") + r"(?![\w-]))?"),
     _weekday),
    ("day-word", re.compile(
        _START + r"(?P<word>" + _i(r"yesterday|today|tomorrow|tonight|last night|this morning|"
                                   r"this afternoon|this evening|overnight") + r")(?![\w-])"),
     _day_word),
    ("week", re.compile(
        _START + _i(r"(?:(?P<mod>earlier|later)\s+)?(?:the\s+)?(?P<rel>last|this|next|past|"
                    r"previous|coming|following)\s+(?P<unit>weekend|week)(?![\w-])")), _week),
    ("the-weekend", re.compile(
        _START + _i(r"(?:over|during|at|on)\s+the\s+weekend(?![\w-])")), _the_weekend),
    ("month-relative", re.compile(
        _START + _i(r"(?:(?P<mod>earlier|later|early|late)\s+(?:in\s+)?)?(?:the\s+)?(?P<rel>last|"
                    r"this|next|past|previous|coming|following)\s+month(?![\w-])")),
     _month_relative),
    ("year-relative", re.compile(
        _START + _i(r"(?:(?P<mod>earlier|later|early|late)\s+(?:in\s+)?)?(?:the\s+)?(?P<rel>last|"
                    r"this|next|past|previous|coming|following)\s+year(?![\w-])")),
     _year_relative),
    ("recent", re.compile(
        _START + _i(r"(?:(?:in|over|during|for|within)\s+)?(?:the\s+(?:last|past|previous)\s+"
                    r"(?:(?P<num>" + _NUM[3:-1] + r")\s+)?|recent\s+)(?P<unit>hours|days|weeks|"
                    r"months|years|hour|day|week|month|year)(?![\w-])")), _recent),
    ("coming", re.compile(
        _START + _i(r"(?:in|over|during|within)\s+(?:the\s+)?(?:coming|next|following|upcoming)"
                    r"\s+(?:(?P<num>" + _NUM[3:-1] + r")\s+)?(?P<unit>hours|days|weeks|months|"
                    r"years|day|week|month|year)(?![\w-])")), _coming),
    ("ago", re.compile(
        _START + _i(r"(?:(?P<q>about|around|nearly|almost|some|roughly|more than|over|less than|"
                    r"just over|just under)\s+)?(?P<num>" + _NUM[3:-1] + r")\s+(?P<unit>hours?|"
                    r"days?|weeks?|months?|years?)\s+ago(?![\w-])")), _ago),
    ("duration", re.compile(
        _START + _i(r"(?:(?P<prep>for|in|over|after|within|throughout|during)\s+)?(?:(?P<q>almost|"
                    r"nearly|about|around|roughly|some|more than|over|less than|under|at least|"
                    r"just over|just under|approximately)\s+)?(?P<num>" + _NUM[3:-1] + r")\s+"
                    r"(?P<unit>hours?|days?|weeks?|months?|years?)(?![\w-])")), _duration),
    ("vague-duration", re.compile(
        _START + _i(r"(?:for|in|over)\s+(?:(?:many|several|a few|some)\s+)?(?P<unit>days|weeks|"
                    r"months|years)(?:,?\s+(?:if not|or even|or|and|perhaps|possibly|maybe)\s+"
                    r"(?:(?:many|several|even)\s+)?(?P<unit2>days|weeks|months|years))?"
                    r"(?![\w-])")), _vague_duration),
]


# A duration needs a preposition or a qualifier unless its count is a real number ("a day" alone
# is too often "three times a day").
_BARE_ARTICLE_COUNT = re.compile(r"(?i)^(?:a|an)\s")

# --- tense ------------------------------------------------------------------------------------------

_FUTURE_CUES = re.compile(
    r"(?i)\b(?:will|won[’']t|shall|would|could|might|(?:is|are|was|were|be|been)\s+(?:scheduled|set|"
    r"due|expected|slated|planned|poised|going|supposed|about)\s+to|"
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?<!\bour\s)"
    r"(?<!\bthis\s)(?<!\bthat\s)(?<![’']s\s)(?<!\bceasefire\s)(?<!\bpeace\s)(?<!\btruce\s)"
    r"plans?\s+to|planning\s+to|"
    r"intends?\s+to|upcoming|next|is\s+to|are\s+to|to\s+be\s+held|"
    # "a ceasefire, to take effect on Sunday", "a truce to start on Sunday": when it will begin
    r"to\s+(?:take|come\s+into|enter\s+into|go\s+into)\s+(?:effect|force)|"
    r"to\s+(?:start|begin)(?=\s+(?:on|at|from)\b))\b|[’']ll\b"
)
_PAST_CUES = re.compile(
    r"\b(?:said|told|was|were|had|did|met|held|made|gave|took|came|went|left|began|sent|saw|"
    r"spoke|wrote|found|struck|fled|stood|laid|brought|led|broke|kept|sought|fought|won|lost|"
    r"rose|fell|drew|threw|flew|ran|rode|drove|paid|heard|felt|meant|chose|sat|became|knew|"
    r"thought|bought|caught|taught|built|spent|withdrew|oversaw|shot|woke|stole|froze|sank|"
    r"hung|hid|wrote|ate|grew|blew|tore|swore|sold|dealt|[a-z]{3,}ed)\b"
)
_NOT_PAST = re.compile(
    r"(?:scheduled|expected|planned|slated|supposed|need|speed|based|united|alleged|"
    r"so-called|concerned|interested|related|armed)$"
)
_REPORTING = re.compile(r"said|says|told|added|stated|noted|reported|confirmed")
_REPORTING_WORD = re.compile(r"\b(?:" + _REPORTING.pattern + r")\b")
_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:the|a|an|its|their|his|her|our)\s+$")
_SENTENCE_BREAK = re.compile(
    r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?…]+[”\"’)]*\s+(?=[A-Z“\"‘(])|\n"
)
#: What may come before a date in the adverbial opening a sentence ("In the small hours of",
#: "Late on"): a preposition and a few words, no clause.
_OPENING_PHRASE = re.compile(r"(?i)\s*(?:(?:in|on|at|during|late|early|by|before|after|from|"
                             r"until|then)\b[^,;:.\"“]{0,40})?")
_QUOTE_SPAN = re.compile(r"“[^”\n]*”?|\"[^\"\n]*\"?")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for m in _SENTENCE_BREAK.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_BREAK.search(text, end)
    return left, (m.start() if m else len(text))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The spans of quoted passages (curly or straight double quotes) in ``text``."""
    return [(m.start(), m.end()) for m in _QUOTE_SPAN.finditer(text)]


def tense_at(text: str, start: int, end: int) -> str | None:
    """``past``, ``future`` or ``None``: the tense nearest the span ``start:end`` in its sentence.

    Quoted passages count only for expressions inside them; future cues ("will", "is scheduled
    to") outweigh past ones at the same distance; a reporting verb after a comma ("..., a source
    said") is not the tense of the clause it reports, nor a future after a reporting verb ("On
    Sunday, X said it would") the tense of the words before it.
    """
    quotes = quote_spans(text)
    inside = next(((a, b) for a, b in quotes if a <= start and end <= b), None)
    if inside:
        left, right = _sentence_bounds(text[inside[0]:inside[1]], start - inside[0],
                                       end - inside[0])
        left, right = left + inside[0], right + inside[0]
        window = text[left:right]
    else:
        left, right = _sentence_bounds(text, start, end)
        window = list(text[left:right])
        for a, b in quotes:
            for i in range(max(a, left), min(b, right)):
                window[i - left] = " "
        window = "".join(window)
    best: tuple[float, str] | None = None
    future_spans = []
    for m in _FUTURE_CUES.finditer(window):
        a, b = m.start() + left, m.end() + left
        future_spans.append((a, b))
        if (a >= start and b <= end) or (a >= end and _REPORTING_WORD.search(window, end - left,
                                                                              a - left)):
            continue  # "On Sunday, X said it would ...": the future of the words reported
        if a >= end and re.search(r"(?i)\bthat\b", window[end - left:a - left]) and \
                _REPORTING_WORD.search(window, 0, start - left):
            continue  # "X said in an interview broadcast on Wednesday that he would ...": the
            # future of the words reported after "that", not the saying's
        distance = (start - b) if b <= start else (a - end)
        score = max(distance, 0) * 0.6
        if best is None or score < best[0]:
            best = (score, "future")
    for m in _PAST_CUES.finditer(window):
        a, b = m.start() + left, m.end() + left
        if (a >= start and b <= end) or any(x <= a < y for x, y in future_spans):
            continue
        if _NOT_PAST.search(m.group()) or _DETERMINER_BEFORE.search(window[:m.start()]):
            continue
        if a >= end and _REPORTING.fullmatch(m.group()) and "," in text[end:a] and not (
                re.match(r"\s*,", text[end:a]) and _OPENING_PHRASE.fullmatch(text[left:start])):
            continue  # "..., a source said": the reporting verb is not the clause's tense
            # (but "On Tuesday, Egypt said ...", "In the small hours of Sunday, X said": the
            # comma closes the opening adverbial)
        distance = (start - b) if b <= start else (a - end)
        score = max(distance, 0)
        if best is None or score < best[0]:
            best = (score, "past")
    return best[1] if best else None


# --- public API -----------------------------------------------------------------------------------


def _check_published(published: object) -> date:
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    raise DateError(f"{published!r}: the publication date is not a date",
                    hint="give a datetime.date, e.g. date(2024, 10, 25)")


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    order: int
    value: _Value
    tense: str | None


#: A month or weekday name in capitals ("SATURDAY 6 APRIL", a round-up's day heading).
_CAPITALS = re.compile(r"\b[A-Z]{3,9}\b")
_CALENDAR_WORDS = frozenset(_MONTH_NUMBER) | frozenset(_WEEKDAY_NUMBER)


def _title_cased(text: str) -> str:
    """``text`` with month and weekday names in capitals written as names (same offsets)."""
    return _CAPITALS.sub(lambda m: m.group().capitalize() if m.group().lower() in _CALENDAR_WORDS
                         else m.group(), text)


def _candidates(text: str, published: date, tense: str | None,
                strict: bool) -> list[_Candidate]:
    text = _title_cased(text)
    found: list[_Candidate] = []
    for order, (name, pattern, handler) in enumerate(_RULES):
        for m in pattern.finditer(text):
            if name == "duration" and not (m["prep"] or m["q"]) and _BARE_ARTICLE_COUNT.match(
                    m["num"] + " "):
                continue
            direction = tense if tense is not None else tense_at(text, m.start(), m.end())
            try:
                value = handler(m, published, direction)
            except DateError:
                if strict:
                    raise
                continue
            if value is not None:
                found.append(_Candidate(m.start(), m.end(), order, value, direction))
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """The longest candidates that do not overlap (earlier rules win ties)."""
    chosen: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        if all(candidate.end <= c.start or candidate.start >= c.end for c in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


_SINCE_BEFORE = re.compile(r"(?i)(?<![\w-])(?:ever\s+)?since\s+(?:the\s+)?$")  # ("since the
# Oct. 7 attack")


def _with_since(text: str, candidate: _Candidate, published: date) -> tuple[int, _Value]:
    """Widen "since <date>" to the span from that date to the publication."""
    value = candidate.value
    m = _SINCE_BEFORE.search(text, 0, candidate.start)
    if not m or value.kind == "duration" or value.earliest > published:
        return candidate.start, value
    first = value.edtf.split("/")[0]
    edtf = first if value.earliest == published else f"{first}/{published.isoformat()}"
    return m.start(), _Value(edtf, value.earliest, published, "range", value.kind, value.anchor)


def find_time_expressions(text: str, published: date, *, tense: str | None = None,
                          ) -> list[TimeExpression]:
    """Every time expression of ``text``, resolved against ``published``, in text order.

    ``tense`` forces a direction for all of them; by default each takes its sentence's.
    Expressions that name impossible days ("February 30") are left out; :func:`resolve` reports
    them.
    """
    published = _check_published(published)
    expressions = []
    for candidate in _select(_candidates(text, published, tense, strict=False)):
        start, value = _with_since(text, candidate, published)
        expressions.append(TimeExpression(
            text=text[start:candidate.end], start=start, end=candidate.end, edtf=value.edtf,
            earliest=value.earliest, latest=value.latest, precision=value.precision,
            anchor=value.anchor, kind=value.kind, tense=candidate.tense))
    return expressions


def resolve(expression_text: str, published: date, tense: str | None = None) -> TimeExpression:
    """Resolve one time expression ("last week", "July 13") against ``published``.

    ``tense`` (``past`` or ``future``) decides the direction of weekdays, month names and
    durations; by default it is read from the expression's own words.
    """
    published = _check_published(published)
    if tense not in (None, "past", "future"):
        raise DateError(f"tense {tense!r} is not known", hint="use 'past', 'future' or None")
    stripped = (expression_text or "").strip()
    if not stripped:
        raise DateError("the time expression is empty", hint="give words such as 'last week'")
    body = stripped.rstrip(".,;:")
    whole = []
    for candidate in _candidates(body, published, tense, strict=True):
        start, value = _with_since(body, candidate, published)
        if start == 0 and candidate.end == len(body):
            whole.append((candidate.order, candidate, value))
    if not whole:
        raise DateError(
            f"{stripped!r}: not a time expression this resolver knows",
            hint="use e.g. 'last week', 'July 13', 'in January', 'on Friday', 'almost two months'",
        )
    _, best, value = min(whole, key=lambda item: item[0])
    return TimeExpression(
        text=body, start=0, end=len(body), edtf=value.edtf, earliest=value.earliest,
        latest=value.latest, precision=value.precision, anchor=value.anchor, kind=value.kind,
        tense=best.tense)


def parse_date(text: str, *, where: str = "date") -> date:
    """A calendar date from ``YYYY-MM-DD`` text, or a :class:`DateError` saying what to give."""
    value = (text or "").strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        raise DateError("not a date", where=f"{where} {text!r}", hint="use YYYY-MM-DD")
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise DateError("no such day", where=f"{where} {text!r}",
                        hint="use a real calendar date, YYYY-MM-DD") from None
