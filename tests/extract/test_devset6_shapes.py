"""Shapes of news English that benchmarks/devset6 (written before the extractor ran on it) showed
the extractor misread. Short sentences written for the test."""

from __future__ import annotations

from datetime import date

from tests.extract.sentences import events, ids, one, speakers

# --- the article's day: a line ending in a full date; a weekday alone is a heading -------------

def test_a_top_line_ending_in_a_full_date_dates_a_round_up_under_weekday_headings():
    text = ("A week of talks\nOur Saturday review of the talks on the hostages, 16 March 2024\nMonday\n"
            "Egypt met Qatar in Cairo.\nThursday\nHamas rejected the offer.\nSaturday\n"
            "Israel freed 30 prisoners.")
    found = events(text, published=date(2024, 3, 16))
    assert one(found, "Meeting").date.edtf == "2024-03-11"
    assert one(found, "Rejection").date.edtf == "2024-03-14"
    assert one(found, "HostageRelease").date.edtf == "2024-03-16"
    from kb.extract.reference import dateline
    from kb.extract.sentences import split_sentences
    line = dateline(text, split_sentences(text), date(2024, 3, 16))
    assert line is not None and line.edtf == "2024-03-16" and line.text == "16 March 2024"


# --- a deadline or a plan is no time the story is at --------------------------------------------

def test_a_deadline_does_not_date_the_sentences_after_it():
    text = ("Talks\nCAIRO, March 14 (Wire) - Egypt warned on Monday that Hamas must answer by "
            "Saturday.\nLater that evening, Qatar met Israel in Doha.")
    found = events(text)
    assert one(found, "Meeting").date.edtf == "2024-03-11"


def test_a_past_perfect_with_words_before_its_date_does_not_move_the_story():
    text = ("Release\nDOHA, March 16 (Wire) - Hamas freed two hostages on Saturday morning.\n"
            "Both had been taken from their homes in Be'eri on 7 October 2023.\n"
            "In the afternoon, Israel freed 30 prisoners.")
    found = events(text, published=date(2024, 3, 16))
    assert {e.date.edtf for e in found if e.type == "HostageRelease"} == {"2024-03-16"}


# --- what a speaker reports is dated by the saying ---------------------------------------------

def test_an_act_a_speaker_reports_without_a_date_of_its_own_takes_the_saying_s_day():
    found = events("Hamas told the mediators on Monday that it had accepted their proposal.")
    assert one(found, "Acceptance").date.edtf == "2024-03-11"
    found = events("Egypt said on Monday that Qatar agreed to host the talks.")
    assert one(found, "Acceptance").date.edtf == "2024-03-11"


def test_a_future_or_a_noun_in_reported_words_does_not_take_the_saying_s_day():
    found = events("Egypt said on Monday that it would open the crossing once the truce begins.")
    assert all(e.date.edtf != "2024-03-11" for e in found if e.type == "Ceasefire")


# --- a body named by its common noun ------------------------------------------------------------

def test_the_security_cabinet_is_an_actor_of_its_own():
    found = events("After the security cabinet had met for four hours on Tuesday, Egypt warned "
                   "Hamas.")
    assert "security-cabinet" in ids(one(found, "Meeting"))


def test_a_country_s_cabinet_stays_the_country_s():
    statement = one(events("Israel's war cabinet said on Monday the offer fell short."),
                    "Statement")
    assert "israel" in ids(statement)


# --- a release of counted people -----------------------------------------------------------------

def test_freeing_counted_people_or_people_from_prison_is_a_release():
    release = one(events("Israel freed 39 Palestinian women and teenagers late on Sunday."),
                  "HostageRelease")
    assert release.date.edtf == "2024-03-10" and "israel" in ids(release)
    assert one(events("Egypt said Israel had freed the women from its jails on Sunday."),
               "HostageRelease")
    assert not [e for e in events("Hamas released two videos on Sunday.")
                if e.type == "HostageRelease"]


# --- closed-class words opening a sentence are no names ------------------------------------------

def test_a_sentence_opening_with_whether_names_nobody_whether():
    found = events("Whether Egypt agrees may be settled when Qatar meets Hamas next week.")
    assert all("whether" not in ids(e) for e in found)


# --- a speaker telling its own answer is one event, the answer ----------------------------------

def test_a_speaker_telling_its_own_acceptance_is_the_acceptance_alone():
    found = events("Hamas told the mediators on Monday that it had accepted their proposal.")
    assert [e.type for e in found] == ["Acceptance"]
    assert one(found, "Acceptance").date.edtf == "2024-03-11"


def test_a_speaker_telling_another_s_acceptance_stays_a_statement():
    found = events("Egypt said on Monday that Hamas had accepted the proposal.")
    assert {e.type for e in found} >= {"Statement", "Acceptance"}


# --- a past verb's own weekday is past ------------------------------------------------------------

def test_a_weekday_of_a_past_verb_in_a_relative_clause_is_past():
    text = ("Talks\nDOHA, Nov 27 (Wire) - Qatar met Egypt on Monday.\nPrime Minister Omar Haddad, "
            "who visited soldiers inside the Gaza Strip on Sunday, said there that Israel would "
            "resume the war with full force once the truce ended.")
    found = events(text, published=date(2023, 11, 27))
    assert "2023-11-26" in {e.date.edtf for e in found if e.type == "Meeting"}
    assert all(e.date.earliest <= date(2023, 11, 27) for e in found)


# --- a handover of a list of people; a clause after "a day after" a main clause -----------------

def test_handing_a_list_of_people_to_the_red_cross_is_a_release():
    release = one(events("Hamas handed 13 Israelis, three Thai nationals and a Russian-Israeli "
                         "man to the Red Cross on Sunday."), "HostageRelease")
    assert "hamas" in ids(release) and release.date.edtf == "2024-03-10"


def test_a_clause_a_day_before_an_undated_main_clause_is_a_day_before_the_story_s_day():
    text = ("Truce\nDOHA, Nov 27 (Wire) - Qatar said on Monday the truce would be extended.\n"
            "The announcement came a day after Hamas handed ten hostages to the Red Cross.")
    release = one(events(text, published=date(2023, 11, 27)), "HostageRelease")
    assert release.date.earliest == date(2023, 11, 26)


# --- "King X of Jordan": the person, and the country ----------------------------------------------

def test_a_titled_person_of_a_country_is_the_person_not_a_name_with_the_country():
    meeting = one(events("King Abdullah II of Jordan met Egypt in Cairo on Tuesday."), "Meeting")
    assert "abdullah-ii" in ids(meeting)
    assert not any("of-jordan" in actor for actor in ids(meeting))
    statement = one(events("The State of Qatar said on Tuesday the talks would resume."),
                    "Statement")
    assert "qatar" in ids(statement)


# --- "..., telling X to V" is an order; "posted that" is speech -----------------------------------

def test_a_participle_telling_someone_to_act_is_an_order_of_the_main_subject():
    # (session 16: an order to one's own army is a statement of whoever gives it, as the gold
    # convention 4 and devset6's gold, aligned in session 15, read it)
    order = one(events("Omar Haddad responded on Monday, telling the army to prepare for "
                       "any scenario."), "Statement")
    assert order.date.edtf == "2024-03-11" and "omar-haddad" in ids(order)


def test_posting_that_is_a_statement():
    statement = one(events("Omar Haddad posted on Sunday that the truce would begin at noon."),
                    "Statement")
    assert statement.date.edtf == "2024-03-10"
    assert not [e for e in events("Omar Haddad posted troops on the border on Sunday.")
                if e.type == "Statement"]


# --- "the ceasefire is in force": the truce the article named between two parties ---------------

def test_the_ceasefire_in_force_is_the_truce_named_before_between_two_parties():
    found = events("The ceasefire between Israel and Hamas will not start on time, Egypt said on "
                   "Sunday.\nThe ceasefire is in force.")
    truce = one(found, "Ceasefire")
    assert {"israel", "hamas"} <= ids(truce)
    assert not [e for e in events("The ceasefire is in force.") if e.type == "Ceasefire"]


# --- a headline of two sentences -------------------------------------------------------------------

def test_every_sentence_of_a_headline_line_is_headline():
    text = ("Analysis: Egypt said no to the plan. Why Qatar waits\nDOHA, March 14 (Wire) - "
            "Qatar met Hamas on Tuesday.")
    found = events(text, min_confidence=0.2)
    assert [e.type for e in found] == ["Meeting"]


# --- a sentence labelled as context ----------------------------------------------------------------

def test_a_sentence_labelled_background_proposes_nothing_of_a_count_since_a_date():
    # (session 19, round 9: one labelled as context that dates an act of the last week is
    # proposed, as the sets written blind since annotate it: tests/extract/test_s19_r9_cues.py)
    text = ("Live: talks\nThursday 14 March 2024\nSome background: since the truce took effect "
            "on 1 March, Hamas has freed twenty hostages.\nEgypt met Hamas in Cairo this morning.")
    found = events(text, min_confidence=0.2)
    assert [e.type for e in found] == ["Meeting"]


# --- a demand coordinated with a speech verb is an act of its own, of the same subject -----------

def test_a_demand_coordinated_with_a_speech_verb_is_its_own_event_of_the_same_speaker():
    found = events("Egypt accused Israel on Monday of stalling and called on Qatar to act.")
    assert "egypt" in ids(one(found, "Statement"))
    demand = one(found, "Demand")
    assert "egypt" in ids(demand) and "israel" not in ids(demand)


def test_two_coordinated_speech_verbs_of_one_speaker_stay_one_statement():
    found = events("Omar Haddad accused Israel on Friday of setting new conditions and said the "
                   "group would not accept it.")
    assert len([e for e in found if e.type == "Statement"]) == 1


# --- "went to X to see <Name>" is a meeting meant, as "to meet" --------------------------------

def test_travelling_to_see_someone_named_is_a_meeting():
    meeting = one(events("Omar Haddad went to Israel on Saturday to see Prime Minister "
                         "Netanyahu."), "Meeting")
    assert meeting.date.edtf == "2024-03-09" and "omar-haddad" in ids(meeting)
    assert not [e for e in events("We see Hamas as a partner.") if e.type == "Meeting"]


# --- seasons -------------------------------------------------------------------------------------

def test_seasons_are_time_expressions():
    from kb.extract.timex import find_time_expressions
    day = date(2025, 8, 21)
    found = {e.text: e.edtf for e in find_time_expressions(
        "Israel had endorsed it in the spring; they met last summer and again in the autumn of "
        "2024. Prices fall.", day)}
    assert found == {"in the spring": "2025-03-01/2025-05-31",
                     "last summer": "2024-06-01/2024-08-31",
                     "in the autumn of 2024": "2024-09-01/2024-11-30"}


# --- a speech verb in the simple present is said on the text's day -----------------------------

def test_a_speech_verb_in_the_present_is_dated_by_the_text_s_day_not_the_last_date():
    text = "Talks\nDOHA, March 14 (Wire) - Egypt met Hamas on Monday.\nQatar says the talks will resume."
    statement = one(events(text), "Statement")
    assert statement.date.edtf == "2024-03-14"


# --- verbs of saying with a clause they report ----------------------------------------------------

def test_a_verb_of_saying_with_a_that_clause_is_a_statement():
    statement = one(events("Omar Haddad responded on Monday that Israel would fight alone."),
                    "Statement")
    assert statement.date.edtf == "2024-03-11" and "omar-haddad" in ids(statement)
    assert not [e for e in events("Omar Haddad responded to the letter on Monday.")
                if e.type == "Statement"]


# --- "said ..., adding that ...": one statement ---------------------------------------------------

def test_adding_after_a_speech_verb_of_the_same_speaker_is_the_same_statement():
    found = events("Egypt said on Monday the talks would resume, adding that Qatar agreed.")
    statements = [e for e in found if e.type == "Statement"]
    assert len(statements) == 1 and statements[0].date.edtf == "2024-03-11"


# --- "held ... talks with X": the noun, whose makers are the subject -------------------------------

def test_held_talks_with_adjectives_between_makes_the_subject_a_participant():
    meeting = one(events("Omar Haddad held unprecedented direct talks with Hamas in Doha on "
                         "Sunday."), "Meeting")
    assert {"omar-haddad", "hamas"} <= ids(meeting)


# --- a known body named in lower case without its country ------------------------------------------

def test_a_known_body_named_in_lower_case_without_its_country_is_that_body():
    from kb.extract.known import KnownActor
    from tests.extract.sentences import ACTORS
    actors = [*ACTORS, KnownActor("pmo", "Israeli Prime Minister’s Office")]
    text = ("Talks\nDOHA, March 14 (Wire) - A delegation will travel to Doha on Friday, the prime "
            "minister's office said on Wednesday.")
    statement = one(events(text, actors=actors), "Statement")
    assert "pmo" in ids(statement) and statement.date.edtf == "2024-03-13"


def test_a_known_body_named_in_capitals_without_its_country_is_that_body_not_a_new_one():
    from kb.extract import extract
    from kb.extract.known import KnownActor
    from tests.extract.sentences import ACTORS
    actors = [*ACTORS, KnownActor("pmo", "Israeli Prime Minister’s Office", aliases=("PMO",))]
    text = ("Talks\nJERUSALEM, March 14 (Wire) - The Prime Minister's Office said on Wednesday "
            "that a delegation would travel to Doha. The PMO gave no date.")
    draft = extract(text, date(2024, 3, 14), actors=actors)
    statement = one(draft.events, "Statement")
    assert "pmo" in ids(statement)
    assert [a.id for a in draft.actors.values() if "Office" in a.name] == ["pmo"]  # no new one


# --- a subheading (a line without final punctuation) is no story sentence -------------------------

def test_a_key_events_line_without_final_punctuation_proposes_nothing():
    text = ("Live: talks\nThursday 14 March 2024\nKey events\nHamas delegation meets Egyptian "
            "mediators in Cairo\n09:12\nQatar met Israel in Doha this morning.")
    found = events(text, min_confidence=0.2)
    assert [e.type for e in found] == ["Meeting"]
    assert "qatar" in ids(found[0])


# --- a capital as the subject of an act stands for its government ---------------------------------

def test_a_capital_as_the_subject_of_an_act_is_its_country():
    rejection = one(events("Washington rejected the plan on Monday."), "Rejection")
    assert "united-states" in ids(rejection)
    offer = one(events("A senior official said on Wednesday that Cairo had proposed new "
                       "wording."), "Offer")
    assert "egypt" in ids(offer) and offer.date.edtf == "2024-03-13"
    meeting = one(events("Hamas met Qatar in Cairo on Monday."), "Meeting")
    assert "egypt" not in ids(meeting)


# --- "X, speaking in Doha on Wednesday, said": the speech's time ------------------------------------

def test_the_time_of_an_apposed_speaking_participle_dates_the_speech():
    statement = one(events("Antony Blinken, speaking in Doha on Wednesday, said some changes "
                           "were workable."), "Statement")
    assert statement.date.edtf == "2024-03-13"


# --- an answer delivered is an act of who gave it -------------------------------------------------
# (an offer when it gives its own terms, else a statement: the gold convention 2 of session 15,
# tests/extract/test_s15_conventions.py)

def test_an_answer_handed_to_the_mediators_is_an_act_of_who_gave_it():
    offer = one(events("Hamas gave the mediators its answer on Monday, with changes to the "
                       "timetable."), "Offer")
    assert "hamas" in ids(offer) and offer.date.edtf == "2024-03-11"
    assert not [e for e in events("In response to the strike, Israel met Egypt on Monday.")
                if e.type == "Offer"]


# --- "..., a source told AFP": AFP is told, it does not speak ------------------------------------

def test_the_one_told_after_a_trailing_told_is_no_speaker():
    assert not [e for e in events("Israel did not send negotiators, an Egyptian source told "
                                  "AFP on Sunday.") if e.type == "Statement"]
    statement = one(events("Hamas accepted the plan, Egypt told AFP on Sunday."), "Statement")
    assert "egypt" in speakers(statement)


# --- a passive whose own subject names no actor takes no victim from elsewhere ----------------------

def test_a_passive_with_an_unnamed_subject_takes_no_victim_from_the_main_clause():
    found = events("The United States air-dropped food into Gaza on Saturday, two days after "
                   "more than 100 people were killed near an aid convoy.")
    assert all("united-states" not in ids(e) for e in found if e.type == "Killing")
    killing = one(events("Three Israeli soldiers were killed in Gaza on Monday."), "Killing")
    assert "israel" in ids(killing)


# --- "a meeting ... at which X and Y ...": who met --------------------------------------------------

def test_who_acted_at_a_meeting_took_part_in_it():
    found = events("Egypt recalled a meeting in Paris in late February at which Qatar and Israel "
                   "drew up a framework.")
    meetings = [e for e in found if e.type == "Meeting"]
    assert meetings and {"qatar", "israel"} <= ids(meetings[0])


# --- a list of three or more as the subject ------------------------------------------------------

def test_a_list_of_three_subjects_past_its_commas_and_a_the():
    meeting = one(events("Egypt, Qatar and Israel met on Monday."), "Meeting")
    assert {"egypt", "qatar", "israel"} <= ids(meeting)
    statement = one(events("Egypt, Qatar and the United States said on Monday that talks would "
                           "resume."), "Statement")
    assert {"egypt", "qatar", "united-states"} <= ids(statement)


# --- the saying's date stays the saying's when the words reported have their own -------------------

def test_a_reported_act_with_its_own_date_does_not_take_the_saying_s():
    killing = one(events("Israel said on Wednesday it had killed Omar Haddad in a strike in "
                         "July."), "Killing")
    assert killing.date.edtf == "2023-07"
    acceptance = one(events("Hamas said on Monday it had accepted the offer."), "Acceptance")
    assert acceptance.date.edtf == "2024-03-11"


# --- "X was killed ..., the group said": an attribution, no statement ------------------------------

def test_an_attribution_after_a_reported_killing_is_no_statement():
    found = events("Omar Haddad was killed in a drone strike in Beirut on Tuesday, Hamas said.")
    assert [e.type for e in found] == ["Killing"]
    found = events("Hamas is suspending the talks, a Hamas leader, Omar Haddad, said on Tuesday.")
    assert "Statement" in {e.type for e in found}


# --- "Delegations from X and Y": X and Y act ------------------------------------------------------

def test_a_group_named_by_where_its_members_come_from_is_those_countries():
    meeting = one(events("Delegations from Israel and Hamas met in Cairo on Monday."), "Meeting")
    assert {"israel", "hamas"} <= ids(meeting)


# --- calls to a described person, strikes as a killing's means, "urging" ---------------------------

def test_calling_a_counterpart_named_after_the_description_is_a_call():
    meeting = one(events("Omar Haddad called his Egyptian counterpart Badr Abdelatty on Monday "
                         "to discuss the negotiations."), "Meeting")
    assert {"omar-haddad", "badr-abdelatty"} <= ids(meeting)


def test_bare_plural_strikes_that_killed_are_the_killing_s_means():
    found = events("Meanwhile, Israeli air strikes killed at least 25 people across Gaza on "
                   "Monday.")
    assert [e.type for e in found] == ["Killing"]


def test_urging_after_a_comma_is_a_demand_of_the_main_subject():
    demand = one(events("Families of hostages held a rally in Tel Aviv on Tuesday, urging the "
                        "government to return to the table."), "Demand")
    assert demand.date.edtf == "2024-03-12"


def test_the_agent_of_a_passive_clause_of_making_on_an_offer_made_it():
    offer = one(events("The proposal, which was drafted by Egypt on Monday, was rejected."),
                "Offer")
    assert "egypt" in ids(offer)


# --- a relative clause with commas of its own between the speaker and the speech verb --------------

def test_a_relative_clause_with_a_list_between_speaker_and_verb_leaves_the_speaker():
    statement = one(events("Hamas, which met Egypt, Qatar and Israel, said on Monday it would "
                           "reply."), "Statement")
    assert speakers(statement) == {"hamas"}
    statement = one(events("Egypt, which mediates with Qatar, condemned the strike on Monday."),
                    "Statement")
    assert speakers(statement) == {"egypt"}


# --- "In El Alamein he met": an unknown name after "in" is no "he" -------------------------------

def test_he_is_not_an_unknown_name_after_in():
    meeting = one(events("Omar Haddad flew to Egypt on Tuesday. In El Alamein he met Abdel "
                         "Fattah al-Sisi on Tuesday."), "Meeting")
    assert "el-alamein" not in ids(meeting)
