"""The article's reference time, tracked sentence by sentence, and dates relative to other events.

Three stages, each a function of what the ones before produced:

- :func:`dateline` finds the day the article speaks from when it says so near its top (a date
  line "DOHA, Aug 16 -", a line that is only a date, "Issued on 8 August 2024", "spoke to us on
  Tuesday, 12 November"). Relative words ("on Saturday", "ten days ago", "yesterday") are resolved
  against it rather than against the publication date.
- :func:`anchor_relative` resolves what :mod:`kb.extract.timex` cannot, because it depends on the
  article: "a day earlier", "two days later", "the next day", "hours before the news conference",
  "three days after the leaders' appeal", "since the announcement", "the following week", "the
  Tuesday before", "the previous Wednesday". The anchor is the event the words name (its own date,
  "months after the 7 October attack", else the nearest earlier sentence that mentions it with a
  date), else the last date the article gave (as HeidelTime does for underspecified expressions;
  a round-up's day heading counts, a past perfect's date or a plan's does not).
- :func:`context_dates` gives each sentence the date the article was last talking about: what a
  sentence without a time expression of its own most likely means.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import pairwise

from dateutil.relativedelta import relativedelta

from kb.extract.lexicon import CUE_PATTERNS
from kb.extract.sentences import Sentence, line_of
from kb.extract.timex import (
    ANCHOR_EVENTS,
    TimeExpression,
    find_time_expressions,
    iso_span,
    quote_spans,
)

_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
            "eighteen": 18, "nineteen": 19, "twenty": 20, "a couple of": 2, "a few": 3,
            "several": 4, "some": 3}
_NUM = r"(?:\d{1,2}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_EVENT_NOUN = r"(?:the|that|this|his|her|its|their|our|my|your|[\w’']+[’']s?)\s+(?:[\w’'-]+\s+){0,2}?[\w-]+"

#: Expressions relative to another event or to the date last given.
RELATIVE = re.compile(
    r"(?i)(?<![\w-])(?:"
    r"(?P<count>" + _NUM + r")\s+(?P<unit>hours?|days?|weeks?|months?)\s+(?:to\s+the\s+day\s+)?"
    r"(?P<dir>earlier|later|before|after|afterwards)(?:(?:(?<=before)|(?<=after))\s+(?P<noun>"
    + _EVENT_NOUN + r"))?"  # (an event after "before", "after"; "A day later X's office issued")
    r"(?P<in_day>(?<=earlier|..later)\s+in\s+the\s+(?:day|morning|afternoon|evening))?"
    r"|(?P<vague>hours|days|weeks|moments|minutes)\s+(?P<vdir>earlier|later|before|after|"
    r"afterwards)(?:(?:(?<=before)|(?<=after))\s+(?P<vnoun>" + _EVENT_NOUN + r"))?"
    r"|the\s+(?P<step>next|following|previous|preceding)\s+(?P<sunit>day|morning|evening|"
    r"night|week|month)"
    r"|(?<!\bto\s)the\s+(?P<dunit>day|week)\s+(?P<ddir>before|after)(?:\s+(?P<dnoun>" + _EVENT_NOUN + r"))?"
    r"|(?P<same>that(?:\s+same)?|the\s+same)\s+(?P<same_unit>day|evening|night|morning)"
    r"|(?P<inweek>earlier)\s+(?:in\s+the|that)\s+week"  # ("earlier in the week": matched so
    # that its "the week" is not read as "the week before", and left unresolved)
    r"|(?P<inday>(?:earlier|later)\s+in\s+the\s+(?:day|evening|morning|afternoon)|(?:in|during)\s+"
    r"the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night))"  # ("In the afternoon")
    # "On the Friday morning", "The same Saturday", "that Sunday": a narrative's weekday, the
    # first such day from the time the story is at (not the publication's week)
    r"|(?:that(?:\s+same)?|the(?:\s+same)?)\s+(?P<wday>monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)(?:\s+(?P<wdir>before|after)(?![\w-]))?"
    # "the previous Wednesday": the first such day before it
    r"|the\s+(?P<wstep>previous|preceding)\s+(?P<sday>monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)"
    r"|(?:ever\s+)?since\s+(?P<since>the\s+(?:[\w’'-]+\s+){0,1}?(?:announcement|agreement|deal|"
    r"attack|strike|strikes|meeting|talks|ceasefire|truce|killing|assassination|speech|"
    r"statement|news\s+conference|press\s+conference|summit|offer|proposal|raid|invasion|"
    r"operation))"
    r")(?![\w-]|\.\w)"  # (not "after the U" of "after the U.N. Security Council adopted")
)

#: What before a date near the top makes it the article's own day: a date line ("DOHA, Aug 16 -",
#: "Sunday 27 October 2024"), "Issued on", "spoke to us in Doha on".
_DATELINE_BEFORE = re.compile(
    r"(?i)^(?:\s*|[A-Z][A-Za-z .'/-]{1,40},\s*|(?:issued|published|posted|updated|dated)\s+(?:on\s+)?"
    r"|.*\b(?:spoke|talked|speaking)\s+(?:to|with)\s+\w+\b.*)$")


#: What follows the date of a date line: the line's end, a dash, the agency in brackets, a time.
_DATELINE_AFTER = re.compile(r"\s*(?:$|[-–—:|(]|\d{1,2}[:.]\d{2}|\(|,?\s*(?:19|20)\d{2}\s*$)")


def dateline(text: str, sentences: list[Sentence], published: date) -> TimeExpression | None:
    """The day the article speaks from when a line near its top says so, else ``None``.

    Only a day no later than the publication and at most two weeks before it counts. A headline
    that ends in a full date set off by a dash, a bar or a comma ("Israel-Hamas war: live
    updates - Thursday 9 November 2023") says it too, when no line under it does.
    """
    day_lines: set[int] | None = None  # the lines that name nothing but a day
    for sentence in [s for s in sentences[1:6] if s.start < 600]:  # the first is the headline
        line_end = text.find("\n", sentence.end)
        if len(sentence.text) <= 30 and sentence.text.endswith(".") and \
                text[sentence.end:line_end if line_end >= 0 else len(text)].strip() and \
                not re.search(r"(?:19|20)\d{2}\.$", sentence.text):
            continue  # "Tuesday. Egypt met ...": a paragraph's heading, not the article's day
            # (but "Monday 10 June 2024. All times BST." dates a live blog)
        if _WEEKDAY.fullmatch(sentence.text.strip(" .,:;–—-")):
            continue  # "Monday" alone on its line: a round-up's heading, not the article's day
        if day_lines is None:
            day_lines = {s.index for s in sentences[1:] if _day_line(text, s, published)}
        if sentence.index in day_lines and len(day_lines) >= 2 and not re.search(
                r"(?:19|20)\d{2}", sentence.text) and any(
                _BODY.search(s.text) for s in sentences[1:sentence.index]):
            continue  # a lead paragraph, then "SUNDAY 1 SEPTEMBER" and, further down, "MONDAY
            # 2 SEPTEMBER": a round-up's day headings, not the article's day (but a day line
            # right under the headline still dates a live blog)
        whole_line = line_of(text, sentence)
        for expression in find_time_expressions(sentence.text, published):
            if expression.precision != "day" or expression.kind == "duration":
                continue
            if not published - timedelta(days=14) <= expression.earliest <= published:
                continue
            before = sentence.text[:expression.start]
            after = sentence.text[expression.end:]
            if (_DATELINE_BEFORE.match(before) and (
                    re.search(r"(?i)\b(?:spoke|talked|speaking)\b", before)
                    or _DATELINE_AFTER.match(after)
                    or not re.search(r"\b[a-z]{3,}\b", after))) or (  # "Sunday 27 October 2024"
                    # "Our Saturday round-up, 15 February 2025": a short line that ends in a
                    # full date (with its year) dates the article
                    # (a longer one when a dash or a bar sets the date off: "Rolling coverage
                    # from our correspondents in ... - Monday 12 May 2025")
                    whole_line == sentence.text.strip() and (
                        len(whole_line) <= 80 or re.search(r"\s[-–—|]\s*(?:[A-Z][a-z]+,?\s+)?$", before))
                    and expression.kind == "absolute" and re.search(r"(?:19|20)\d{2}",
                                                                    expression.text)
                    and (not after.strip(" .") or (_SET_OFF_AFTER.match(after)
                                                   and not whole_line.endswith(".")
                                                   and published - expression.earliest
                                                   <= timedelta(days=1)))):
                return TimeExpression(expression.text, sentence.start + expression.start,
                                      sentence.start + expression.end, expression.edtf,
                                      expression.earliest, expression.latest, "day",
                                      "published", "absolute", expression.tense)
    return _headline_date(text, sentences[0], published) if sentences else None


#: What may follow the full date of a live blog's line and still leave it the article's day: a
#: bar, a dash or a bracket setting off what comes next ("- Thursday 6 June 2024 (all times
#: Israel time)", "Northgate Live | Friday 24 May 2024 | All times Israel (GMT+3)"), when that
#: day is the publication's or the day before (not "Weekly round-up | Tuesday 12 March 2024 |
#: Compiled by the news desk" of a week before).
_SET_OFF_AFTER = re.compile(r"\s*(?:[|–—(]|-\s)")


#: A headline's end that is its article's day: a full date (with its year, after a weekday or
#: not) set off from the words before it by a dash, a bar or a comma.
_HEADLINE_DATE_BEFORE = re.compile(r"\S\s*[-–—|,]\s*$")


def _headline_date(text: str, headline: Sentence, published: date) -> TimeExpression | None:
    """The day a headline ends in ("... live updates - Thursday 9 November 2023"), when the
    headline is a line of its own and the day is at most two weeks before the publication."""
    if line_of(text, headline) != headline.text.strip():
        return None
    found = find_time_expressions(headline.text, published)
    if not found:
        return None
    last = found[-1]
    if last.kind != "absolute" or last.precision != "day" or \
            not re.search(r"(?:19|20)\d{2}$", last.text) or \
            headline.text[last.end:].strip(" .") or \
            not _HEADLINE_DATE_BEFORE.search(headline.text[:last.start]) or \
            not published - timedelta(days=14) <= last.earliest <= published:
        return None
    return TimeExpression(last.text, headline.start + last.start, headline.start + last.end,
                          last.edtf, last.earliest, last.latest, "day", "published", "absolute",
                          last.tense)


#: A sentence of an article's body: eight words or more, ending as a sentence ends.
_BODY = re.compile(r"^(?:\S+\s+){7,}.*[.!?”\"]\s*$", re.DOTALL)


def _day_line(text: str, sentence: Sentence, published: date) -> bool:
    """Whether a sentence is a line of its own naming nothing but a day or two ("SUNDAY 1
    SEPTEMBER", "Monday, September 2", "Thursday and Friday"): a day heading."""
    if len(sentence.text.split()) > 6:
        return False
    if line_of(text, sentence) != sentence.text.strip():
        return False
    return _date_heading(sentence, [replace(e, start=e.start + sentence.start,
                                            end=e.end + sentence.start)
                                    for e in find_time_expressions(sentence.text, published)],
                         published) is not None


@dataclass(frozen=True)
class _Anchor:
    earliest: date
    latest: date
    text: str


def _stem(noun: str) -> str:
    word = re.sub(r"[’']s?$", "", noun.split()[-1].lower())
    word = re.sub(r"(?<=\w{4})ments?$", "", word)  # "the announcement": a sentence "announced"
    return word[:max(4, len(word) - 3)]


def _usable(expression: TimeExpression, reference: date) -> bool:
    return expression.kind != "duration" and expression.days <= 31 and \
        expression.earliest <= reference


def _backstory(expression: TimeExpression, reference: date) -> bool:
    """Whether a date is the first day of a well-known event long past (the war's, "seized at the
    festival on Oct. 7 and had spent eight months in captivity"): what every story of the domain
    goes back to, not a day it goes on from (so not the time a story of a later day is at)."""
    return expression.earliest == expression.latest and \
        reference - expression.earliest > timedelta(days=60) and \
        any(event.start == expression.earliest for event in ANCHOR_EVENTS.values())


def _find_anchor(noun: str | None, text: str, before: list[tuple[Sentence, list[TimeExpression]]],
                 last: TimeExpression | None, reference: date) -> _Anchor | None:
    """The date of the event ``noun`` names (nearest earlier sentence that names and dates it),
    else the last date the article gave."""
    if noun:
        stem = _stem(noun)
        head = re.sub(r"[’']s?$", "", noun.split()[-1])
        kinds = {kind for kind, pattern, _ in CUE_PATTERNS if pattern.fullmatch(head.lower())}
        same_kind = [pattern for kind, pattern, _ in CUE_PATTERNS if kind in kinds]
        for sentence, expressions in reversed(before):
            if stem not in sentence.text.lower() and not any(
                    pattern.search(sentence.text) for pattern in same_kind):
                continue  # "the strike" is a sentence saying "struck", "the talks" one that "met"
            dated = [e for e in expressions if _usable(e, reference) and e.days <= 7]
            if dated:
                at = text.lower().find(stem, sentence.start, sentence.end)
                nearest = min(dated, key=lambda e: abs(e.start - (at if at >= 0 else e.start)))
                return _Anchor(nearest.earliest, nearest.latest, nearest.text)
    if last is not None:
        return _Anchor(last.earliest, last.latest, last.text)
    return None


def _dated_noun(match: re.Match, own: list[TimeExpression]) -> _Anchor | None:
    """The day the event after "after" or "before" carries in its own words ("six months after
    the 7 October attack", "a day before the May 31 speech")."""
    name = _noun_group(match)
    if name is None:
        return None
    start, end = match.start(name), match.end(name)
    dated = next((e for e in own if start <= e.start <= end and e.kind != "duration"
                  and e.days <= 7), None)
    return _Anchor(dated.earliest, dated.latest, dated.text) if dated else None


def _noun_group(match: re.Match) -> str | None:
    """Which group of a relative expression holds the event it counts from ("the strike" of "a
    week after the strike"), ``None`` when it names none."""
    return next((g for g in ("noun", "vnoun", "dnoun") if match.group(g)), None)


#: An anchor told as the early part of a day ("Earlier in the day", "in the morning", "at
#: noon"): hours after it are still that day, not perhaps the next.
_EARLY_IN_DAY = re.compile(r"(?i)\b(?:earlier\s+in\s+the\s+day|morning|noon|midday|dawn|"
                           r"afternoon)\b")


def _shift(anchor: _Anchor, match: re.Match, reference: date) -> tuple[date, date] | None:
    groups = match.groupdict()
    if groups["count"]:
        count = _NUMBERS.get(groups["count"].lower()) or int(groups["count"])
        unit = groups["unit"].lower().rstrip("s")
        sign = -1 if groups["dir"].lower() in ("earlier", "before") else 1
        if unit == "hour" and groups["in_day"]:  # "three hours earlier in the day": that day
            return anchor.earliest, anchor.latest
        if unit == "hour" and sign > 0 and _EARLY_IN_DAY.search(anchor.text):
            return anchor.earliest, anchor.latest  # "in the morning ... three hours later"
        if unit == "hour":
            return (anchor.earliest - timedelta(days=1), anchor.latest) if sign < 0 else \
                (anchor.earliest, anchor.latest + timedelta(days=1))
        delta = relativedelta(**{unit + "s": count * sign})
        return anchor.earliest + delta, anchor.latest + delta
    if groups["vague"]:
        sign = -1 if groups["vdir"].lower() in ("earlier", "before") else 1
        unit = groups["vague"].lower()
        width = timedelta(days=1) if unit in ("hours", "moments", "minutes") else \
            timedelta(days=7) if unit == "days" else timedelta(weeks=8)
        if sign > 0 and unit != "days" and _EARLY_IN_DAY.search(anchor.text):
            return anchor.earliest, anchor.latest  # "Earlier in the day X ... Hours later Y"
        if sign < 0:
            return anchor.earliest - width, anchor.latest
        return anchor.earliest, anchor.latest + width
    if groups["step"]:
        sign = -1 if groups["step"].lower() in ("previous", "preceding") else 1
        unit = groups["sunit"].lower()
        if unit == "week":
            monday = anchor.earliest - timedelta(days=anchor.earliest.weekday())
            monday += timedelta(weeks=sign)
            return monday, monday + timedelta(days=6)
        if unit == "month":
            first = anchor.earliest.replace(day=1) + relativedelta(months=sign)
            return first, first + relativedelta(months=1) - timedelta(days=1)
        return anchor.earliest + timedelta(days=sign), anchor.latest + timedelta(days=sign)
    if groups["dunit"]:
        sign = -1 if groups["ddir"].lower() == "before" else 1
        step = timedelta(days=1) if groups["dunit"].lower() == "day" else timedelta(weeks=1)
        return anchor.earliest + sign * step, anchor.latest + sign * step
    if groups["same"] or groups["inday"]:  # "that evening", "later in the day", "in the
        # afternoon": the same day
        return anchor.earliest, anchor.latest
    if groups["wday"] or groups["sday"]:
        names = "monday tuesday wednesday thursday friday saturday sunday".split()
        weekday = names.index((groups["wday"] or groups["sday"]).lower())
        direction = (groups["wdir"] or groups["wstep"] or "").lower()
        if direction in ("before", "previous", "preceding"):  # "the Tuesday before": strictly
            day = anchor.earliest - timedelta(days=(anchor.earliest.weekday() - weekday - 1) % 7 + 1)
        elif direction == "after":
            day = anchor.latest + timedelta(days=(weekday - anchor.latest.weekday() - 1) % 7 + 1)
        else:
            day = anchor.earliest + timedelta(days=(weekday - anchor.earliest.weekday()) % 7)
            if day > reference >= anchor.earliest and \
                    anchor.earliest - (day - timedelta(days=7)) <= timedelta(days=3):
                # "The round opened on Tuesday ... His office said that Monday evening", in a
                # story of Friday: the Monday just before, not a day the story has not reached
                # (but a day further back is no nearer: "on that Saturday in July")
                day -= timedelta(days=7)
        return day, day
    if groups["since"]:
        return anchor.earliest, max(reference, anchor.latest)
    return None  # pragma: no cover


#: Up to two words after the noun the pattern took ("Israel's air" of "Israel's air strike",
#: "the occupation" of "the occupation's strike"): the event may be one of them.
_NOUN_GOES_ON = re.compile(r"(?:[’']s)?\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?")


def _cue_word(word: str) -> bool:
    return any(pattern.fullmatch(word.lower()) for _, pattern, _ in CUE_PATTERNS)


def _event_head(text: str, start: int, end: int) -> int | None:
    """Where the noun of "a week after <noun>" ends when an event word of the lexicon heads it
    ("the strike", "Israel's air strike", "the occupation's strike"), else ``None``."""
    if _cue_word(re.sub(r"[’']s$", "", text[start:end].split()[-1])):
        return end
    more = _NOUN_GOES_ON.match(text, end)
    if more is None:
        return None
    for group in (1, 2):
        if more.group(group) and _cue_word(more.group(group)):
            return more.end(group)
    return None


def _noun_day(text: str, match: re.Match, main: tuple[date, date],
              until: date) -> TimeExpression | None:
    """The day of the event that "a week after Israel's strike" or "the day before the meeting"
    names, told after a main clause: the main clause's day counted back the other way ("met the
    Emir on Tuesday, a week after Israel's strike": the strike a week before that Tuesday).
    ``None`` when no event word of the lexicon heads the noun."""
    name = _noun_group(match)
    if name is None:
        return None
    start, end = match.start(name), match.end(name)
    head = _event_head(text, start, end)
    if head is None:
        return None  # "a day after the army recovered the bodies": no event in the noun
    end = head
    groups = dict(match.groupdict())
    for key in ("dir", "vdir", "ddir"):
        if groups.get(key):
            groups[key] = _other_way(groups[key])
    groups["noun"] = groups["vnoun"] = groups["dnoun"] = None
    back = _shift(_Anchor(main[0], main[1], text[match.start():start]),
                  _Inverted(match, groups, start), until)
    if back is None:
        return None
    earliest, latest = back
    return TimeExpression(text[start:end], start, end, iso_span(earliest, latest), earliest,
                          latest, "day" if earliest == latest else "range", main[0].isoformat(),
                          "anchored", None)


def _counted_from(text: str, expression: TimeExpression,
                  expressions: list[TimeExpression]) -> bool:
    """Whether a date is that of the event a relative expression counts from ("Israel's strike"
    of "a week after Israel's strike", see :func:`_noun_day`): a day before the one the
    sentence is at, not one the article goes on from."""
    return expression.kind == "anchored" and any(
        other.kind == "anchored" and other.end <= expression.start
        and not text[other.end:expression.start].strip()
        and re.search(r"(?i)\b(?:after|before)$", other.text) for other in expressions)


_AFTER_WORD = re.compile(r"(?i)\bafter\b")


def _in_after_clause(text: str, sentence: Sentence, expression: TimeExpression,
                     expressions: list[TimeExpression]) -> bool:
    """Whether a date lies in a clause that "after" opens after a main clause without a date
    ("The session was called after the United States vetoed a similar demand on Friday"): the
    day of what came before the main clause, not the day the article is at."""
    if expression.kind == "anchored":
        return False
    words = list(_AFTER_WORD.finditer(text, sentence.start, expression.start))
    if not words:
        return False
    after = words[-1]
    main = text[sentence.start:after.start()]
    if len(main.split()) < 3 or re.search(r",\s*$", main) or any(
            sentence.start <= e.start < after.start() and e.kind != "duration"
            for e in expressions):
        return False  # (a main clause with a day of its own is at that day)
    return _CLAUSE_AFTER.match(text[:expression.start + 200], after.end()) is not None and \
        not re.search(r"[,;:]", text[after.end():expression.start])


def _hours(match: re.Match) -> bool:
    """Whether a relative expression counts hours ("hours earlier", "three hours later")."""
    unit = (match.group("vague") or match.group("unit") or "").lower()
    return unit in ("hours", "hour", "moments", "minutes")


def _forward(match: re.Match) -> bool:
    """Whether a relative expression counts on from its anchor ("hours after", "two days
    later", "the next day", "the day after")."""
    groups = match.groupdict()
    return (groups.get("dir") or groups.get("vdir") or groups.get("step") or groups.get("ddir")
            or "").lower() in ("after", "later", "afterwards", "next", "following")


def _weekday_agrees(expression: TimeExpression, day: date) -> bool:
    names = "monday tuesday wednesday thursday friday saturday sunday".split()
    return names[day.weekday()] in expression.text.lower()


#: A clause after "hours after", "two days before": a subject and its verb.
_CLAUSE_AFTER = re.compile(
    r"\s+(?:(?:the|a|an)\s+)?(?:(?:[A-Z][\w’'.-]*|al-\w+|el-\w+)\s+){0,4}(?:[A-Z][\w’'.-]*|al-\w+|"
    r"el-\w+)(?:,\s+(?:with|after|in|at|on|under|despite)\s[^,;:.]{1,60},)?\s+"  # ("the U.N.
    # Security Council, with the United States abstaining, adopted")
    r"(?:had\s+|has\s+|was\s+|"
    r"were\s+)?(?:said|says|announced|agreed|accepted|rejected|met|struck|killed|launched|"
    r"fired|released|freed|offered|proposed|warned|told|[a-z]+ed)\b"
    r"|\s+(?:it|they|he|she)\s+(?:had\s+|has\s+|was\s+|were\s+)?[a-z]+(?:ed|id|ld|et)\b"
    r"|\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,6}?(?:had\s+|has\s+|was\s+|were\s+)?(?:killed|struck|"
    r"hit|met|said|announced|agreed|rejected|accepted|began|ended|collapsed|expired|took\s+effect|"
    r"[a-z]+ed)\b(?!\s+by\b)")


def _subordinate_clause(text: str, match: re.Match, end: int,
                        conjunction: Embedded) -> bool:
    """Whether a clause (a subject and its verb) follows "hours after" or "two days before":
    by the words after it, or by the parse ("after" joining a clause, not a noun)."""
    direction = (match.group("dir") or match.group("vdir") or "").lower()
    if direction not in ("after", "before"):
        return False
    head = match.start("noun") if match.group("noun") else match.start("vnoun") \
        if match.group("vnoun") else match.end()
    if _CLAUSE_AFTER.match(text[:end], head):
        return True
    word = match.start("dir") if match.group("dir") else match.start("vdir")
    return conjunction(word, word + len(direction))


def _clause_verb(text: str, at: int, end: int) -> str | None:
    """The verb of the clause at ``at``, after "a day before", "hours after" ("Haniyeh was
    killed": "killed"), when it is a cue of the lexicon."""
    clause = _CLAUSE_AFTER.match(text[:end], at)
    if clause is None:
        return None
    verb = clause.group().split()[-1]
    return verb if any(pattern.fullmatch(verb.lower()) for _, pattern, _ in CUE_PATTERNS) \
        else None



class _Inverted:
    """A relative expression read the other way round ("hours after X" dates X before)."""

    def __init__(self, match: re.Match, flipped: dict[str, str | None], end: int):
        self._match, self._groups, self._end = match, flipped, end

    def groupdict(self) -> dict[str, str | None]:
        return self._groups

    def group(self, name: str | int = 0) -> str | None:
        if name == 0:
            return self._match.string[self._match.start():self._end]
        return self._groups.get(name)

    def start(self, name: str | int = 0) -> int:
        return self._match.start()

    def end(self, name: str | int = 0) -> int:
        return self._end


def _other_way(word: str) -> str:
    """The direction word of a relative expression read the other way round: "before" for one
    that counts on ("after", "later", "afterwards"), "after" for one that counts back."""
    return "before" if word.lower() in ("after", "later", "afterwards") else "after"


def _inverted(match: re.Match) -> _Inverted | None:
    groups = dict(match.groupdict())
    for key, noun in (("dir", "noun"), ("vdir", "vnoun")):
        if groups.get(key):
            groups[key] = _other_way(groups[key])
            groups[noun] = None
            end = match.start(noun) if match.group(noun) else match.end()
            return _Inverted(match, groups, end)
    return None


#: Whether the words between two article offsets sit in a clause modifying a noun (by the parse).
Embedded = Callable[[int, int], bool]


def _never(start: int, end: int) -> bool:
    return False


def _main(dated: list[TimeExpression], embedded: Embedded) -> list[TimeExpression]:
    """The dates of a sentence's own clauses, not those of a clause on a noun ("adopted a
    resolution backing the plan Biden set out on May 31": not May 31); all when none is."""
    return [e for e in dated if not embedded(e.start, e.end)] or dated


#: A sentence that opens with a speaker and a verb of saying ("His Excellency added that", "For
#: his part, the minister said", "On Monday, Hamas said"); ``verb`` "added", "further stated" or
#: "also said" goes on with words said before.
_SAYING = re.compile(
    r"(?i)"
    r"(?:[^,;:\"“”]{0,60},\s*)?(?:[\w.’'-]+\s+){1,10}?(?P<verb>(?P<more>also\s+|further\s+)?"
    r"(?:said|says|stated|states|(?P<added>added|adds)(?=\s+that\b|\s*[,.:;“\"])|noted|notes|"
    r"affirmed|affirms|stressed|stresses|told|tells|announced|announces|warned|warns))\b")


#: A transcript's turn before what the speaker says ("NEWSREADER: ", "CORRESPONDENT (SHARVIT): ").
_TURN_LABEL = re.compile(r"[A-Z][A-Z ()’'.-]{2,40}:\s+")


class _Sayings:
    """The day of a text's last saying: the day of the words that go on with it ("He added that",
    "X further stated"), whatever dates the words between gave ("said that the talks were held
    on 7 April. The answer came on 13 April.")."""

    def __init__(self) -> None:
        self.day: TimeExpression | None = None
        self._saying: re.Match | None = None
        self._entry: TimeExpression | None = None

    def enter(self, sentence: Sentence, last: TimeExpression | None) -> TimeExpression | None:
        """The date a sentence starts from: the last saying's for one that goes on with it."""
        self._saying = _SAYING.match(sentence.text)
        if self._saying and self.day is not None and (
                self._saying.group("more") or self._saying.group("added")):
            last = self.day
        self._entry = last
        return last

    def said(self, text: str, sentence: Sentence,
             narrow: list[TimeExpression]) -> TimeExpression | None:
        """The day of the sentence's saying, if it opens with one: the day it names ("On Monday,
        X said", "X said on Monday that"), not a day of what is said ("X said that talks were
        held on Sunday"), else the date it started from."""
        if self._saying is None:
            return None
        verb_end = sentence.start + self._saying.end("verb")
        return next((e for e in narrow if e.start < verb_end + 40 and not re.search(
            r"(?i)\bthat\b", text[verb_end:max(verb_end, e.start)])), self._entry)

    def reported(self, text: str, sentence: Sentence) -> int:
        """Where the words a sentence opening with a saying reports begin: at its "that" ("told
        both sides ten days ago that"), else past the day right after its verb ("X said on
        Monday Israel ...", "was announced last night by"); the sentence's end when it opens
        with none."""
        if self._saying is None:
            telling = _TELLING.match(sentence.text)  # "X, Hamas's leader in Gaza, announced
            # in recorded remarks that": a subject with words beside it
            return sentence.start + telling.end() - len("that") if telling else sentence.end
        verb_end = sentence.start + self._saying.end("verb")
        rest = text[verb_end:sentence.end]
        that = re.search(r"(?i)\bthat\b", rest)
        day = re.match(r"\s+(?:(?:on|late|early|last|this)\s+){0,2}[\w’'-]+", rest)
        return verb_end + (that.start() if that else day.end() if day else 0)

    def leave(self, text: str, sentence: Sentence, narrow: list[TimeExpression]) -> None:
        """After a sentence: its saying's day, if it opens with one, is the last saying's."""
        if self._saying is not None:
            self.day = self.said(text, sentence, narrow)

    def story(self, text: str, sentence: Sentence,
              narrow: list[TimeExpression]) -> list[TimeExpression]:
        """The dates of a sentence the story goes on from: not a day before the saying's own
        that the words it reports go back to ("announced yesterday that X was killed on the
        thirteenth of July": the story is at yesterday, the thirteenth a look back)."""
        turn = _TURN_LABEL.match(sentence.text)
        saying = self._saying or (_SAYING.match(sentence.text, turn.end()) if turn else None)
        if saying is None:
            return self._ahead_of_telling(text, sentence, narrow)
        verb_end = sentence.start + saying.end("verb")
        that = re.search(r"(?i)\bthat\b", text[verb_end:sentence.end])
        if that is None:
            return narrow
        start = verb_end + that.start()
        said = [e for e in narrow if e.end <= start]
        entry = self._entry
        if not said and entry is not None and entry.precision == "day":
            # "X announced that the group would hand over four bodies on Thursday and free six
            # hostages on Saturday": the saying is of the day the story was at, and the days it
            # announces ahead do not move the story there
            return self._at_entry(narrow)
        if not said or said[-1].precision != "day" or said[-1].kind == "anchored":
            return narrow
        return [e for e in narrow if e.end <= start or e.kind != "absolute"
                or e.latest >= said[-1].earliest]

    def _ahead_of_telling(self, text: str, sentence: Sentence,
                          narrow: list[TimeExpression]) -> list[TimeExpression]:
        """A sentence whose subject, however long ("Khalil al-Hayya, Hamas's leader in Gaza,"),
        announces or says, with no date before its "that", what is to come ("would hand over
        four bodies on Thursday and free six hostages on Saturday"): the story stays at the day
        it was at, not at the days announced ahead of it."""
        entry = self._entry
        telling = _TELLING.match(sentence.text)
        if telling is None or entry is None or entry.precision != "day":
            return narrow
        start = sentence.start + telling.end()
        if any(e.start < start for e in narrow):
            return narrow
        return self._at_entry(narrow)

    def _at_entry(self, narrow: list[TimeExpression]) -> list[TimeExpression]:
        """The dates of a sentence up to the day the story was at when it began (that day when
        it gives none): the days it announces ahead do not move the story."""
        kept = [e for e in narrow if e.earliest <= self._entry.latest]
        return kept or [self._entry]


#: A sentence opening with a subject, perhaps with words set beside it, whose verb says or
#: announces something ("Khalil al-Hayya, Hamas's leader in Gaza, announced in recorded remarks
#: that"): up to its "that".
_TELLING = re.compile(
    r"(?i)(?:(?!,\s+(?:and|but)\s)[^\"“”;:.]){0,120}?"
    r"\b(?:said|says|announced|announces|told|tells|declared|declares)"
    r"\b[^\"“”;:]{0,40}?\bthat\b"
    r"(?!\s+(?:day|night|evening|morning|afternoon|week|weekend|month|year|time)\b)")


def _quoted_term(text: str, match: re.Match) -> bool:
    """Whether a relative expression is the whole of a quoted phrase (talk of "the day after" in
    Gaza, plans for "the day after"): a term the text names, not a date it gives."""
    return text[match.start() - 1:match.start()] in ("\"", "“", "‘") and \
        text[match.end():match.end() + 1] in ("\"", "”", "’")


def anchor_relative(text: str, sentences: list[Sentence], expressions: list[TimeExpression],
                    reference: date, start: TimeExpression | None = None,
                    embedded: Embedded = _never,
                    conjunction: Embedded = _never) -> list[TimeExpression]:
    """The expressions of ``text`` with those relative to other events resolved on them.

    Sentence by sentence: each relative expression is resolved against the event it names or
    the last date given before it; it then counts as a date for the sentences after it. A
    weekday that the relative expression confirms ("on Sunday, three days after ...") takes its
    date; words the resolver read otherwise ("two days" of "two days later") give way. The date
    passed on is one of the sentence's own clauses (``embedded`` tells those of a clause on a
    noun); ``conjunction`` tells an "after" or "before" that joins a clause (by the parse).
    """
    result: list[TimeExpression] = []
    seen: list[tuple[Sentence, list[TimeExpression]]] = []
    last: TimeExpression | None = start  # the date line's day, until the article dates something
    last_day = start if start is not None and start.precision == "day" else None  # the last
    # day the story was at (a week or a month does not name one)
    subordinate: set[tuple[int, int]] = set()  # "a day before <clause>" after a main clause's day
    headings = _headings(sentences, expressions, reference, start)
    sections = _sections(sentences, headings)
    sayings = _Sayings()
    for sentence in sentences:
        own = [e for e in expressions if sentence.start <= e.start < sentence.end]
        anchored: list[TimeExpression] = []
        nouns: list[TimeExpression] = []  # the days of the events "a week after X" names
        last = sayings.enter(sentence, last)  # "He added that he had met X hours earlier"
        for match in RELATIVE.finditer(text, sentence.start, sentence.end):
            if match.group("inweek") or _quoted_term(text, match):
                continue
            if match.group("inday") and text[sentence.start:match.start()].strip(" \t\"“"):
                continue  # only as the sentence's opening ("Later in the day, X said", "In the
                # afternoon Hamas fired"), not a plan in it ("would convene his government later
                # in the day", "will meet in the evening")
            noun = match.group("noun") or match.group("vnoun") or match.group("dnoun") or \
                match.group("since")
            name = _noun_group(match)
            earlier_here = [e for e in own + anchored if e.end <= match.start() and _usable(e, reference)
                            and not (e.start < match.end() and match.start() < e.end)]
            clause = _subordinate_clause(text, match, sentence.end, conjunction)
            # "The announcement came a day after Hamas handed ...": a main clause before the
            # expression without a date of its own is at the time the story is at
            main_first = clause and not earlier_here and last is not None and len(
                text[sentence.start:match.start()].split()) >= 2
            inverted = bool(clause and earlier_here) or main_first
            if inverted:
                # "seized the crossing on Tuesday, hours after Hamas said ...": the clause after
                # the expression is dated from the main clause's day, the other way
                match = _inverted(match)
                if match is None:
                    continue
                noun = None
            if clause and not inverted and not noun:
                # "A day before Haniyeh was killed, ...": the event the clause tells, found as a
                # noun would be ("the killing of Haniyeh on Wednesday")
                noun = _clause_verb(text, match.end(), sentence.end)
            context = earlier_here[-1] if earlier_here and not noun else last
            if match.group("same") and context is not None and context.days > 2 and \
                    last_day is not None:  # "Earlier that morning he had seen X" after words
                # on "the proposal put forward last week": that morning is of the last day the
                # story was at, not somewhere in a week or a month (but "that same evening"
                # after "twelve hours after X", a night across two days, is of those days)
                context = last_day
            elif _hours(match) and context is not None and \
                    context.days > 2 and last_day is not None:
                # "Hours earlier, Hamas published a video" after "was abducted three weeks
                # ago": hours from the last day the story was at, not from a week
                context = last_day
            anchor = _dated_noun(match, own) or _find_anchor(noun, text, seen, None, reference)
            unnamed = noun is not None and anchor is None  # the event it names is not dated
            anchor = anchor or _find_anchor(None, text, seen, context, reference)
            if anchor is None:
                continue
            # "said on Monday it had met Hamas since the killing": up to the day the story is at
            story_day = (earlier_here or [last])[-1]
            until = story_day.latest if story_day is not None and \
                story_day.latest >= anchor.latest and \
                re.search(r"(?i)\bhad\s+(?:been\s+)?\w+", text[sentence.start:match.start()]) \
                else reference
            bounds = _shift(anchor, match, until)
            if bounds is None:
                continue
            earliest, latest = bounds
            # an event the text has not dated, named after a main clause ("Leaders gather in
            # Doha today, six days after Israel's air strike"): the main clause is at its own
            # day, else at the time the story is at ("This crime came only a day after the
            # occupation's strike"), and the event counted back from there (see _noun_day)
            told_after = unnamed and not clause and name is not None and len(
                text[sentence.start:match.start()].split()) >= 2 and _event_head(
                text, match.start(name), match.end(name)) is not None
            own_day = next((e for e in reversed(earlier_here) if e.precision == "day"
                            and e.kind != "duration"), None)
            if told_after and own_day is not None:
                earliest, latest = own_day.earliest, own_day.latest
            elif unnamed and (latest > reference or told_after) and not any(
                    e.kind != "duration" for e in own if e.end <= match.start()
                    or e.start >= match.end()):  # "The meeting opened hours after the heaviest
                # exchange of fire", an exchange the text has not dated and no other date: the
                # meeting is at the time the story is at, not hours after it (past the text's
                # own day; but "on Sunday, three days after the appeal" is that Sunday)
                earliest, latest = anchor.earliest, anchor.latest
                flipped = _inverted(match) if clause and not inverted and \
                    not text[sentence.start:match.start()].strip(" \t\"“") else None
                if flipped is not None and (back := _shift(anchor, flipped, until)) is not None:
                    # "Five days after Haniyeh was killed in Tehran, the talks are on hold": the
                    # main clause is at the story's day, so the clause it opens with is five
                    # days before it, and the story goes on from there
                    earliest, latest = back
                    inverted = True
            section = sections.get(sentence.index)
            if section is not None and not inverted and latest < section.earliest and \
                    _forward(match):  # under "SUNDAY 1 SEPTEMBER", "hours after the army
                # recovered the bodies" cannot be days before Sunday: the anchor found (an earlier
                # section's date) is not the event's, and the section's day is
                earliest, latest = section.earliest, section.latest
            elif section is not None and not inverted and section.precision == "day" and \
                    earliest > section.latest and _forward(match) and \
                    (unnamed or text[sentence.start:match.start()].strip(" \t\"“")):
                # under "TUESDAY 16 SEPTEMBER", "X met Y, a week after Israel's strike": the main
                # clause is at the section's day, and the anchor found (a day before the
                # section's), is not the strike's; the sentence stays at the section's day (so
                # too "Two days after the mediators handed over a text, Hamas replied" under
                # "SUNDAY 18 AUGUST", the handing not dated by the text)
                earliest, latest = section.earliest, section.latest
            noun_day = None if inverted or clause or len(
                text[sentence.start:match.start()].split()) < 2 else _noun_day(
                text, match, (earliest, latest), until)
            words = match.group() if noun_day is None else \
                text[match.start():noun_day.start].rstrip()  # ("a week after" of "a week after
            # Israel's strike", the strike dated on its own)
            anchored.append(TimeExpression(
                words, match.start(), match.start() + len(words), iso_span(earliest, latest),
                earliest, latest, "day" if earliest == latest else "range",
                anchor.earliest.isoformat(), "anchored", None))
            if inverted:
                subordinate.add((match.start(), match.end()))
            if noun_day is not None:  # the event the words count from, a date of its own
                # (not one later sentences count from: not in ``seen``)
                nouns.append(noun_day)
        for new in anchored:
            own = [e for e in own if e.end <= new.start or e.start >= new.end]
            day = next((e for e in own if e.precision == "day" and e.kind != "anchored"
                        and re.fullmatch(r",\s*", text[e.end - e.text.endswith(","):new.start])),
                       None)
            if day is not None and (new.start, new.end) in subordinate and re.search(
                    r"(?i)\b(?:hours|minutes|moments)\b", new.text) and \
                    _clause_verb(text, new.end, sentence.end) is None:
                # "on Tuesday, hours before he died, he was received": the day of the main
                # clause, which the hours only set beside a clause that tells no event (but
                # "on Tuesday, hours after Hamas said": the saying's own day)
                own.remove(day)
                own.append(replace(day, text=text[day.start:new.end], end=new.end))
                continue
            weekday = [e for e in own if e.precision == "day" and e.kind == "relative"
                       and 0 <= new.start - e.end <= 3 and _weekday_agrees(e, new.earliest)
                       and (new.start, new.end) not in subordinate]  # ("said on Monday, hours
            # before the pause was due to expire": Monday the saying's, the hours the clause's)
            for e in weekday:  # "on Sunday, three days after the appeal": one date
                own.remove(e)
                new = TimeExpression(text[e.start:new.end], e.start, new.end, new.edtf,
                                     new.earliest, new.latest, new.precision, new.anchor,
                                     new.kind, None)
            named = next((e for e in own if e.precision == "day" and e.kind == "absolute"
                          and re.fullmatch(r",\s*", text[e.end - e.text.endswith(","):new.start])
                          and (new.start, new.end) not in subordinate), None)
            if named is not None:  # "on 2 March, the day after the truce ran out": the day the
                own.remove(named)  # text names, which the words after it only describe
                new = replace(named, text=text[named.start:new.end], end=new.end)
            own.append(new)
        own.sort(key=lambda e: e.start)
        result.extend(own + nouns)
        seen.append((sentence, own))
        dated = _main([e for e in own if _usable(e, reference) and e.days <= 7
                       and not _backstory(e, reference)
                       and not ahead(text, sentence, e)
                       and not _PAST_PERFECT_BEFORE.search(text, sentence.start, e.start)], embedded)
        main = [e for e in dated if (e.start, e.end) not in subordinate]
        dated = main or dated  # "opened on July 6, a day before X flew": the story is at July 6
        sayings.leave(text, sentence, dated)
        if sentence.index in headings:  # "SATURDAY" over a round-up's paragraph: its day
            last, sayings.day = headings[sentence.index], None
        elif dated and not _wider_than_section(sections.get(sentence.index), dated[-1]):
            last = sayings.story(text, sentence, dated)[-1]
        if last is not None and last.precision == "day":
            last_day = last
    outside = [e for e in expressions if not any(s.start <= e.start < s.end for s in sentences)]
    return sorted(result + outside, key=lambda e: e.start)


#: A past perfect right before a date ("what had been agreed on July 2"): a time before the one
#: the article is talking about, which does not move it (Reichenbach's reference time).
_PAST_PERFECT_BEFORE = re.compile(r"(?i)\bhad\s+(?:been\s+)?(?:\w+ly\s+)?[a-z]+(?:ed|en|wn|ld|id|ne|"
                                  r"et|ok|ut)\s+(?:[^\s,;:.]+\s+){0,5}?(?:(?:on|in|at|by|until)\s+)?"
                                  r"(?:the\s+)?$")

#: Words right before a date that make it a deadline or a plan ("back by noon on Saturday",
#: "the release set for Saturday", "would resume on Monday"): a time the story looks ahead to, not
#: the time it is talking about, so never the reference time of the sentences after it.
_AHEAD_BEFORE = re.compile(
    r"(?i)(?:\b(?:by|until|till|before|no\s+later\s+than|set\s+for|due(?:\s+on|\s+by)?|"
    r"scheduled\s+for|planned\s+for|expected\s+(?:on|by))\s+(?:(?:noon|midnight|the\s+end)\s+"
    r"(?:on|of)\s+)?(?:the\s+)?"
    r"|\b(?:will|would|shall|is\s+to|are\s+to|was\s+to|were\s+to|is\s+due\s+to|are\s+due\s+to)"
    r"\s+(?:(?!(?:and|but|then|when|before|after)\b)[\w’'-]+\s+){0,6}?(?:(?:on|by|at|from|in)\s+)?"
    r"(?:the\s+)?"
    r"|\bto\s+(?:(?:take|come\s+into|enter\s+into|go\s+into)\s+(?:effect|force)|start|begin)"
    r"\s+(?:(?:on|from|at)\s+)?(?:the\s+)?)$")  # ("would travel to Cairo the next day"; "a truce, to
# take effect on Sunday": when it is to begin)


def ahead(text: str, sentence: Sentence, expression: TimeExpression) -> bool:
    """Whether a date is a deadline or a plan in its sentence (see :data:`_AHEAD_BEFORE`)."""
    before = text[sentence.start:expression.start]
    if expression.tense == "past" and _opening(text, sentence, expression) and \
            re.match(r"(?i)by\b", expression.text):
        return False  # "By Sunday, reports ... were circulating": the day the story is at
    clause = re.split(r"[,;:]", before)[-1] if expression.kind != "anchored" else before
    return bool(_AHEAD_BEFORE.search(clause)) or bool(
        re.match(r"(?i)(?:by|until|till|no\s+later\s+than)\b", expression.text))


#: A live blog's time stamp opening an entry: "09:40 GMT", "3.20pm", "Updated 17:40".
_TIME_STAMP = re.compile(r"(?i)^\s*(?:(?:updated|posted)\s+(?:at\s+)?)?(?P<hour>\d{1,2})[:.]"
                         r"(?P<minute>\d{2})(?:\s*(?P<half>[ap])\.?m\b\.?)?(?![\w:])")


def _minutes(stamp: re.Match) -> int:
    """The minutes past midnight a time stamp names ("3.20pm": 920)."""
    hour = int(stamp.group("hour")) % 12 if stamp.group("half") else int(stamp.group("hour"))
    return (hour + (12 if (stamp.group("half") or "").lower() == "p" else 0)) * 60 + \
        int(stamp.group("minute"))


def _stamp_days(sentences: list[Sentence], start: TimeExpression | None) -> dict[int, date]:
    """The day of each entry of a live blog that runs past midnight (by sentence index, for the
    entries not of the date line's day): in a blog whose time stamps mostly go forward, a stamp
    earlier than the one before it opens the next day ("19:20" then "00:20"); in one whose
    stamps mostly go back (newest first), a later one opens the day before. (Which way they go
    is told by the steps of less than half a day: a turn past midnight is a longer one.)"""
    stamps = [(sentence.index, _minutes(m)) for sentence in sentences
              if (m := _TIME_STAMP.match(sentence.text))]
    steps = [later - earlier for (_, earlier), (_, later) in pairwise(stamps)]
    forward = sum(0 < step < 720 for step in steps) - sum(-720 < step < 0 for step in steps)
    if start is None or forward == 0:
        return {}
    sign = 1 if forward > 0 else -1
    offsets, offset = {}, 0
    for (index, _), step in zip(stamps[1:], steps, strict=True):
        offset += sign if step * sign < 0 else 0
        offsets[index] = offset
    days: dict[int, date] = {}
    offset = 0
    for sentence in sentences:
        offset = offsets.get(sentence.index, offset)
        if offset:
            days[sentence.index] = start.earliest + timedelta(days=offset)
    return days


#: A section's label before its date line: "II. Tuesday, 26 March 2024", "2) Monday".
_SECTION_LABEL = re.compile(r"^\s*(?:[IVX]{1,5}|\d{1,2}|[A-H])[.)]\s+")
#: The same day in another calendar, given beside the Gregorian one in a government's statement
#: ("Tuesday, 16 Adar II 5784, corresponding to 26 March 2024", "15 Ramadan 1445 AH, corresponding
#: to ..."): a day, a capitalised month (with its number, "Adar II"), a year of four digits.
_OTHER_CALENDAR = re.compile(r"\b\d{1,2}\s+[A-Z][a-z]+(?:[\s-]+[A-Z][a-z]+)?(?:\s+I{1,2})?,?\s+"
                             r"\d{4}(?:\s*(?:AH|A\.H\.|H|AM|A\.M\.))?(?:,?\s*(?:corresponding|"
                             r"equivalent)\s+to\b)?")


def _date_heading(sentence: Sentence, expressions: list[TimeExpression],
                  reference: date) -> TimeExpression | None:
    """The day a sentence that is nothing but a day names ("Monday.", "Tuesday, 20 August"), as
    the heading of what follows it (kind ``heading``: the paragraph's own day, not a guess); the
    days of one that names two or more ("Thursday and Friday") as one span."""
    own = [e for e in expressions if sentence.start <= e.start < sentence.end
           and (e.precision == "day" or e.days <= 7) and e.kind != "duration"
           and (e.earliest <= reference or _full_date_soon_after(e, reference))]
    # ("26-27 April" over a round-up's paragraph too)
    if not own:
        return None
    rest, at = "", sentence.start
    for e in own:
        rest, at = rest + sentence.text[at - sentence.start:e.start - sentence.start], e.end
    rest += sentence.text[at - sentence.start:]
    rest = _OTHER_CALENDAR.sub("", _SECTION_LABEL.sub("", rest, count=1))
    if re.sub(r"(?i)\b(?:on|of|the|and|to|until|through)\b|[\s.,:;&–—-]", "", rest):
        return None
    # "Tuesday, 16 Adar II 5784, corresponding to 26 March 2024": the weekday is the full date's
    full = [e for e in own if e.kind == "absolute" and e.precision == "day"]
    if full:
        own = [e for e in own if not (e.kind == "relative" and _WEEKDAY.fullmatch(e.text.strip())
                                      and any(_weekday_named(e.text, f.earliest) for f in full))]
    first, last = own[0], own[-1]
    if last.latest < first.earliest or (last.latest - first.earliest).days > 6:
        return None
    return replace(first, text=sentence.text[first.start - sentence.start:last.end - sentence.start],
                   end=last.end, edtf=first.edtf if len(own) == 1 else iso_span(first.earliest, last.latest),
                   latest=last.latest, precision=first.precision if len(own) == 1 else "range",
                   kind="heading")


_WEEKDAY = re.compile(r"(?i)(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
                      r"sunday)")


def _full_date_soon_after(expression: TimeExpression, reference: date) -> bool:
    """Whether a date is a full one (day, month and year) of the week after ``reference``: the
    heading of a statement's later section ("II. Tuesday, ..., corresponding to 26 March 2024"
    under a date line of the Monday), not a day the text guesses."""
    return (expression.kind == "absolute" and expression.precision == "day"
            and re.search(r"(?:19|20)\d{2}", expression.text) is not None
            and (expression.earliest - reference).days <= 7)


def _weekday_named(text: str, day: date) -> bool:
    """Whether ``text`` ("Tuesday", "on Tuesday") names the weekday of ``day``."""
    return day.strftime("%A").lower() in text.lower()


def _in_order(headings: dict[int, TimeExpression]) -> dict[int, TimeExpression]:
    """A round-up's day headings ("Monday", "Tuesday", ... "Sunday") follow each other: a
    weekday heading falls before the heading after it ("Monday" over a week that ends on Sunday
    is the Monday before, not the publication's own Monday)."""
    following: TimeExpression | None = None
    for index in sorted(headings, reverse=True):
        heading = headings[index]
        if following is not None and _WEEKDAY.fullmatch(heading.text.strip()):
            while heading.earliest >= following.earliest:
                day = heading.earliest - timedelta(days=7)
                heading = TimeExpression(heading.text, heading.start, heading.end,
                                         day.isoformat(), day, day, heading.precision,
                                         heading.anchor, heading.kind, heading.tense)
            headings[index] = heading
        following = heading
    return headings


def _headings(sentences: list[Sentence], expressions: list[TimeExpression], reference: date,
              start: TimeExpression | None) -> dict[int, TimeExpression]:
    """The date headings of a text (by sentence index), in order; never the date line."""
    return _in_order({sentence.index: heading for sentence in sentences if (
        heading := None if start is not None and sentence.start <= start.start < sentence.end
        else _date_heading(sentence, expressions, reference)) is not None})



def _sections(sentences: list[Sentence],
              headings: dict[int, TimeExpression]) -> dict[int, TimeExpression]:
    """The sentences under a day heading (by index), with their heading: up to the next heading,
    or a heading of another kind (a line of four words or more without a full stop)."""
    sections: dict[int, TimeExpression] = {}
    current: TimeExpression | None = None
    for sentence in sentences:
        if sentence.index in headings:
            current = headings[sentence.index]
        elif not re.search(r"[.!?”\";,]\s*$", sentence.text) and len(sentence.text.split()) >= 4:
            current = None  # a heading of another kind ends the section (not a sentence's part
            # up to a semicolon: "Iran fired drones overnight; almost all were shot down")
        elif current is not None:
            sections[sentence.index] = current
    return sections


def _wider_than_section(section: TimeExpression | None, expression: TimeExpression) -> bool:
    """Whether a date under a round-up's day heading spans more than a day ("said the pattern of
    the past few days had been not very promising" under "SATURDAY 17 FEBRUARY"): a look around,
    not a move of the story off the heading's day."""
    return section is not None and section.days == 1 and expression.days > 1


#: Words that name a day from where the text stands: under a date heading, from that day.
_DEICTIC_DAY = re.compile(r"(?i)(?:(?:on|by|until|from|before|after)\s+)?(?:(?:this\s+past|this\s+coming|"
                          r"last|this|next|coming|past)\s+)?(?:monday|tuesday|wednesday|thursday|"
                          r"friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?|"
                          r"(?:the\s+day\s+(?:before|after)\s+)?(?:yesterday|tomorrow)|"
                          r"today|tonight|last\s+night|this\s+morning|"
                          r"this\s+afternoon|this\s+evening|overnight")


def under_headings(text: str, sentences: list[Sentence], expressions: list[TimeExpression],
                   reference: date, start: TimeExpression | None = None) -> list[TimeExpression]:
    """The expressions of ``text`` with the days a round-up's section names from where it stands
    ("18 March" over "Israel launched strikes overnight", "Netanyahu spoke this evening")
    resolved from its heading's day, not from the publication; so too in a live blog's entries
    past midnight ("00:20 A summary of yesterday": the date line's day)."""
    headings = _headings(sentences, expressions, reference, start)
    stamped = _stamp_days(sentences, start)
    if not headings and not stamped:
        return expressions
    day_of: dict[int, date] = dict(stamped)  # a live blog's entries past midnight
    day_of.update({index: heading.earliest
                   for index, heading in _sections(sentences, headings).items()})
    result = []
    for expression in expressions:
        sentence = next((s for s in sentences if s.start <= expression.start < s.end), None)
        day = day_of.get(sentence.index) if sentence is not None else None
        if day is None or day == reference or expression.kind != "relative" or \
                not _DEICTIC_DAY.fullmatch(expression.text):
            result.append(expression)
            continue
        again = find_time_expressions(expression.text, day, tense=expression.tense or "past")
        if len(again) != 1:
            result.append(expression)
            continue
        new = again[0]
        result.append(TimeExpression(expression.text, expression.start, expression.end, new.edtf,
                                     new.earliest, new.latest, new.precision, day.isoformat(),
                                     expression.kind, expression.tense))
    return result


def context_dates(text: str, sentences: list[Sentence], expressions: list[TimeExpression],
                  reference: date, start: TimeExpression | None = None,
                  embedded: Embedded = _never,
                  background: frozenset[int] = frozenset(),
                  present: frozenset[int] = frozenset()) -> dict[int, TimeExpression]:
    """For each sentence, the date the article was last talking about: the last date of a week or
    narrower (not after the reference time) given before it, or a wider one (up to a month) of
    the sentence just before it in the same paragraph; the date line first. A live blog's time
    stamp ("09:40 GMT") brings the context back to the date line (to the day after it, past
    midnight). A date in a clause on a noun
    is not what the article goes on talking about when the sentence has one of its own, nor is
    the date of a ``background`` sentence (by index: "The war began on Oct. 7 ...") or the first
    day of the war long past, or of a look back in a story with a date line (see
    :func:`_flashbacks`). A saying that goes on with words said before ("He added that", "X
    further stated") is of their day, whatever dates those words gave ("said that the talks were
    held on 7 April"). A sentence with one date of its own clauses is at that date (see
    :func:`_frame`); one without, between two days of a story told day by day, is up to the
    second (see :func:`_until_the_next_day`), and one that goes on with the person or the event
    the dated sentence just before it told of ("He spoke at a news conference", "X called the
    reply unacceptable") is of that day or the next (see :data:`_GOES_ON`, :func:`_same_event`).
    A sentence without a date whose main verb is in the simple present (``present``, by index:
    "The Guards announce that ...", "The Zionist regime is warned", "Iran does not seek a wider
    war") tells of the day the text speaks from (its date line's, else the reference day), not
    of the last past day it gave; the sentences after it go on from that past day."""
    context: dict[int, TimeExpression] = {}
    background = background | _flashbacks(sentences, expressions, start)
    last = start
    previous: tuple[Sentence, TimeExpression] | None = None
    sayings = _Sayings()
    headings = _headings(sentences, expressions, reference, start)
    sections = _sections(sentences, headings)
    stamped = _stamp_days(sentences, start)
    moves: list[tuple[int, TimeExpression | None]] = []  # see _until_the_next_day
    told: TimeExpression | None = None  # the last date of the sentence just before
    told_in: Sentence | None = None
    for sentence in sentences:
        stamp = _TIME_STAMP.match(sentence.text)
        if stamp:
            last, previous, sayings.day = start, None, None
            if sentence.index in stamped:  # an entry past midnight: its own day
                day = stamped[sentence.index]
                last = TimeExpression(stamp.group().strip(), sentence.start + stamp.start(),
                                      sentence.start + stamp.end(), day.isoformat(), day, day,
                                      "day", start.earliest.isoformat(), "heading", None)
            if not re.search(r"[A-Za-z]{2}", sentence.text[stamp.end():].replace("GMT", "")):
                continue  # the stamp alone; "18:25 The Red Cross says ...": the entry's first
                # sentence, of the date line's day too
        heading = headings.get(sentence.index)
        if heading is not None:  # "Monday." over a round-up's paragraph: its day, exactly
            last, previous, sayings.day = heading, None, None
            moves.append((sentence.index, heading))
            continue
        if sayings.enter(sentence, last) is not last:  # "He added that ..."
            last, previous = sayings.day, None
        same_paragraph = previous is not None and "\n" not in text[previous[0].end:sentence.start]
        if same_paragraph and previous[1].days > 7:
            context[sentence.index] = previous[1]
        elif last is not None:
            context[sentence.index] = last
        dated = [e for e in expressions if sentence.start <= e.start < sentence.end
                 and _usable(e, reference) and sentence.index not in background
                 and not _backstory(e, reference)
                 and not _PAST_PERFECT_BEFORE.search(text, sentence.start, e.start)
                 and not _names_an_event(text, sentence, e)
                 and not _in_quoted_words(sentence, e)
                 and not _counted_from(text, e, expressions)
                 and not _in_after_clause(text, sentence, e, expressions)]
        dated = [e for e in dated if not _day_before(text, e, dated)]
        narrow = _main([e for e in dated if e.days <= 7 and not ahead(text, sentence, e)],
                       embedded)
        main = [e for e in narrow if not (  # "opened on July 6, a day before X flew": July 6
            _before_clause(e) and any(o.end <= e.start for o in narrow))]
        narrow = main or narrow
        sayings.leave(text, sentence, narrow)
        frame = _frame(narrow, embedded, sayings.reported(text, sentence))
        if frame is not None:
            context[sentence.index] = _set(frame, frame.latest)
        if not narrow and told is not None and context.get(sentence.index) is told \
                and (_GOES_ON.match(sentence.text) or _same_event(told_in, sentence)
                     or _RIGHT_AFTER.search(sentence.text)):  # "He
            # spoke at a news conference ...", "Witkoff called the reply unacceptable": that
            # day or the night after, not up to the publication
            context[sentence.index] = _set(told, max(told.latest, min(
                told.earliest + timedelta(days=1), reference)))
        if not narrow and sentence.index in present:  # "The Guards announce ...": now
            context[sentence.index] = _set(start, start.latest) if start is not None else \
                TimeExpression("the present tense: the day of the text", sentence.start,
                               sentence.start, reference.isoformat(), reference, reference,
                               "day", reference.isoformat(), "heading", None)
        told, told_in = (narrow[-1], sentence) if narrow else (None, None)
        if narrow and not _wider_than_section(sections.get(sentence.index), narrow[-1]):
            last = sayings.story(text, sentence, narrow)[-1]
            moves.append((sentence.index, narrow[0] if _opening(text, sentence, narrow[0])
                          else sayings.day if sayings.day in narrow
                          else next((e for e in narrow if _chained(e)), None)))
        previous = (sentence, dated[-1]) if dated else None
    paragraphs = {sentence.index: len(re.findall(r"\n+", text[:sentence.start]))
                  for sentence in sentences}
    return _until_the_next_day(context, moves, paragraphs, reference)


def _in_quoted_words(sentence: Sentence, expression: TimeExpression) -> bool:
    """Whether a date stands in words a sentence quotes and tells who said ("“January 20 is a
    very big day,” he said"): the day the words speak of, not the day they were said (but a
    sentence that is all quotation, a paragraph of someone's words, keeps its dates)."""
    for start, end in quote_spans(sentence.text):
        if start <= expression.start - sentence.start and expression.end - sentence.start <= end:
            outside = sentence.text[:start] + " " + sentence.text[end:]
            return len(re.findall(r"[A-Za-z]{2,}", outside)) >= 2
    return False


#: Before a date that only names an event: "since", "since its", or a determiner or a possessive
#: ("its Oct. 7 attack", "the May 31 speech", "Biden's May 31 plan").
_SINCE_BEFORE = re.compile(r"(?i)\bsince\s+(?:(?:the|its|his|her|their|our|last)\s+)?$")
_EVENT_DATE_BEFORE = re.compile(r"(?i)(?:\b(?:the|its|his|her|their|our|this|that)|[’']s)\s+$")
#: After a date that only names an event: the noun it stands before ("attack", "speech").
_EVENT_DATE_AFTER = re.compile(
    r"\s+(?!(?:and|or|to|in|on|at|of|by|for|with|when|as|that|the|a|an|was|were|is|had|has|"
    r"will|would)\b)[a-z]{3,}\b")


def _names_an_event(text: str, sentence: Sentence, expression: TimeExpression) -> bool:
    """Whether a date only names an event the sentence mentions ("in its first trip abroad since
    its Oct. 7 attack", "the May 31 speech"), a day the story is not at: after "since", or
    between a determiner or a possessive and the noun it dates."""
    if expression.days > 1:
        return False
    before = text[max(sentence.start, expression.start - 20):expression.start]
    if _SINCE_BEFORE.search(before):
        return True
    return bool(_EVENT_DATE_BEFORE.search(before)) and bool(
        _EVENT_DATE_AFTER.match(text, expression.end, sentence.end))


#: A sentence that goes on with the person the one before it told of ("X said in Doha the
#: following day ... He spoke at a news conference alongside ..."): the time of the one before,
#: unless it says otherwise.
_GOES_ON = re.compile(r"(?:He|She|They)\b")

#: A sentence told as what came right after the one before it ("X told reporters at the White
#: House afterwards that ..."): the day of the one before, or the next.
_RIGHT_AFTER = re.compile(r"(?i)\bafterwards?\b")


def _same_event(before: Sentence | None, sentence: Sentence) -> bool:
    """Whether a sentence names with "the" an event the sentence before it told ("Hamas
    delivered its reply two days later. Witkoff called the reply unacceptable")."""
    if before is None:
        return False
    return any(re.search(rf"(?i)\b{re.escape(noun)}\b", before.text)
               for noun in re.findall(r"(?i)\bthe\s+([a-z]{4,})\b", sentence.text)
               if any(pattern.fullmatch(noun.lower()) for _, pattern, _ in CUE_PATTERNS))


#: How long before a story's date line a sentence's dates make it a look back.
FLASHBACK_DAYS = 90


def _flashbacks(sentences: list[Sentence], expressions: list[TimeExpression],
                line: TimeExpression | None) -> frozenset[int]:
    """The sentences of a story with a date line whose every date lies months before that day
    ("All four were seized at the festival on Oct. 7" in a report of June 8): a look back that
    the sentences after it do not go on telling, so no date of theirs."""
    if line is None:
        return frozenset()
    return frozenset(sentence.index for sentence in sentences if (own := [
        e for e in expressions if sentence.start <= e.start < sentence.end
        and e.kind != "duration"]) and all(
            e.latest < line.earliest - timedelta(days=FLASHBACK_DAYS) for e in own))


def _until_the_next_day(context: dict[int, TimeExpression],
                        moves: list[tuple[int, TimeExpression | None]],
                        paragraphs: dict[int, int], reference: date) -> dict[int, TimeExpression]:
    """The context of each sentence without a day of its own bounded by the day the story goes on
    to after it, when the next sentence with a day opens with it or with a saying of that day
    ("On Thursday the families ...", "An official said on Saturday that"): a story told day by
    day ("The reply came on Wednesday. X wrote that ... On Thursday the families ...") has the
    sentences between two days on the first of them or up to the second, not up to the
    publication (the context's kind ``heading``: a day the text sets, not a guess). So too when
    it counts on from the day the story is at ("Netanyahu answered later that day", "hours
    later he posted") in the same paragraph: the story is still at that day. When the story
    goes back from there to an earlier day ("Cairo announced an investigation. To see why, go
    back three weeks. On Tuesday 7 May ..."), the sentences between are at the day it was at. A
    round-up's next day heading ("TUESDAY") bounds the sentences under the one before it.
    (``moves``: each sentence with a day of its own, and the day it opens with, else its day
    counted on, else ``None``; ``paragraphs``: each sentence's paragraph.)"""
    bounded = dict(context)
    own = {at for at, _ in moves}
    for index, day in context.items():
        at, following = next(((at, e) for at, e in moves if at > index), (None, None))
        if index in own or day.kind == "heading" or day.days > 7 or following is None:
            continue
        named = following.kind in ("absolute", "relative", "heading") and following.days == 1
        counted_on = _chained(following) and paragraphs[at] == paragraphs[index]
        if named and following.latest < day.earliest:
            bounded[index] = _set(day, day.latest)
            continue
        if not (named or counted_on) or not day.latest <= following.earliest <= reference:
            continue
        bounded[index] = _set(day, following.earliest)
    return bounded


def _chained(expression: TimeExpression) -> bool:
    """Whether an expression counts on from the day the story is at, not from an event it names
    ("the same night", "later that day", "hours later", not "a day after the vote"): where it
    stands, the story is still at that day or past it."""
    return expression.kind == "anchored" and expression.days <= 2 and not re.search(
        r"(?i)\b(?:after|before|since)\b", expression.text)


def _day_before(text: str, expression: TimeExpression, dated: list[TimeExpression]) -> bool:
    """Whether an expression that leads a clause ("two days after the team was recalled") comes
    right after a day of the sentence's own ("reported Thursday, two days after ..."): the day is
    the main clause's, the one the story is at; the expression only dates the clause it leads."""
    return _before_clause(expression) and any(
        other is not expression and other.end <= expression.start and other.precision == "day"
        and other.kind != "anchored" and re.fullmatch(r",\s*", text[other.end:expression.start])
        for other in dated)


def _before_clause(expression: TimeExpression) -> bool:
    """Whether an expression is "a day after", "hours before" followed by what it is relative to
    ("a day after X announced ...")."""
    return expression.kind == "anchored" and bool(  # (the words read the other way round may
        re.search(r"(?i)\b(?:after|before)\s*$", expression.text))  # end in a space)


def _frame(narrow: list[TimeExpression], embedded: Embedded,
           reported: int) -> TimeExpression | None:
    """The one date of a sentence's own clauses, if it has one ("Two days later, at a news
    conference in Doha, he said", "Before the cabinet met that night, his office put out a
    statement"): the date of all the sentence tells, also what has no time expression of its
    own. Not a date of a clause on a noun, nor one after "a day after", "hours before" (of the
    clause they lead), nor one of the words a saying reports (from ``reported`` on: "Hamas
    said Israel struck Rafah on Monday")."""
    clause = min([e.start for e in narrow if _before_clause(e)] + [reported])
    own = [e for e in narrow if e.end <= clause and not embedded(e.start, e.end)]
    return own[0] if len(own) == 1 else None


def _set(day: TimeExpression, latest: date) -> TimeExpression:
    """``day``, up to ``latest``, as a day the text sets (kind ``heading``): not a guess that
    may reach up to the publication."""
    return replace(day, edtf=iso_span(day.earliest, latest), latest=latest,
                   precision="day" if day.earliest == latest else "range", kind="heading")


def _opening(text: str, sentence: Sentence, expression: TimeExpression) -> bool:
    """Whether a date opens its sentence ("On Thursday the families ...", "Then, on Saturday")."""
    return len(re.findall(r"[\w’'-]+", text[sentence.start:expression.start])) <= 2

