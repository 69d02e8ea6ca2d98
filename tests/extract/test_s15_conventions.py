"""The types of the drafts against the gold conventions 2, 4 and 5 settled in session 15
(benchmarks/devset/README.md): a reply handed to the mediators is typed by what the text says it
does; a decision of a cabinet or a body is its statement unless it approves a deal; a death is
one killing. Short sentences written for the test."""

from __future__ import annotations

from tests.extract.sentences import events, ids, one, speakers

# convention 2: a reply handed to the mediators


def test_a_reply_handed_over_with_nothing_more_said_is_a_statement_of_the_replier():
    found = events("Hamas handed the mediators its reply on Monday.")
    statement = one(found, "Statement")
    assert speakers(statement) == {"hamas"}
    assert statement.date.edtf == "2024-03-11"
    assert statement.confidence >= 0.6
    assert "noun cue 'reply'" in statement.why[0]
    assert not [e for e in found if e.type == "Offer"]


def test_a_reply_with_amendments_is_an_offer_of_the_replier():
    found = events("Hamas handed the mediators its reply on Monday, with amendments to the "
                   "timetable.")
    offer = one(found, "Offer")
    assert ("hamas", "offerer") in offer.actors
    assert offer.date.edtf == "2024-03-11"
    assert not [e for e in found if e.type == "Statement"]


def test_a_reply_whose_terms_the_next_sentence_gives_is_an_offer():
    found = events("Hamas handed the mediators its reply on Monday. The reply insists on a full "
                   "withdrawal of the army.")
    offer = one(found, "Offer")
    assert ("hamas", "offerer") in offer.actors
    assert offer.date.edtf == "2024-03-11"


def test_a_reply_that_accepts_is_one_acceptance():
    found = events("Hamas gave its answer on Tuesday, accepting the proposal.")
    acceptance = one(found, "Acceptance")
    assert ("hamas", "responder") in acceptance.actors
    assert acceptance.date.edtf == "2024-03-12"
    assert [e.type for e in found] == ["Acceptance"]


def test_a_reply_that_rejects_is_one_rejection():
    found = events("Hamas rejected the plan in its reply to the mediators on Monday.")
    assert [e.type for e in found] == ["Rejection"]
    assert ("hamas", "responder") in found[0].actors


# convention 4: a decision of a cabinet, a government or a body


def test_a_cabinet_agreeing_to_an_act_of_its_own_is_its_statement():
    found = events("Israel's war cabinet agreed on Monday to send a delegation to Cairo.")
    statement = one(found, "Statement")
    assert "israel" in speakers(statement)
    assert statement.date.edtf == "2024-03-11"
    assert not [e for e in found if e.type == "Acceptance"]


def test_a_cabinet_briefed_that_night_and_agreeing_to_act_makes_its_statement():
    found = events("On Monday the war cabinet was briefed by the negotiators that night and "
                   "agreed to send a delegation to Qatar.")
    statement = one(found, "Statement")
    assert "war-cabinet" in speakers(statement)
    assert not [e for e in found if e.type == "Acceptance"]


def test_a_cabinet_approving_a_plan_of_its_own_is_its_statement():
    found = events("On Monday Israel's security cabinet approved a plan to take control of the "
                   "city.")
    statement = one(found, "Statement")
    assert "israel" in speakers(statement)
    assert not [e for e in found if e.type == "Acceptance"]


def test_a_cabinet_approving_a_deal_accepts_it():
    acceptance = one(events("Israel's security cabinet approved the deal on Monday."),
                     "Acceptance")
    assert ("israel", "responder") in acceptance.actors
    assert acceptance.date.edtf == "2024-03-11"


def test_a_deal_a_government_approved_in_a_relative_clause_is_accepted():
    acceptance = one(events("Under the deal, which the Israeli government approved on Monday, "
                            "Hamas will free 50 hostages."), "Acceptance")
    assert "israel" in ids(acceptance)


def test_a_body_instructing_its_negotiators_makes_no_demand():
    found = events("The war cabinet met on Monday and instructed the negotiators to resume the "
                   "talks.")
    assert not [e for e in found if e.type == "Demand"]
    statement = one(found, "Statement")
    assert statement.date.edtf == "2024-03-11"


def test_a_person_agreeing_stays_an_acceptance():
    acceptance = one(events("Hamas agreed on Monday to release three hostages."), "Acceptance")
    assert ("hamas", "responder") in acceptance.actors


# convention 5: a death is one killing


def test_a_raid_killing_people_as_it_goes_is_one_killing():
    found = events("Gunmen stormed the border town on Monday, killing about forty people.")
    killing = one(found, "Killing")
    assert killing.date.edtf == "2024-03-11"
    assert "deaths told" in killing.why[0]
    assert not [e for e in found if e.type == "Attack"]


def test_a_strike_that_killed_told_by_a_source_is_one_killing():
    found = events("The civil defence agency said Israeli strikes killed at least 20 people on "
                   "Monday.")
    killing = one(found, "Killing")
    assert ("israel", "perpetrator") in killing.actors
    assert killing.date.edtf == "2024-03-11"
    assert not [e for e in found if e.type == "Attack"]


def test_a_raid_that_also_killed_is_one_killing():
    found = events("Israeli forces stormed two flats on Monday in a raid that also killed scores "
                   "of people.")
    killing = one(found, "Killing")
    assert ("israel", "perpetrator") in killing.actors
    assert not [e for e in found if e.type == "Attack"]


def test_a_strike_and_its_deaths_in_one_clause_are_one_killing():
    found = events("Israeli jets struck a compound on Monday and killed six people.")
    assert [e.type for e in found] == ["Killing"]
    assert found[0].confidence >= 0.6


def test_a_strike_whose_target_survived_stays_an_attack():
    found = events("Israeli jets struck a compound on Monday; the team survived.")
    attack = one(found, "Attack")
    assert ("israel", "perpetrator") in attack.actors
    assert not [e for e in found if e.type == "Killing"]
