"""Who a bare post is, on short texts written for the test (session 17, round 2): "the president",
"the secretary of state" or "the secretary" in running text, in lower case, is the one person the
article has named so far with that post written as a title before the name ("President Joe
Biden", "Secretary of State Antony Blinken"); none when two were, or when the one named held it
once ("former President ..."); and "Secretary of State" before an unknown name is all title."""

from __future__ import annotations

from kb.extract import extract
from tests.extract.sentences import ACTORS, DAY, events, ids, one, speakers


def test_the_president_in_lower_case_is_the_one_named_president():
    found = events("President Joe Biden spoke at the White House on Monday. The president said on "
                   "Tuesday that Hamas must accept the deal.")
    assert "joe-biden" in speakers(one(found, "Demand"))


def test_the_president_is_nobody_when_two_presidents_were_named():
    found = events("President Joe Biden and Egyptian President Abdel Fattah al-Sisi spoke on "
                   "Monday. The president said on Tuesday that Hamas must accept the deal.")
    assert not any({"joe-biden", "abdel-fattah-al-sisi"} & ids(event) for event in found
                   if "The president said" in event.sentences[0])


def test_a_former_president_is_not_the_president():
    found = events("Former President Donald Trump spoke on Monday. The president said on Tuesday "
                   "that Hamas must accept the deal.")
    assert not any("donald-trump" in ids(event) for event in found
                   if "The president said" in event.sentences[0])


def test_the_secretary_of_state_in_lower_case_is_the_one_named_so():
    found = events("Secretary of State Antony Blinken arrived in Cairo on Monday. The secretary of "
                   "state said on Tuesday that Hamas must accept the deal.")
    assert "antony-blinken" in speakers(one(found, "Demand"))


def test_the_secretary_alone_is_the_one_secretary_named():
    found = events("Secretary of State Antony Blinken arrived in Cairo on Monday. \"What is needed "
                   "now is political will,\" the secretary said.")
    assert "antony-blinken" in speakers(one(found, "Statement"))
    met = events("Secretary of State Antony Blinken arrived in Riyadh on Monday. Later the "
                 "secretary met Crown Prince Mohammed bin Salman.")
    assert "antony-blinken" in ids(one(met, "Meeting"))


def test_the_secretary_is_nobody_when_two_secretaries_were_named():
    found = events("Secretary of State Antony Blinken and Defense Secretary Lloyd Austin arrived "
                   "in Cairo on Monday. \"What is needed now is political will,\" the secretary "
                   "said.")
    assert not any({"antony-blinken", "lloyd-austin"} & ids(event) for event in found
                   if "the secretary said" in event.sentences[0])


def test_secretary_of_state_before_a_name_is_no_part_of_the_name():
    draft = extract("Secretary of State Marco Rubio arrived in Cairo on Monday. Later the "
                    "secretary met Egypt's foreign minister.", DAY, actors=ACTORS)
    names = {actor.name for actor in draft.actors.values()}
    assert "Marco Rubio" in names
    assert not any(name.startswith("State ") for name in names)
