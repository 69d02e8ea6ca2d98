"""Which events the extractor proposes, in shapes that benchmarks/devset9-11 (written blind) showed
it missed or joined (session 14): a death of wounds, an act told with "also" or "further" beside
another of the same kind. Short sentences written for the test."""

from __future__ import annotations

from tests.extract.sentences import events, ids, one


def test_dying_of_wounds_is_a_killing_of_its_subject():
    killing = one(events("Sergeant Yoav Levin died of his wounds in hospital on Tuesday."),
                  "Killing")
    assert [role for actor, role in killing.actors if "levin" in actor] == ["victim"]
    assert killing.date.edtf == "2024-03-12"


def test_succumbing_to_injuries_is_a_killing_of_its_subject():
    killing = one(events("Rami Haddad succumbed to his injuries on Monday, his family said."),
                  "Killing")
    assert [role for actor, role in killing.actors if "haddad" in actor] == ["victim"]
    assert killing.date.edtf == "2024-03-11"


def test_a_further_call_is_a_second_demand():
    found = events("On Tuesday Egypt called on Israel to halt its offensive. It further called "
                   "upon the international community to intervene at once.")
    demands = [e for e in found if e.type == "Demand"]
    assert len(demands) == 2
    assert all("egypt" in ids(d) for d in demands)
    assert demands[0].date.edtf == "2024-03-12"
    assert demands[1].date.earliest == demands[0].date.earliest


def test_words_said_also_are_the_same_statement():
    found = events("On Tuesday Qatar said the talks had made progress. Qatar also said that "
                   "the next round would be held in Doha.")
    assert [e.type for e in found].count("Statement") == 1


def test_a_statement_sets_a_condition_in_its_own_voice():
    text = ("Ministry of Foreign Affairs of the State of Qatar\nStatement\nDoha, 12 March 2024\n\n"
            "The detainees will not be freed until the crossings are opened to aid convoys.")
    condition = one(events(text), "Precondition")
    assert "qatar" in ids(condition)
    assert condition.date.edtf == "2024-03-12"


def test_an_interviewee_sets_two_conditions_in_two_sentences():
    text = ("Interview by our Amman bureau, 14 March 2024\n\nWe spoke to Khaled Mashal of Hamas "
            "in Doha.\n\nQ: Will you disarm?\nA: Our rifles are not on the table as long as the "
            "siege goes on. We will hand over the captives only if the shelling stops.")
    conditions = [e for e in events(text) if e.type == "Precondition"]
    assert len(conditions) == 2
    assert all(ids(c) & {"hamas", "khaled-mashal"} and c.date.edtf == "2024-03-14"
               for c in conditions)


def test_refusing_any_agreement_that_fails_a_demand_sets_a_condition():
    text = ("Hamas\nPress statement\n12 March 2024\n\nWe state plainly: any agreement that does "
            "not guarantee a withdrawal will not be accepted by our people.")
    assert "hamas" in ids(one(events(text), "Precondition"))


def test_a_statement_document_is_its_issuers_statement():
    text = ("Prime Minister's Office\nStatement\nJerusalem, 12 March 2024\n\nThe prisoners will "
            "not go free until a list of living hostages is received.")
    found = events(text)
    statement = one(found, "Statement")
    assert ids(statement) == {"prime-ministers-office"}
    assert statement.date.edtf == "2024-03-12"
    assert one(found, "Precondition").date.edtf == "2024-03-12"


def test_a_statement_document_saying_something_is_one_statement():
    text = ("Joint statement by Egypt and Qatar\n12 March 2024\n\nWe welcome the agreement "
            "reached today on the entry of aid.")
    assert [e.type for e in events(text)].count("Statement") == 1


def test_a_statement_telling_anothers_condition_sets_none_of_its_own():
    text = ("Ministry of Foreign Affairs of the State of Qatar\nStatement\nDoha, 12 March 2024\n\n"
            "Hamas will not free the captives until the siege is lifted.")
    assert not any(e.type == "Precondition" and "qatar" in ids(e) for e in events(text))


def test_a_quoted_passive_names_the_victim():
    killing = one(events("On Tuesday the army said the commander Rami Saad had been \u201celiminated\u201d."),
                  "Killing")
    assert [role for actor, role in killing.actors if "saad" in actor] == ["victim"]


def test_a_participle_describing_a_name_makes_it_the_victim():
    killing = one(events("Hamas mourned Rami Saad, a commander killed in Rafah on Tuesday."),
                  "Killing")
    assert [role for actor, role in killing.actors if "saad" in actor] == ["victim"]


def test_a_victim_dies_once_whoever_is_named_as_the_killer():
    text = ("Israeli troops killed Rami Saad in Rafah on Tuesday. On Wednesday the defence "
            "minister announced that Saad had been killed.")
    killing = one(events(text), "Killing")
    assert killing.date.edtf == "2024-03-12"


def test_dismissing_talk_of_a_deal_is_a_denial_not_a_rejection():
    found = events("On Tuesday Osama Hamdan dismissed reports of a breakthrough in Cairo.")
    assert [e.type for e in found] == ["Statement"]
    assert "osama-hamdan" in ids(found[0])


def test_dismissing_an_offer_is_a_rejection():
    rejection = one(events("On Tuesday Hamas dismissed the proposal as a trap."), "Rejection")
    assert "hamas" in ids(rejection)


def test_a_verb_coordinated_after_a_quotation_does_not_take_the_words_before_it():
    found = events('On Tuesday Yoav Gallant said the operation was "only the start" of the '
                   "campaign's last stage, and told the army's reservists to stand ready.")
    statement = next(e for e in found if e.type in ("Statement", "Demand"))
    assert "yoav-gallant" in ids(statement)
    assert statement.date.edtf == "2024-03-12"


def test_a_speaker_with_a_relative_clause_and_two_verbs_speaks():
    found = events("Joe Biden, who phoned Netanyahu on Tuesday, called it a fine day for the "
                   "region and said a deal was now within reach.")
    statement = one(found, "Statement")
    assert "joe-biden" in ids(statement)
    assert statement.date.edtf == "2024-03-12"


def test_unnamed_officials_who_met_and_said_are_no_speaker():
    found = events("On Tuesday two officials briefed on the talks met reporters in Cairo and said "
                   "the gaps remained.")
    assert not [e for e in found if e.type == "Statement"]


def test_hosting_a_groups_office_is_no_meeting():
    found = events("Qatar, which hosts Hamas's political bureau, said on Tuesday that talks would "
                   "resume.")
    assert [e.type for e in found] == ["Statement"]


def test_a_host_that_keeps_a_groups_leaders_holds_no_meeting():
    found = events("On Tuesday Netanyahu said that Qatar hosts the leaders of Hamas.")
    assert not [e for e in found if e.type == "Meeting"]


def test_hosting_a_delegation_is_a_meeting():
    meeting = one(events("Egypt hosted a Hamas delegation in Cairo on Tuesday."), "Meeting")
    assert {"egypt", "hamas"} <= ids(meeting)


def test_an_effort_promised_with_a_phrase_between_is_no_effort_made():
    found = events("On Tuesday the ministry affirmed that Egypt will continue, together with its "
                   "regional and international allies, its mediation efforts aimed at ending the "
                   "fighting.")
    assert not [e for e in found if e.type == "Effort"]


def test_talks_in_a_question_of_whether_are_no_event():
    found = events("On Tuesday Israeli jets struck a compound in Rafah, and the question since has "
                   "been whether the negotiations survived the strike.")
    assert [e.type for e in found] == ["Attack"]


def test_an_answer_in_question_is_no_acceptance():
    found = events("It was still unclear on Tuesday whether Hamas had accepted the plan.")
    assert not [e for e in found if e.type == "Acceptance"]


def test_meeting_every_one_of_its_aims_is_no_meeting():
    found = events("On Tuesday Netanyahu said the war would not end before Israel had met every "
                   "one of its objectives.")
    assert not [e for e in found if e.type == "Meeting"]


def test_insisting_on_something_is_a_demand():
    demand = one(events("On Tuesday Hamas insisted on a full withdrawal from the Strip."), "Demand")
    assert "hamas" in ids(demand) and demand.date.edtf == "2024-03-12"


def test_insisting_that_something_is_so_is_a_statement():
    found = events("On Tuesday Qatar insisted that the talks had not collapsed.")
    assert [e.type for e in found] == ["Statement"]


def test_an_interviewee_telling_anothers_condition_sets_none_of_his_own():
    text = ("Interview by our Amman bureau, 14 March 2024\n\nWe spoke to Khaled Mashal of Hamas "
            "in Doha.\n\nQ: Will Israel open the crossing?\nA: They will not open it until we "
            "lay down our rifles.")
    assert not [e for e in events(text) if e.type == "Precondition"]


def test_a_quotation_after_the_words_told_is_the_same_saying():
    found = events('On Tuesday Isaac Herzog urged the leaders to close a deal. "You have my full '
                   'support," he said.')
    assert [e.type for e in found] == ["Demand"]
    assert "isaac-herzog" in ids(found[0])


def test_a_quotation_with_its_own_day_after_words_told_is_another_saying():
    found = events('On Monday Isaac Herzog urged the leaders to close a deal. "We are out of time," '
                   'he said on Tuesday.')
    assert sorted(e.type for e in found) == ["Demand", "Statement"]
