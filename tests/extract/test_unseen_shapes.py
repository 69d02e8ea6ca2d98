"""Sentence shapes of untuned text (benchmarks/devset5 showed them). Short sentences written for
the test."""

from __future__ import annotations

from datetime import date

from tests.extract.sentences import events, ids, one, speakers

# --- a time before the subject is no trailing attribution ---------------------------------------

def test_a_fronted_day_leaves_the_subject_the_speaker():
    demand = one(events("On Tuesday, Qatar urged Hamas to accept the offer."), "Demand")
    assert speakers(demand) == {"qatar"}
    assert demand.date.edtf == "2024-03-12"


def test_a_fronted_day_before_accused_keeps_the_accuser_speaking():
    statement = one(events("On Monday, Egypt accused Israel of stalling."), "Statement")
    assert speakers(statement) == {"egypt"}


def test_a_trailing_attribution_after_a_clause_still_names_the_speaker():
    # (session 16: words that oblige another side, "Hamas must ...", make the saying a demand)
    statement = one(events("Hamas must accept the offer, Qatar said on Tuesday."), "Demand")
    assert speakers(statement) == {"qatar"}


# --- one release told twice ------------------------------------------------------------------------

def test_a_release_told_twice_of_the_same_person_is_one_event():
    found = events("On Monday, Hamas handed Dana Levi to the Red Cross. The hostage Dana Levi "
                   "was freed after 500 days.")
    release = one(found, "HostageRelease")
    assert {"hamas", "dana-levi"} <= ids(release)


# --- two speakers in coordinated clauses ---------------------------------------------------------

def test_a_second_named_speaker_after_and_has_a_statement_of_its_own():
    found = events("Egypt said on Tuesday the talks would resume, and Prime Minister Omar "
                   "Haddad said Qatar would host them.")
    statements = [e for e in found if e.type == "Statement"]
    assert [speakers(e) for e in statements] == [{"egypt"}, {"omar-haddad"}]
    assert {e.date.edtf for e in statements} == {"2024-03-12"}


def test_one_speaker_saying_two_things_is_one_statement():
    found = events("Egypt said on Tuesday the talks would resume and that Qatar agreed.")
    assert len([e for e in found if e.type == "Statement"]) == 1


def test_a_relative_clause_between_subject_and_speech_verb_is_skipped():
    statement = one(events("Egypt, which mediates alongside Qatar, condemned the raid on "
                           "Tuesday."), "Statement")
    assert speakers(statement) == {"egypt"}


def test_a_speech_verb_inside_a_relative_clause_on_a_nameless_noun_names_nobody():
    found = events("The plan builds on the framework Omar Haddad set out in May, according to "
                   "the statement, which said talks would go on.")
    assert not [e for e in found if e.type == "Statement" and "omar-haddad" in speakers(e)]


# --- killings: numbers before a group, the strike they were killed in ----------------------------

def test_a_number_opening_the_sentence_is_no_part_of_the_groups_name():
    killing = one(events("Five Hamas members were killed in an Israeli strike on Monday."),
                  "Killing")
    assert "hamas" in ids(killing)
    assert not [actor for actor in ids(killing) if actor.startswith("five")]


def test_killed_in_a_days_strike_is_one_event_with_the_strike_as_its_means():
    found = events("Three Hamas members were killed in Tuesday's strike.")
    assert [e.type for e in found] == ["Killing"]
    assert found[0].means == "strike"
    assert found[0].date.edtf == "2024-03-12"


def test_what_a_meeting_is_called_to_discuss_is_its_topic_not_an_event():
    found = events("Qatar will host a summit on Monday to discuss the attack.")
    assert [e.type for e in found] == ["Summit"]


# --- a date hanging from a speech verb with a noun for its object -------------------------------

def test_a_speech_verb_with_a_noun_object_owns_the_date_after_it():
    statement = one(events("Omar Haddad welcomed the answer on Monday."), "Statement")
    assert statement.date.edtf == "2024-03-11"


def test_a_date_of_the_reported_clause_stays_with_its_verb():
    found = events("Hamas said Israel struck Rafah on Monday.")
    assert one(found, "Attack").date.edtf == "2024-03-11"
    assert one(found, "Statement").date.edtf != "2024-03-11"


# --- addressing an assembly is a statement -------------------------------------------------------

def test_addressing_a_parliament_or_the_nation_is_a_statement():
    statement = one(events("On Monday, Omar Haddad addressed the Knesset."), "Statement")
    assert "omar-haddad" in speakers(statement)
    assert statement.date.edtf == "2024-03-11"


def test_addressing_concerns_is_no_statement():
    assert not events("Egypt addressed the concerns on Monday.")


def test_a_passives_coordinated_agents_all_take_the_role():
    acceptance = one(events("The first phase was accepted by Israel and Hamas on Wednesday."),
                     "Acceptance")
    assert {"israel", "hamas"} <= ids(acceptance)


# --- a handover told by a participle -------------------------------------------------------------

def test_hostages_handed_over_by_a_group_in_a_participle_are_released_by_it():
    release = one(events("The hostages went home on Monday, handed over by Hamas to the Red "
                         "Cross."), "HostageRelease")
    assert "hamas" in ids(release)
    assert release.date.edtf == "2024-03-11"


def test_a_letter_handed_to_the_red_cross_frees_nobody():
    found = events("The letter, handed to the Red Cross on Monday, was read out.")
    assert not [e for e in found if e.type == "HostageRelease"]


# --- absent from a meeting ----------------------------------------------------------------------

def test_parties_not_at_a_summit_propose_no_meeting_of_theirs():
    assert not events("Israel and Hamas were not at the summit on Monday.")
    assert not events("Egypt did not attend the meeting in Doha on Monday.")


def test_attending_a_meeting_is_still_one():
    meeting = one(events("Egypt attended the meeting in Doha on Monday."), "Meeting")
    assert "egypt" in ids(meeting)


# --- statements: the victim of a relative clause, the text's own day, a name and its short form ---

def test_the_victim_of_a_who_clause_is_the_person_it_describes():
    killing = one(events("We mourn our leader Omar Haddad, head of the movement's bureau, who "
                         "was killed on Tuesday."), "Killing")
    assert "omar-haddad" in ids(killing)
    assert killing.date.edtf == "2024-03-12"


def test_a_killing_a_speaker_confirms_is_the_one_told_before():
    found = events("Omar Haddad was killed on Tuesday. The military confirmed the killing "
                   "hours later.")
    assert len([e for e in found if e.type == "Killing"]) == 1


def test_a_first_person_act_in_the_present_is_dated_by_the_text_not_its_story():
    text = ("Statement by Hamas\nDoha, 14 March 2024\nOmar Haddad was killed on "
            "Tuesday.\nWe affirm that the talks will go on.\nWe call on Egypt to act.")
    found = events(text)
    assert one(found, "Statement").date.edtf == "2024-03-14"
    assert one(found, "Demand").date.edtf == "2024-03-14"


def test_a_long_name_with_a_known_short_one_in_brackets_is_that_actor():
    text = ("Statement by the Islamic Resistance Movement (Hamas)\n14 March 2024\n"
            "We call on Egypt to act.")
    demand = one(events(text), "Demand")
    assert "hamas" in speakers(demand)


# --- posts before a name -------------------------------------------------------------------------

def test_the_head_of_a_body_then_a_name_in_commas_is_the_subject():
    meeting = one(events("The head of Mossad, Omar Haddad, met Egypt on Sunday."), "Meeting")
    assert "omar-haddad" in ids(meeting)


def test_a_post_before_a_name_rules_out_a_known_holder_of_another_post():
    from kb.extract import KnownActor
    pm = KnownActor("al-thani", "Al-Thani", "person", (), ("qatar",), ("Qatari Prime Minister",))
    found = events("The emir of Qatar, Sheikh Tamim bin Hamad Al Thani, spoke with Omar Haddad "
                   "on Sunday.", actors=[pm])
    meeting = one(found, "Meeting")
    assert "al-thani" not in ids(meeting)
    assert any(actor.startswith("tamim") for actor in ids(meeting))


def test_two_calls_of_one_day_with_different_people_stay_two_meetings():
    found = events("Omar Haddad spoke by phone with Egypt on Sunday. Qatar spoke with Omar "
                   "Haddad later the same day.")
    assert len([e for e in found if e.type == "Meeting"]) == 2


# --- a round-up's day headings, a deadline days ahead --------------------------------------------

def test_day_headings_of_a_round_up_follow_each_other():
    text = ("The week\nPublished Monday 11 March 2024\nMonday\nEgypt met Qatar in Cairo.\n"
            "Tuesday\nHamas rejected the offer.\nSunday\nIsrael met Egypt in Cairo.")
    found = events(text, published=date(2024, 3, 11))
    by_type = {e.type: e.date.edtf for e in found}
    assert by_type["Rejection"] == "2024-03-05"
    assert [e.date.edtf for e in found if e.type == "Meeting"] == ["2024-03-04", "2024-03-10"]


def test_a_day_without_year_a_few_days_ahead_is_not_last_year():
    threat = one(events("Omar Haddad warned on Monday that there would be a price if the "
                        "hostages were not home by 20 March."), "Threat")
    assert threat.date.edtf == "2024-03-11"
    from kb.extract.timex import find_time_expressions
    found = find_time_expressions("They must be home by 20 March.", date(2024, 3, 14))
    assert found[0].edtf == "2024-03-20"


def test_a_date_in_reported_words_is_no_date_of_a_noun_before_them():
    found = events("Omar Haddad warned at a news conference on Monday that talks would end by "
                   "20 March.")
    assert one(found, "Threat").date.edtf == "2024-03-11"


def test_president_elect_is_a_title_not_part_of_the_name():
    found = events("President-elect Omar Haddad warned on Tuesday that Hamas would pay. Haddad "
                   "met Egypt on Wednesday.")
    assert speakers(one(found, "Threat")) == {"omar-haddad"}
    assert "omar-haddad" in ids(one(found, "Meeting"))


def test_the_group_is_the_group_its_sentence_named_before_not_an_office():
    text = ("Talks in Florida\nA Hamas official said the group had approved a list on Monday.\n"
            "Netanyahu's office said Hamas had reneged, and that the cabinet would wait until the "
            "group had accepted all of it.")
    found = events(text)
    acceptances = [e for e in found if e.type == "Acceptance"]
    assert acceptances and all("hamas" in ids(e) for e in acceptances)
    assert not [e for e in found if "florida" in ids(e)]


# --- negation ---------------------------------------------------------------------------------

def test_a_negated_verb_proposes_no_event():
    assert not [e for e in events("Israel has not rejected the offer.") if e.type == "Rejection"]
    assert not events("Egypt did not meet Hamas on Monday.")


def test_a_verb_after_a_negated_one_still_counts():
    meeting = one(events("Egypt met Hamas on Monday but did not sign anything."), "Meeting")
    assert {"egypt", "hamas"} <= ids(meeting)


def test_a_passive_speech_verb_without_its_agent_names_no_speaker():
    assert not [e for e in events("We were told they showed no flexibility.")
                if e.type == "Statement"]
    statement = one(events("Hamas was told by Egypt on Monday that talks would resume."),
                    "Statement")
    assert speakers(statement) == {"egypt"}


# --- calls and visits ----------------------------------------------------------------------------

def test_calling_or_seeing_a_named_person_is_a_meeting():
    call = one(events("Omar Haddad called Netanyahu on Sunday to congratulate him."), "Meeting")
    assert {"omar-haddad", "netanyahu"} <= ids(call)
    visit = one(events("Omar Haddad saw Netanyahu in Jerusalem on Saturday."), "Meeting")
    assert visit.date.edtf == "2024-03-09"


def test_calling_someone_names_or_calling_on_them_is_no_meeting():
    assert not [e for e in events("Omar Haddad called Netanyahu a liar on Sunday.")
                if e.type == "Meeting"]
    assert not [e for e in events("Egypt called on Israel to stop on Sunday.")
                if e.type == "Meeting"]
    assert not [e for e in events("Hamas saw Israel as the aggressor.") if e.type == "Meeting"]


def test_the_texts_own_pledge_in_the_first_person_is_a_vow():
    text = "Statement by Egypt\nCairo, 14 March 2024\nWe will not give up on the talks."
    vow = one(events(text), "Vow")
    assert "egypt" in speakers(vow)
    assert vow.date.edtf == "2024-03-14"


# --- the day the story is at ---------------------------------------------------------------------

def test_a_day_before_a_clause_does_not_move_the_story_to_that_day():
    found = events("The talks opened in Doha on March 4, a day before Omar Haddad flew to Cairo "
                   "to meet Sisi. Three days later, Hamas said it agreed.")
    assert one(found, "Statement").date.edtf == "2024-03-07"


def test_recalling_negotiating_teams_is_no_statement():
    found = events("Israel and Egypt have recalled their negotiating teams from Qatar, Omar "
                   "Haddad said on Thursday.")
    assert [speakers(e) for e in found if e.type == "Statement"] == [{"omar-haddad"}]
