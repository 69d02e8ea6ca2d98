"""Rules for the genres the never-tuned articles showed weak (round-ups under day headings, live
blogs, interviews, statements in the first person, wire reports with a date line): each on short
sentences written for the test."""

from __future__ import annotations

from datetime import date
from functools import partial

from kb.extract import KnownActor, extract
from tests.extract import sentences
from tests.extract.sentences import ACTORS, ids, one

FRIDAY = date(2024, 3, 15)
events = partial(sentences.events, published=FRIDAY)




def test_a_day_heading_dates_the_undated_sentences_under_it_exactly():
    text = ("Week in review\nTuesday. Egypt met Qatar in Cairo.\n"
            "Wednesday. Hamas rejected the Egyptian map.\n")
    found = events(text)
    assert one(found, "Meeting").date.edtf == "2024-03-12"
    assert one(found, "Rejection").date.edtf == "2024-03-13"


def test_a_date_in_reported_words_does_not_date_the_verb_before_them():
    found = events("Tuesday. Hamas rejected the map, saying it broke what had been agreed on "
                   "March 2.")
    assert one(found, "Rejection").date.edtf == "2024-03-12"


def test_meeting_conditions_is_no_meeting():
    found = events("Hamas said on Monday that the text met none of its conditions.")
    assert [e.type for e in found] == ["Statement"]


def test_a_past_perfect_date_does_not_become_the_date_the_article_talks_about():
    text = ("Week in review\nTuesday. Egypt said the plan dropped what had been agreed on "
            "March 2. Qatar met Hamas in Doha.\n")
    assert one(events(text), "Meeting").date.edtf == "2024-03-12"


def test_the_next_day_counts_from_the_date_line_when_nothing_else_is_dated():
    text = ("Statement on the talks\nIssued on 11 March 2024\nWe call on Hamas to accept the "
            "plan.\nHamas said the next day that it would study it.\n")
    said = [e for e in events(text) if "next day" in e.sentences[0]]
    assert [e.date.edtf for e in said] == ["2024-03-12"]


def test_a_day_after_a_clause_dates_that_clause_a_day_before_the_main_verb():
    found = events("Hamas said on Wednesday, a day after a drone strike in Beirut killed "
                   "Omar Haddad, that it would stop the talks.")
    assert one(found, "Killing").date.edtf == "2024-03-12"


def test_one_killing_reported_twice_is_one_event():
    text = ("Hamas said on Wednesday that a strike had killed Omar Haddad on Tuesday.\n"
            "The strike on his house on Tuesday killed Haddad and two guards.\n")
    killing = one(events(text), "Killing")
    assert "omar-haddad" in ids(killing) and killing.date.edtf == "2024-03-12"


def test_the_agency_of_a_date_line_is_no_actor():
    text = "Talks stall\nCAIRO, March 14 (Nile Wire) - Egypt met Hamas on Thursday.\n"
    draft = extract(text, FRIDAY, actors=ACTORS)
    assert not any("Nile" in actor.name for actor in draft.actors.values())
    assert ids(one(draft.events, "Meeting")) == {"egypt", "hamas"}


def test_we_urge_in_the_present_is_a_demand_of_the_signatories():
    text = ("Joint statement by Egypt and Qatar\nIssued on 14 March 2024\n"
            "We urge both sides to return to the table.\n")
    demand = one(events(text), "Demand")
    assert "egypt" in ids(demand) and demand.date.edtf == "2024-03-14"


def test_we_followed_by_a_list_of_countries_makes_them_the_voice_of_the_text():
    text = ("Statement on the hostages\nIssued on 14 March 2024\nWe, the leaders of Egypt, "
            "Qatar and four other countries, call on Hamas to free the hostages.\n"
            "We stand ready to support the reconstruction of Gaza.\n")
    found = events(text)
    assert "egypt" in ids(one(found, "Offer"))


def test_told_people_to_leave_is_an_order():
    found = events("On Thursday the Israeli army told 10,000 people in the east of the town "
                   "to leave.")
    assert "israel" in ids(one(found, "Demand"))


def test_sat_with_and_agreed_on_are_a_meeting_and_an_acceptance():
    found = events("On Wednesday Egypt sat with Hamas for several hours. On Thursday Egypt and "
                   "Qatar agreed on an outline for a pause.")
    assert ids(one(found, "Meeting")) >= {"egypt", "hamas"}
    assert ids(one(found, "Acceptance")) >= {"egypt", "qatar"}


def test_calling_demands_unrealistic_rejects_them():
    found = events("Israel called the demands unrealistic on Wednesday.")
    assert "israel" in ids(one(found, "Rejection"))


def test_an_interview_that_answered_our_questions_gives_the_we_of_its_answers():
    known = [*ACTORS, KnownActor("omar-haddad", "Omar Haddad", "person", organizations=["qatar"])]
    text = ("An interview\nOmar Haddad answered our questions in Doha on Thursday, 14 March "
            "2024.\nQ: What did you decide?\nA: On Tuesday we rejected the Israeli map.\n")
    rejection = one(extract(text, FRIDAY, actors=known).events, "Rejection")
    assert "qatar" in ids(rejection) and rejection.date.edtf == "2024-03-12"


def test_an_interviewee_speaks_for_the_country_named_in_the_introduction():
    known = [*ACTORS, KnownActor("egypt-pm", "Adel Nour", "person", organizations=("egypt",),
                                 titles=("Egyptian Prime Minister",))]
    text = ("An interview\nSami Farouk, adviser to Egypt's prime minister, answered our "
            "questions in Cairo on Thursday, 14 March 2024.\nQ: What happened?\n"
            "A: On Tuesday we agreed to study the map.\n")
    found = extract(text, FRIDAY, actors=known).events
    assert "sami-farouk" in ids(one(found, "Statement"))
    assert "egypt" in ids(one(found, "Acceptance"))


def test_how_many_hours_a_meeting_lasted_does_not_date_it():
    found = events("Tuesday. Egypt sat with Hamas for several hours.\n")
    assert one(found, "Meeting").date.edtf == "2024-03-12"


def test_recalling_a_team_is_no_statement():
    assert not events("Israel recalled its negotiating team from Doha on Saturday.")


def test_partners_preparing_a_proposal_make_an_offer_of_their_country():
    found = events("Our Egyptian partners are preparing a proposal in three stages.")
    assert "egypt" in ids(one(found, "Offer"))


def test_a_participle_after_a_comma_shares_the_main_clauses_subject():
    found = events("Hamas issued a statement on Wednesday, asking for a full withdrawal.")
    assert "hamas" in ids(one(found, "Demand"))
    # (after a reply handed over the participle is the reply's content, one event: see
    # test_s16_extras_replies.py)


def test_a_resolution_demanding_is_a_demand_of_the_body_that_passed_it():
    found = events("On Monday, the Security Council passed a resolution demanding a ceasefire.")
    demand = one(found, "Demand")
    assert any("Council" in name for name in
               [extract("On Monday, the Security Council passed a resolution demanding a "
                        "ceasefire.", FRIDAY, actors=ACTORS).actor_name(a) for a in ids(demand)])


def test_told_someone_it_was_sticking_to_its_position_is_no_order():
    found = events("On Tuesday Hamas told the mediators it was sticking to its position.")
    assert [e.type for e in found] == ["Statement"]


def test_an_event_noun_opening_a_sentence_is_read_like_any_other():
    found = events("Talks between Israel and Hamas resumed in Cairo on Tuesday.")
    meeting = one(found, "Meeting")
    assert ids(meeting) == {"israel", "hamas"} and meeting.date.edtf == "2024-03-12"
    assert meeting.cue[0] == "Talks"


def test_a_truce_between_two_sides_that_took_effect_is_a_ceasefire_of_both():
    found = events("A truce between Israel and Hamas took effect at dawn on Tuesday.")
    assert ids(one(found, "Ceasefire")) == {"israel", "hamas"}


def test_an_attack_by_someone_that_killed_is_their_killing_with_the_attack_as_means():
    for text in ("A rocket attack by Hamas killed four soldiers on Sunday.",
                 "A rocket attack claimed by Hamas's armed wing killed four soldiers on Sunday."):
        killing = one(events(text), "Killing")
        assert ids(killing) == {"hamas"} and killing.means in ("attack", "rocket attack")
        assert killing.date.edtf == "2024-03-10"


def test_two_meeting_verbs_of_one_sentence_with_different_people_are_two_meetings():
    found = events("On Tuesday Egypt held talks with Hamas in Cairo and then met Israel in Doha.")
    meetings = [ids(e) for e in found if e.type == "Meeting"]
    assert len(meetings) == 2 and "hamas" in meetings[0] and "israel" in meetings[1]


def test_arriving_in_a_place_to_discuss_is_a_meeting():
    found = events("On Tuesday an Egyptian delegation arrived in Israel to discuss a truce.")
    assert "egypt" in ids(one(found, "Meeting"))


def test_a_statement_headline_naming_countries_by_adjective_gives_the_we_of_the_text():
    text = ("Joint statement of the Egyptian and Qatari foreign ministries\n14 March 2024\n"
            "We welcome the agreement reached today and urge both parties to implement it.\n")
    found = events(text, published=date(2024, 3, 14))
    assert [(e.type, "egypt" in ids(e)) for e in found] == [("Demand", True)]


def test_a_headline_saying_two_countries_issue_a_statement_gives_the_we():
    text = ("Egypt and Qatar issue joint statement\nCairo, 14 March 2024\n"
            "We call on Israel to allow aid in.\n")
    assert "egypt" in ids(one(events(text, published=date(2024, 3, 14)), "Demand"))


def test_the_state_of_a_country_is_the_country():
    draft = extract("Talks\nThe State of Qatar welcomed the agreement on Tuesday.\n", FRIDAY,
                    actors=ACTORS)
    assert ids(one(draft.events, "Statement")) == {"qatar"}


def test_agreed_with_a_direct_object_is_an_acceptance():
    found = events("On Thursday Israel and Hamas agreed a pause of four days.")
    assert ids(one(found, "Acceptance")) >= {"israel", "hamas"}


def test_a_relative_clause_with_commas_of_its_own_leaves_the_subject_to_the_verb():
    found = events("Egypt, which brokered the truce in Cairo, Doha and Paris, met Hamas on "
                   "Tuesday.")
    assert ids(one(found, "Meeting")) == {"egypt", "hamas"}


def test_an_offer_of_a_truce_between_two_sides_is_made_to_both():
    offer = one(events("On Tuesday Egypt proposed a truce between Israel and Hamas."), "Offer")
    assert {a for a, r in offer.actors if r == "recipient"} == {"israel", "hamas"}


def test_hosting_negotiations_is_one_event_the_negotiations():
    found = events("On Tuesday Egypt hosted indirect negotiations between Israel and Hamas.")
    assert [(e.type, ids(e)) for e in found] == [
        ("NegotiationRound", {"egypt", "israel", "hamas"})]


def test_a_time_stamp_with_am_or_pm_brings_a_live_blog_back_to_its_day():
    text = ("Live: talks\nThursday 14 March 2024\n3.20pm\nQatar said on Tuesday that talks "
            "had resumed.\n4.05pm\nEgypt met Hamas in Cairo.\n")
    assert one(events(text), "Meeting").date.edtf == "2024-03-14"


def test_transcript_lines_under_the_interviewees_name_or_a_dotted_a_speak_for_them():
    known = [*ACTORS, KnownActor("sami-farouk", "Sami Farouk", "person",
                                 organizations=("egypt",))]
    text = ("An interview\nSami Farouk spoke to us in Cairo on Thursday, 14 March 2024.\n"
            "Our reporter: What did you decide?\nFarouk: On Tuesday we rejected the Israeli "
            "map.\nQ. And then?\nA. On Wednesday we met Hamas in Cairo.\n")
    found = extract(text, FRIDAY, actors=known).events
    assert "egypt" in ids(one(found, "Rejection"))
    assert ids(one(found, "Meeting")) == {"egypt", "hamas"}
