"""Proposals fresh text drew that a curator drops, and a release lost (session 17): a reason given
with ", saying" after an act, the outlet's own correspondent named in an apposition, the term of a
comparison, talks that only remain stalled; a person freed by name. Short sentences written for
the test."""

from __future__ import annotations

from tests.extract.sentences import events, ids, one

# --- a person freed by name is a release -----------------------------------------------------------


def test_a_person_freed_by_name_is_a_release():
    found = events("On Tuesday Hamas freed Judith Raanan and her daughter.")
    release = one(found, "HostageRelease")
    assert "hamas" in ids(release)
    assert release.date.edtf == "2024-03-12"


def test_footage_of_a_named_channel_released_is_no_release():
    found = events("On Tuesday Hamas released Channel Twelve footage of the talks.")
    assert not [e for e in found if e.type == "HostageRelease"]


# --- ", saying ..." after an act: the act's reason, no statement ----------------------------------


def test_saying_after_a_release_is_the_release_s_reason():
    found = events("On Tuesday Hamas freed Judith Raanan and her daughter, saying it acted for "
                   "humanitarian reasons.")
    assert [e.type for e in found] == ["HostageRelease"]


def test_saying_after_a_meeting_is_still_a_statement():
    found = events("On Tuesday Hamas met Egyptian officials in Cairo, saying the talks were "
                   "positive.")
    assert [e for e in found if e.type == "Statement"]


# --- the outlet's own correspondent, named in an apposition ---------------------------------------


def test_our_correspondent_named_between_commas_is_the_outlet_telling():
    found = events("Our United Nations correspondent, Dilara Aksoy, reports from New York.")
    assert not found


def test_a_correspondent_of_another_outlet_still_reports():
    found = events("The BBC's correspondent, Lyse Doucet, reported on Tuesday that the talks had "
                   "ended.", min_confidence=0)
    assert [e for e in found if e.type in ("MediaReport", "Statement")]


# --- the term of a comparison is no event ---------------------------------------------------------


def test_an_attack_a_leader_likened_the_moment_to_is_no_event():
    found = events("On Tuesday Benjamin Netanyahu likened the moment to the attack on Pearl "
                   "Harbor.", min_confidence=0)
    assert not [e for e in found if e.type == "Attack"]


def test_an_attack_told_without_a_comparison_stays():
    found = events("On Tuesday Israel launched an attack on Rafah.", min_confidence=0)
    assert [e for e in found if e.type == "Attack"]


# --- talks that remain stalled are no meeting -------------------------------------------------------


def test_talks_that_remain_stalled_are_no_meeting():
    found = events("The ceasefire talks mediated by Qatar and Egypt remain stalled.",
                   min_confidence=0)
    assert not [e for e in found if e.type in ("Meeting", "NegotiationRound")]


def test_talks_held_in_cairo_on_a_day_are_a_meeting():
    found = events("The ceasefire talks mediated by Qatar and Egypt were held in Cairo on "
                   "Tuesday.", min_confidence=0)
    assert [e for e in found if e.type in ("Meeting", "NegotiationRound")]


# --- an order to recall one's own envoys is a decision, no demand ---------------------------------


def test_ordering_the_recall_of_one_s_ambassadors_is_a_statement():
    found = events("On Tuesday Foreign Minister Israel Katz ordered the immediate recall of the "
                   "Israeli ambassadors in Dublin and Oslo.")
    assert [e.type for e in found] == ["Statement"]
    assert "israel-katz" in ids(found[0])


def test_ordering_another_side_to_act_stays_a_demand():
    found = events("On Tuesday Egypt ordered Israel to open the crossing.")
    assert one(found, "Demand")


# --- "X said A, which Y denied": two sayings of two sides ---------------------------------------


def test_a_denial_in_a_relative_clause_leaves_the_first_saying_its_own():
    found = events("Israel said on Tuesday the hospital was hit by a rocket misfired by Hamas, "
                   "which denied it.")
    statements = [e for e in found if e.type == "Statement"]
    speakers_of = [{a for a, r in e.actors if r == "speaker"} for e in statements]
    assert {"israel"} in speakers_of
    assert {"hamas"} in speakers_of


def test_a_denial_after_while_leaves_the_first_saying_its_own():
    found = events("Israel said on Tuesday that Hamas had rejected the plan, while Qatar denied "
                   "it.")
    speakers_of = [{a for a, r in e.actors if r == "speaker"} for e in found
                   if e.type == "Statement"]
    assert {"israel"} in speakers_of
    assert {"qatar"} in speakers_of


def test_words_before_the_comma_are_still_the_later_verb_s_words():
    found = events("The talks will resume on Sunday in Cairo, Egypt said on Tuesday.")
    statement = one(found, "Statement")
    assert {a for a, r in statement.actors if r == "speaker"} == {"egypt"}


# --- rejecting a claim is denying it; "be met with" is no meeting -----------------------------------


def test_rejecting_a_comparison_is_one_statement_not_a_rejection():
    found = events('Benjamin Netanyahu said on Tuesday he rejected "with disgust" a comparison '
                   "between Israel and Hamas.")
    assert [e.type for e in found] == ["Statement"]


def test_rejecting_a_claim_is_a_statement():
    found = events("On Tuesday Hamas rejected a claim by an Israeli official that the talks had "
                   "collapsed.")
    assert [e.type for e in found] == ["Statement"]


def test_rejecting_a_proposal_stays_a_rejection():
    found = events("On Tuesday Hamas rejected the proposal.")
    assert [e.type for e in found] == ["Rejection"]


def test_an_act_that_will_be_met_with_a_response_is_no_meeting():
    found = events("Egypt said on Tuesday that any attack on Rafah will be met with a firm "
                   "response.", min_confidence=0)
    assert not [e for e in found if e.type == "Meeting"]


# --- holding one's position, not supporting a truce: a rejection ---------------------------------


def test_sticking_to_its_original_position_is_a_rejection():
    found = events("On Tuesday Hamas told the mediators it was sticking to its original "
                   "position.")
    rejection = one(found, "Rejection")
    assert "hamas" in ids(rejection)


def test_not_supporting_a_ceasefire_is_a_rejection():
    found = events("On Tuesday Israel said it does not support a ceasefire.", min_confidence=0)
    assert [e for e in found if e.type == "Rejection"]


def test_sticking_to_a_timetable_is_no_rejection():
    found = events("On Tuesday Egypt said it was sticking to the timetable.", min_confidence=0)
    assert not [e for e in found if e.type == "Rejection"]


# --- a judgement given is a statement; beside another saying, one statement ---------------------


def test_calling_the_reply_positive_is_a_statement():
    found = events("On Tuesday Hamas called the reply positive and in line with the plan.")
    assert [e.type for e in found] == ["Statement"]
    assert "hamas" in ids(found[0])


def test_calling_the_footage_cruel_and_saying_more_is_one_statement():
    found = events('On Tuesday Israel called the footage "cruel propaganda" and said it would '
                   "bring the captives home.")
    assert [e.type for e in found] == ["Statement"]


def test_describing_the_decisions_and_urging_others_are_two_acts():
    found = events('On Tuesday Hamas described the decisions as "an important step" and urged '
                   "other countries to follow.")
    assert sorted(e.type for e in found) == ["Demand", "Statement"]


def test_calling_the_reply_totally_unacceptable_is_no_mere_statement():
    found = events('On Tuesday Israel called the reply "totally unacceptable".', min_confidence=0)
    assert not [e for e in found if e.type == "Statement"]


def test_taking_one_s_case_to_the_foreign_press_is_a_press_conference():
    found = events("On Tuesday Benjamin Netanyahu took his case to the foreign press in English.")
    assert "benjamin-netanyahu" in ids(one(found, "PressConference"))


# --- asking a named leader for something during a call ---------------------------------------------


def test_asking_a_named_leader_for_pauses_during_their_call_is_a_demand_and_a_call():
    found = events("Joe Biden asked Prime Minister Benjamin Netanyahu for the pauses during their "
                   "call on Monday.")
    demand = one(found, "Demand")
    assert {"joe-biden", "benjamin-netanyahu"} <= ids(demand)
    call = one(found, "Meeting")
    assert "joe-biden" in ids(call)
    assert call.date.edtf == "2024-03-11"


def test_answering_with_a_colon_before_the_words_is_a_statement():
    found = events('Asked about a ceasefire on Tuesday, Joe Biden answered: "None."')
    assert "joe-biden" in ids(one(found, "Statement"))


def test_a_call_of_a_name_is_no_meeting():
    found = events("On Tuesday Egypt answered the call for aid.", min_confidence=0)
    assert not [e for e in found if e.type == "Meeting"]


# --- "made clear that ...", "would continue the war until ..." ------------------------------------


def test_making_clear_is_saying():
    found = events("On Tuesday Benjamin Netanyahu made clear that the army would stay in the "
                   "corridor.")
    assert "benjamin-netanyahu" in ids(one(found, "Statement"))


def test_continuing_the_war_until_its_goals_are_met_is_a_vow():
    found = events("On Tuesday Benjamin Netanyahu said Israel would continue the war until all "
                   "its goals were achieved.")
    assert [e.type for e in found] == ["Vow"]


def test_continuing_talks_is_no_vow_without_until():
    found = events("On Tuesday Egypt said the talks would continue in Cairo.")
    assert not [e for e in found if e.type == "Vow"]
