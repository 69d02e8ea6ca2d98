"""Right event, wrong date or wrong actor (session 18, round 6). Short texts written for the test;
the publication day is Thursday 14 March 2024 unless a test gives another."""

from __future__ import annotations

from datetime import date

from tests.extract.sentences import events, one

ROW = ("Cabinet row\n\nThursday, 14 March 2024\n\n"
       "The quarrel came into the open on Tuesday. Earlier in the day the prime minister had "
       "dismissed talk of \"the day after\" in Gaza as premature.\n\n"
       "Hours later Defence Minister Yoav Gallant demanded that Prime Minister Benjamin "
       "Netanyahu rule out Israeli military rule in Gaza.\n")


def test_a_quoted_the_day_after_is_a_term_not_a_date():
    found = events(ROW, date(2024, 3, 14))
    assert one(found, "Demand").date.edtf == "2024-03-12"  # not the Wednesday after "the day"


def test_hours_after_the_morning_are_the_same_day():
    found = events("Talks in Cairo\n\nOn Monday morning the Egyptian mediators met the Hamas "
                   "delegation in Cairo. Three hours later Hamas demanded that Israel "
                   "withdraw from the Strip.\n", date(2024, 3, 14))
    assert one(found, "Demand").date.edtf == "2024-03-11"


def test_hours_after_an_evening_may_still_be_the_next_day():
    found = events("Talks in Cairo\n\nOn Monday evening the Egyptian mediators met the Hamas "
                   "delegation in Cairo. Hours later Hamas demanded that Israel "
                   "withdraw from the Strip.\n", date(2024, 3, 14))
    assert one(found, "Demand").date.edtf == "2024-03-11/2024-03-12"
