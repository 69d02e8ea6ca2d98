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

A date that is not the day the story is at does not move it (the reference time):

- a day in a clause that "after" opens behind a main clause without a day ("The session was
  called by Arab states after the United States vetoed a draft on Friday"): the sentence after
  it is of the story's day (the vote's, today), not from that Friday;
- "Hours earlier" after a look back a week wide ("was abducted three weeks ago"): hours before
  the last day the story was at, not somewhere in that week.
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


ASSEMBLY = ("Assembly votes for ceasefire\n\n"
            "NEW YORK, Dec 12 (Wire) - The General Assembly voted today for a resolution "
            "demanding a ceasefire in Gaza.\n\n"
            "The session was called by Arab states after the United States vetoed a similar draft "
            "in the Security Council on Friday.{gap}Israel said the resolution was one-sided.\n")


def test_a_day_in_an_after_clause_does_not_move_the_story():
    for gap in (" ", "\n\n"):  # in the same paragraph or the next
        found = events(ASSEMBLY.format(gap=gap), published=date(2023, 12, 12))
        assert one(found, "Statement").date.edtf == "2023-12-12"
        assert one(found, "Rejection").date.edtf == "2023-12-08"  # the veto keeps its Friday


def test_a_day_of_the_main_clause_before_after_still_moves_the_story():
    # the main clause has a day of its own: the story is at that day, and the sentence after
    # it goes on from there (a window from Friday, not the text's day alone)
    text = ASSEMBLY.replace("The session was called by Arab states after",
                            "The session was called by Arab states on Friday after").replace(
        " in the Security Council on Friday", " in the Security Council")
    statement = one(events(text.format(gap=" "), published=date(2023, 12, 12)), "Statement")
    assert statement.date.earliest == date(2023, 12, 8)


def test_hours_earlier_count_from_the_story_day_not_a_week_wide_look_back():
    text = ("Soldier freed in Gaza\n\n"
            "TEL AVIV, Oct 30 (Wire) - Israeli forces have freed a soldier held in Gaza, the army "
            "said on Monday.\n\n"
            "She was abducted when gunmen overran her base three weeks ago.\n\n"
            "Hours earlier, Hamas published a video showing three women held in Gaza.\n")
    statement = one(events(text, published=date(2023, 10, 30)), "Statement")
    assert statement.date.earliest == date(2023, 10, 29)
    assert statement.date.latest == date(2023, 10, 30)
