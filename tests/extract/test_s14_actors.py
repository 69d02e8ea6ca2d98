"""Who the actors of an event are and in which role, session 14, on short texts written for the
test: the sides of a meeting named on its verb, a subject the parser sets beside an opening
phrase, a body another runs."""

from __future__ import annotations

from tests.extract.sentences import events, ids, one


def test_the_people_with_a_meeting_noun_s_verb_are_its_participants():
    found = events("Talks opened in Doha on Sunday with William Burns, Egypt's intelligence "
                   "chief, David Barnea and the Hamas team.")
    meeting = one(found, "Meeting")
    assert {"william-burns", "david-barnea", "hamas"} <= ids(meeting)
    assert meeting.date.edtf == "2024-03-10"


def test_an_indefinite_attack_after_an_opening_phrase_is_the_subject():
    killing = one(events("On the last night of Ramadan, an Israeli air strike on a house in "
                         "Rafah killed two sons of Yahya Sinwar."), "Killing")
    assert ("israel", "perpetrator") in killing.actors
    assert killing.date.edtf == "2024-03-13"
    killing = one(events("On the first day of Eid al-Fitr, an Israeli air strike on a car in "
                         "Gaza City killed three aides of Yahya Sinwar."), "Killing")
    assert ("israel", "perpetrator") in killing.actors


def test_a_definite_title_beside_an_opening_name_is_no_new_subject():
    found = events("On Sunday Ismail Haniyeh, the Hamas political leader, spoke by telephone "
                   "with Qatar's emir and told him that talks were over.")
    assert all("hamas" not in ids(e) for e in found if e.type == "Statement")


def test_a_body_run_by_a_group_speaks_not_the_group():
    found = events("The Hamas-run interior ministry said on Monday that the crossing was shut.")
    assert all("hamas" not in ids(e) for e in found)
    found = events("The Iran-backed Hezbollah said on Monday that it had fired rockets at Israel.")
    assert "hezbollah" in ids(one(found, "Attack"))


def test_a_quoted_passive_makes_its_subject_the_victim():
    found = events("On Tuesday the defence minister, Yoav Gallant, announced that Mohammed Deif "
                   "had been \"eliminated\".")
    killing = one(found, "Killing")
    assert ("mohammed-deif", "victim") in killing.actors
    assert not any(role == "perpetrator" for _, role in killing.actors)


def test_a_timeline_line_s_bare_past_form_is_passive():
    found = events("Timeline\n\n12 Mar 2024 - Mohammed Deif killed in Khan Younis\n"
                   "13 Mar 2024 - Israel confirms his death\n")
    killing = one(found, "Killing")
    assert ("mohammed-deif", "victim") in killing.actors
    assert killing.date.edtf == "2024-03-12"


def test_the_war_cabinet_is_not_the_cabinet_named_before():
    found = events("Netanyahu said on Monday that he would convene the cabinet. On Tuesday the "
                   "war cabinet met the negotiators in Tel Aviv.")
    meeting = one(found, "Meeting")
    assert "war-cabinet" in ids(meeting)
    assert "cabinet" not in ids(meeting)


def test_the_one_called_on_is_the_addressee():
    demand = one(events("On Monday Qatar called on the American administration to press "
                        "Israel to stop the war."), "Demand")
    assert "united-states" in ids(demand)
    assert ("qatar", "speaker") in demand.actors


def test_a_body_named_by_its_kind_is_the_body_named_before():
    found = events("The Security Council adopted a resolution on Monday. On Tuesday Hamas urged "
                   "the council to enforce it.")
    demand = next(e for e in found if e.type == "Demand" and "hamas" in ids(e))
    assert "security-council" in ids(demand)


def test_a_court_of_a_name_is_an_organisation_its_judges_the_court():
    found = events("The Arbitration Court of Geneva ruled on Monday. On Tuesday the judges "
                   "called on Israel to allow aid into Gaza.")
    demand = one(found, "Demand")
    assert "arbitration-court-of-geneva" in ids(demand)


def test_by_a_means_after_a_simple_past_is_no_passive():
    found = events("Ismail Haniyeh, the head of the political bureau, spoke to us by video link "
                   "on Tuesday.")
    statement = one(found, "Statement")
    assert ("ismail-haniyeh", "speaker") in statement.actors


def test_it_saying_the_words_before_it_is_the_last_sentence_s_body():
    found = events("Qatar announced on Monday that the talks would resume. On Tuesday Egypt "
                   "answered within hours. The talks were going nowhere, it said, and the "
                   "delegations would stay at home.")
    said = [e for e in found if e.type == "Statement"]
    assert [("qatar" in ids(e), "egypt" in ids(e)) for e in said] == [(True, False), (False, True)]


def test_every_subject_of_a_coordinated_speech_verb_speaks():
    found = events("Egypt, Qatar and Jordan met in Amman on Tuesday and issued a joint "
                   "statement on the talks.")
    statement = one(found, "Statement")
    assert {"egypt", "qatar", "jordan"} <= {a for a, role in statement.actors if role == "speaker"}


def test_the_counted_bodies_are_the_last_list_of_as_many():
    found = events("Egypt, Qatar and Jordan met in Amman on Tuesday. A deal was within reach, "
                   "the three countries said on Wednesday.")
    said = one(found, "Statement")
    assert {"egypt", "qatar", "jordan"} <= {a for a, role in said.actors if role == "speaker"}


def test_a_surname_with_its_particle_is_the_person_named_in_full():
    found = events("Khalid bin Salman Al-Dosari, the envoy, arrived in Cairo on Monday. On "
                   "Tuesday Dr. Al-Dosari said the talks would resume.")
    said = one(found, "Statement")
    assert ("khalid-bin-salman-al-dosari", "speaker") in said.actors


def test_a_nationality_s_republic_is_its_country():
    said = one(events("On Tuesday the French Republic said that the talks would resume."),
               "Statement")
    assert ("france", "speaker") in said.actors


def test_a_lineage_s_links_do_not_keep_a_name_from_its_known_person():
    from kb.extract.names import NameIndex
    index = NameIndex()
    index.add("majed-al-ansari", ["Majed al-Ansari"])
    assert index.match("Majed bin Mohammed Al-Ansari") == "majed-al-ansari"
    assert index.match("Majed bin Mohammed") is None


def test_a_kind_between_a_nationality_and_its_delegation_keeps_the_country():
    found = events("On Tuesday an Egyptian security delegation held talks with Hamas leaders "
                   "in Cairo.")
    assert {"egypt", "hamas"} <= ids(one(found, "Meeting"))


def test_his_meeting_is_the_sentence_s_person_s():
    found = events("On Tuesday Benjamin Netanyahu defended the remarks he made at his closed "
                   "meeting with families of the hostages.")
    assert "benjamin-netanyahu" in ids(one(found, "Meeting"))
    found = events("On Tuesday Benjamin Netanyahu said Hamas would pay for his killing.")
    assert all(("benjamin-netanyahu", "victim") not in e.actors for e in found)
