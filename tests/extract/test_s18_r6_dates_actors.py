"""Right event, wrong date or wrong actor (session 18, round 6). Short texts written for the test;
the publication day is Thursday 14 March 2024 unless a test gives another."""

from __future__ import annotations

from datetime import date

from kb.extract.timex import find_time_expressions
from tests.extract.sentences import events, ids, one

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


def test_a_day_a_truce_is_to_take_effect_is_ahead_not_past():
    found = find_time_expressions("Israel and Hamas had agreed to a ceasefire, to take effect on "
                                  "Sunday.", date(2024, 3, 14))
    assert [(e.text, e.edtf) for e in found] == [("on Sunday", "2024-03-17")]


DEAL = ("Deal reached\n\nDOHA, March 14 - Qatar's prime minister said on Thursday that Israel and "
        "Hamas had agreed to a ceasefire in Gaza, to take effect on Sunday.\n\n"
        "Hours earlier, President Joe Biden had said the talks were close to a deal.\n")


def test_the_agreement_is_dated_by_the_saying_not_by_the_day_the_truce_begins():
    found = events(DEAL, date(2024, 3, 14))
    assert one(found, "Acceptance").date.edtf == "2024-03-14"


def test_the_day_a_truce_begins_does_not_date_the_sentences_after_it():
    found = events(DEAL, date(2024, 3, 14))
    biden = next(event for event in found if event.sentences[0].startswith("Hours earlier"))
    assert biden.date.earliest >= date(2024, 3, 13)
    assert biden.date.latest <= date(2024, 3, 14)


def test_an_adverb_or_adjective_opening_a_sentence_is_no_actor():
    found = events("Cairo talks\n\nIndirect talks resumed in Cairo on Sunday.\n\nSubject to the "
                   "approval of the cabinet, the release of the hostages will take place on "
                   "Sunday.\n")
    named = {actor for event in found for actor, _ in event.actors}
    assert "indirect" not in named and "subject" not in named


def test_a_demonym_opening_a_sentence_still_names_its_side():
    found = events("Cairo talks\n\nIsraeli officials met Egyptian mediators in Cairo on Sunday.\n")
    assert "israel" in ids(one(found, "Meeting"))


def test_a_saying_told_afterwards_is_the_day_of_the_event_before_or_the_next():
    found = events("Rafah call\n\nPresident Joe Biden and Prime Minister Benjamin Netanyahu talked "
                   "by phone on Monday.\n\nJake Sullivan told reporters at the White House "
                   "afterwards that the president regarded an operation in Rafah as a mistake.\n")
    saying = next(event for event in found if event.sentences[0].startswith("Jake Sullivan"))
    assert (saying.date.earliest, saying.date.latest) == (date(2024, 3, 11), date(2024, 3, 12))
