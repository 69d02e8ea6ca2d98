"""Dates of the event named after "a week after" (session 19, round 8). Short texts written for
the test:

- "X met Y on Tuesday, a week after Israel's strike on Hamas leaders": the meeting is of
  Tuesday, and the strike, which the text dates nowhere else, of a week before it (not a week
  after Tuesday, nor Tuesday itself); so under a day heading with no day in the sentence;
- "Leaders gather in Doha today, six days after Israel's air strike": the strike six days before
  today (the event word may come after the words the pattern took: "Israel's air strike");
- "This crime came only a day after the occupation's strike", the crime told in the sentence
  before: the strike a day before the crime's day (the main clause is at the time the story is
  at), not a day after it;
- the sentences after it go on from the main clause's day, not from the strike's;
- a noun that names no event of the lexicon ("three days after the leaders' appeal") changes
  nothing: the saying stays on its Sunday.
"""

from __future__ import annotations

from datetime import date

from tests.extract.sentences import events, one

SATURDAY = date(2025, 9, 20)


def test_a_week_after_a_strike_dates_the_strike_a_week_before_the_main_clause():
    text = ("Israel's army pushed into Gaza City on Monday.\n\n"
            "In Doha, the American envoy met the Emir of Qatar on Tuesday, a week after Israel's "
            "strike on Hamas leaders in the city.\n")
    found = events(text, published=SATURDAY)
    assert one(found, "Meeting").date.edtf == "2025-09-16"
    assert one(found, "Attack").date.edtf == "2025-09-09"


def test_under_a_day_heading_the_strike_is_a_week_before_the_heading_day():
    text = ("The week in the talks\n"
            "Published Saturday 20 September 2025.\n\n"
            "TUESDAY 16 SEPTEMBER\n"
            "In Doha, the American envoy met the Emir of Qatar, a week after Israel's strike on "
            "Hamas leaders in the city.\n")
    found = events(text, published=SATURDAY)
    assert one(found, "Meeting").date.edtf == "2025-09-16"
    assert one(found, "Attack").date.edtf == "2025-09-09"


def test_six_days_after_an_air_strike_counts_back_from_today():
    text = ("Arab leaders meet in Doha\n\n"
            "DOHA, Sept 15 (Wire) - Leaders of Arab states gather in Doha today for an emergency "
            "summit, six days after Israel's air strike on the city.\n")
    found = events(text, published=date(2025, 9, 15))
    assert one(found, "Attack").date.edtf == "2025-09-09"


def test_a_crime_a_day_after_a_strike_dates_the_strike_the_day_before_the_crime():
    text = ("Hamas mourns its leader\n\n"
            "Hamas leader Ismail Haniyeh was assassinated in Tehran on Wednesday, 31 July.\n\n"
            "This crime came only a day after the occupation's strike on the southern suburb of "
            "Beirut.\n")
    found = events(text, published=date(2024, 8, 6))
    assert one(found, "Killing").date.edtf == "2024-07-31"
    assert one(found, "Attack").date.edtf == "2024-07-30"


def test_the_sentence_after_goes_on_from_the_main_clause_not_the_strike():
    text = ("Israel's army pushed into Gaza City on Monday.\n\n"
            "In Doha, the American envoy met the Emir of Qatar on Tuesday, a week after Israel's "
            "strike on Hamas leaders in the city.\n\n"
            "Qatar said it was still ready to mediate.\n")
    statement = one(events(text, published=SATURDAY), "Statement")
    assert statement.date.earliest == date(2025, 9, 16)


def test_a_noun_without_an_event_word_leaves_the_saying_on_its_day():
    text = ("Hamas said on Sunday, three days after the leaders' appeal, that the mediators should "
            "present a plan.\n")
    assert one(events(text, published=date(2024, 8, 13)), "Statement").date.edtf == "2024-08-11"
