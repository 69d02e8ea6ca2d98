"""What an event is, in shapes that benchmarks/devset9 and devset10 (written blind) showed the
extractor misread: which sentences and clauses propose an event and of which type. Short sentences
written for the test."""

from __future__ import annotations

from tests.extract.sentences import events, ids, one


def test_a_question_of_the_writer_tells_no_event():
    found = events("Who killed the commander? Israel struck his car in Gaza on Tuesday.")
    assert [e.type for e in found] == ["Attack"]
    assert "israel" in ids(found[0])


def test_a_warning_of_a_danger_is_no_threat():
    found = events("On Tuesday Netanyahu urged the mediators to close a deal, warning that "
                   "the hostages were in grave danger.")
    assert [e.type for e in found] == ["Demand"]


def test_a_warning_of_what_will_follow_is_a_threat():
    threat = one(events("On Tuesday Israel warned Hamas that it would pay a heavy price."), "Threat")
    assert "israel" in ids(threat)


def test_a_party_telling_its_own_strike_is_the_strike_not_a_statement_too():
    found = events("Israel said on Tuesday that its jets struck rocket launchers in Lebanon.")
    assert [e.type for e in found] == ["Attack"]
    assert ("israel", "perpetrator") in found[0].actors
    assert found[0].date.edtf == "2024-03-12"


def test_negotiations_that_were_discussed_are_a_topic():
    found = events("Qatar's emir received Ismail Haniyeh in Doha on Saturday for a meeting at "
                   "which the ceasefire negotiations were discussed.")
    assert [e.type for e in found] == ["Meeting"]


def test_informing_the_mediators_of_an_approval_is_the_acceptance():
    found = events("Hamas informed the Egyptian mediators on Tuesday of its approval of the plan.")
    assert [e.type for e in found] == ["Acceptance"]
    assert ("hamas", "responder") in found[0].actors
    assert found[0].date.edtf == "2024-03-12"


def test_informing_of_a_refusal_is_the_rejection():
    rejection = one(events("Israel notified Qatar on Tuesday of its refusal of the plan."),
                    "Rejection")
    assert "israel" in ids(rejection)


def test_a_council_adopting_a_resolution_demands():
    demand = one(events("The Security Council adopted a resolution on Monday calling for an "
                        "immediate ceasefire in Gaza."), "Demand")
    assert any("security-council" in actor for actor, role in demand.actors if role == "speaker")
    assert demand.date.edtf == "2024-03-11"


def test_captives_that_will_not_go_free_until_set_a_precondition():
    condition = one(events("Hamas said on Tuesday that the hostages would not be released until "
                           "Israel withdrew from Gaza."), "Precondition")
    assert "hamas" in ids(condition)


def test_two_speech_verbs_of_one_subject_each_keep_their_own_words():
    found = events("On Tuesday Hamas confirmed the death and said the prisoners would not be freed "
                   "until the strikes stopped.")
    assert sorted(e.type for e in found) == ["Precondition", "Statement"]


def test_an_act_in_a_clause_of_condition_did_not_happen():
    found = events("On Tuesday Netanyahu told the gunmen they could leave Gaza if they laid down "
                   "their weapons and released the hostages.")
    assert "HostageRelease" not in [e.type for e in found]


def test_sources_briefed_on_the_talks_are_an_unnamed_speaker():
    found = events("The Egyptian delegation was led by Abbas Kamel and included two generals, "
                   "Ahmed Ali, who runs the Gaza file, and Omar Said, three sources briefed on "
                   "the talks said.")
    assert "Statement" not in [e.type for e in found]


def test_refusing_to_act_while_something_holds_sets_a_precondition():
    found = events("On Tuesday Jordan refused to reopen the bridge while Israeli troops remained "
                   "on the other bank.")
    condition = one(found, "Precondition")
    assert "Rejection" not in [e.type for e in found]
    assert ("jordan", "speaker") in condition.actors
    assert condition.date.edtf == "2024-03-12"


def test_adding_conditions_is_no_saying():
    found = events("A deal was near, Qatar said on Tuesday, if Israel stopped adding conditions.")
    assert not any(("israel", "speaker") in e.actors for e in found)


def test_adding_that_after_a_comma_goes_on_with_the_saying():
    found = events("Hamas said on Tuesday that talks had resumed, adding that a deal was near.")
    assert [e.type for e in found] == ["Statement"]


def test_saying_nothing_is_no_statement():
    found = events("On Tuesday Hamas said nothing. On Wednesday Qatar said talks would resume.")
    assert [e.type for e in found] == ["Statement"]
    assert "qatar" in ids(found[0])


def test_a_warning_noun_ends_no_words_and_says_then_calls_on_are_two_acts():
    found = events("On Tuesday Qatar says the news is a further warning that time is short, and "
                   "calls on Israel to act.")
    assert sorted(e.type for e in found) == ["Demand", "Statement"]
    assert all(("qatar", "speaker") in e.actors for e in found)


def test_publishing_the_names_is_a_statement():
    found = events("On Tuesday Hamas published the names of the three hostages it will free.")
    statement = one(found, "Statement")
    assert ("hamas", "speaker") in statement.actors
    assert statement.date.edtf == "2024-03-12"


def test_no_sign_that_something_happened_is_no_event():
    found = events("By Friday there was no sign that Israel had sent its reply. Qatar met Hamas "
                   "on Thursday.")
    assert [e.type for e in found] == ["Meeting"]


def test_what_someone_still_demands_is_a_stance_not_an_event():
    found = events("On Tuesday Qatar said it was Israel that still rejected a full withdrawal.")
    assert [e.type for e in found] == ["Statement"]


def test_a_numbered_point_s_label_is_no_actor():
    found = events("Fourth: The world watched on Saturday as the army carried out a massacre in "
                   "the camp.", min_confidence=0)
    assert not any("fourth" in actor for event in found for actor in ids(event))


def test_what_an_offer_holds_after_a_colon_is_no_event_of_its_own():
    found = events("On Tuesday Qatar outlined a new idea: a week-long truce during which aid "
                   "would enter, then negotiations in Doha.")
    assert [e.type for e in found] == ["Offer"]
    assert "qatar" in ids(found[0])


def test_a_semicolon_ends_one_speaker_s_words_before_another_speaks():
    found = events("On Tuesday Egypt announced an inquiry; the Israeli army said it was in touch "
                   "with Cairo.")
    assert sorted(speaker for e in found for speaker, role in e.actors
                  if role == "speaker") == ["egypt", "israel"]


def test_saying_a_proposal_falls_short_of_one_s_demands_is_a_rejection():
    found = events("On Monday Hamas said the Israeli paper fell short of its demands.")
    assert [e.type for e in found] == ["Rejection"]
    assert ("hamas", "responder") in found[0].actors
