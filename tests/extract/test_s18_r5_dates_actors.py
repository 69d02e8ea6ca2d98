"""Right event, wrong date or wrong actor (session 18, round 5). Short texts written for the test;
the publication day is Thursday 14 March 2024 unless a test gives another."""

from __future__ import annotations

from datetime import date

from kb.extract.timex import find_time_expressions
from tests.extract.sentences import events, ids, one, speakers

ROUND_UP = (
    "The week in the talks\n\nOur weekly round-up, published Saturday 9 March 2024\n\n"
    "MONDAY 4 MARCH\n"
    "Ali Baraka, a Hamas spokesman in Beirut, announced in a video that the group would free "
    "two hostages on Wednesday and hand over a list on Saturday. He also demanded that fuel be "
    "let in.\n\n"
    "WEDNESDAY 6 MARCH\n"
    "Qatar hosted a new round of talks.\n")


def test_days_a_saying_announces_ahead_do_not_date_the_sentences_after_it():
    found = events(ROUND_UP, date(2024, 3, 9))
    assert one(found, "Demand").date.edtf == "2024-03-04"


def test_the_announcement_itself_keeps_its_section_s_day():
    found = events(ROUND_UP, date(2024, 3, 9))
    saying = next(event for event in found if event.sentences[0].startswith("Ali Baraka"))
    assert saying.date.edtf == "2024-03-04"



def test_a_weekday_and_an_ordinal_day_are_that_day_not_the_weekday_s_last_occurrence():
    found = find_time_expressions("In the early hours of Tuesday the 12th, Israel struck.",
                                  date(2024, 3, 19))
    assert [(e.text, e.edtf) for e in found] == [("Tuesday the 12th", "2024-03-12")]
    found = find_time_expressions("He left on Thursday the 29th.", date(2024, 3, 14))
    assert [e.edtf for e in found] == ["2024-02-29"]


def test_a_strike_on_a_weekday_and_ordinal_day_is_dated_that_day():
    found = events("Q: How did the week begin?\n\nA: In the early hours of Tuesday the 12th, "
                   "Israel struck across the Strip.", date(2024, 3, 19))
    assert one(found, "Attack").date.edtf == "2024-03-12"


def test_a_plan_after_a_past_act_does_not_date_the_act():
    found = events("Talks in Doha\n\nOn Tuesday the Prime Minister's Office said Israel had "
                   "accepted an invitation from the mediators and would send a delegation to "
                   "Doha on Friday.\n", date(2024, 3, 14))
    assert one(found, "Acceptance").date.edtf == "2024-03-12"


def test_she_is_the_woman_named_before_not_the_last_man():
    found = events("Hostage families rally\n\nPrime Minister Benjamin Netanyahu telephoned the "
                   "hostage's mother, Dana Levran, this evening. At a rally she told the crowd he "
                   "had assured her that talks would go on.\n\nCORRESPONDENT: She also urged "
                   "Israel's leaders to end the war.\n")
    assert speakers(one(found, "Statement")) == {"dana-levran"}  # "she told the crowd"
    demand = one(found, "Demand")
    assert "dana-levran" in ids(demand)
    assert "benjamin-netanyahu" not in ids(demand)


def test_a_week_after_an_undated_strike_under_a_day_heading_is_that_day():
    found = events("THE WEEK IN THE TALKS\nSaturday 20 September 2025 | Compiled by the desk\n\n"
                   "TUESDAY 16 SEPTEMBER\nIsrael's offensive on Gaza City moved into a new stage as "
                   "troops began to push towards the centre from Monday night into Tuesday, after "
                   "weeks on its edges.\nIn Doha, Secretary of State Marco Rubio met the Emir, a "
                   "week after Israel's strike on Hamas leaders in the Qatari capital.\n\n"
                   "THURSDAY 18 SEPTEMBER\nQatar hosted a new round of talks.\n",
                   date(2025, 9, 20))
    meeting = next(event for event in found if event.sentences[0].startswith("In Doha")
                   and event.type == "Meeting")
    assert meeting.date.edtf == "2025-09-16"
