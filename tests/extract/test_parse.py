"""What spaCy's dependency parse reads in a found sentence where the hand-written rules read
nothing or the wrong thing: one test per kind of reading, each on short sentences written for the
test (the real English model, loaded once per process)."""

from __future__ import annotations

from kb.extract import extract, parse
from tests.extract.sentences import ACTORS, DAY, events, one


def roles(event) -> set[tuple[str, str]]:
    return set(event.actors)


def sentence(text: str) -> parse.ParsedSentence:
    [parsed] = parse.parse_sentences([text], [0])
    return parsed


def word(parsed: parse.ParsedSentence, text: str):
    return next(token for token in parsed.doc if token.text == text)


def words(tokens) -> list[str]:
    return [token.text for token in tokens]


# --- the model -------------------------------------------------------------------------------------

def test_the_model_is_loaded_once_per_process():
    assert parse.model() is parse.model()
    assert {"parser", "tagger", "lemmatizer"} <= set(parse.model().pipe_names)


# --- agent: the subject, wherever the rules lose it ---------------------------------------------------

def test_a_subject_kept_apart_from_its_verb_by_a_long_aside_is_the_offerer():
    offer = one(events("Qatar, after a week of calls that went nowhere, on Tuesday quietly "
                       "proposes a pause to Hamas."), "Offer")
    assert {("qatar", "offerer"), ("hamas", "recipient")} <= roles(offer)
    assert "offerer qatar" in offer.parsed
    assert "(parse: offerer qatar)" in offer.why[0]


def test_a_subject_before_a_relative_clause_with_commas_of_its_own_is_the_responder():
    rejection = one(events("Hamas, whose leaders had spent a week in Doha for talks that went "
                           "nowhere, rejected it."), "Rejection")
    assert ("hamas", "responder") in roles(rejection)


def test_coordinated_and_controlled_verbs_share_their_subject():
    parsed = sentence("Jordan flew envoys to Cairo to meet the mediators and then rejected the "
                      "plan.")
    assert words(parse.subjects(word(parsed, "meet"))) == ["Jordan"]
    assert words(parse.subjects(word(parsed, "rejected"))) == ["Jordan"]


def test_the_agent_of_a_passive_is_read_with_its_coordinated_names():
    parsed = sentence("The truce was brokered by Oman and Norway.")
    brokered = word(parsed, "brokered")
    assert parse.is_passive(brokered)
    assert words(parse.agents(brokered)) == ["Oman", "Norway"]
    assert parse.subjects(brokered) == []


def test_the_object_of_a_meeting_verb_found_through_its_possessor_takes_part():
    found = events("Hamas met Egypt on Monday. The envoys did not travel, but Egypt briefed the "
                   "group's negotiators on Tuesday.")
    briefing = [event for event in found if event.cue[0] == "briefed"]
    assert len(briefing) == 1 and briefing[0].type == "Meeting"
    assert {("egypt", "participant"), ("hamas", "participant")} <= roles(briefing[0])
    assert "verb 'brief'" in briefing[0].parsed


def test_a_relative_clause_of_making_names_who_made_the_offer():
    offer = one(events("Hamas said it would study the offer that Egypt, after long delays and "
                       "several drafts, presented on Monday."), "Offer")
    assert ("egypt", "offerer") in roles(offer)
    assert "offerer egypt" in offer.parsed


def test_an_event_noun_far_after_its_verb_of_making_is_an_event_of_the_subject():
    offer = one(events("Egypt on Monday presented to both sides, after long delays, a new and much "
                       "shorter proposal."), "Offer")
    assert ("egypt", "offerer") in roles(offer) and offer.date.edtf == "2024-03-11"
    assert "made" in offer.parsed


def test_an_offer_someone_else_rejected_is_not_theirs():
    found = events("Hamas on Monday rejected the offer that had been drafted over many weeks.")
    assert "offer" not in [event.cue[0] for event in found]


def test_the_sides_of_a_meeting_noun_are_read_past_the_first():
    meeting = one(events("The meeting in the capital with Qatari envoys and a Hamas delegation was "
                         "held on Sunday."), "Meeting")
    assert {("qatar", "participant"), ("hamas", "participant")} <= roles(meeting)
    assert "participant hamas-delegation" in meeting.parsed


def test_an_event_noun_whose_verb_of_happening_is_far_from_it_is_an_event():
    parsed = sentence("The talks in Cairo between the two delegations and the envoys of three "
                      "neighbouring countries finally collapsed.")
    talks = word(parsed, "talks")
    assert talks.dep_ == "nsubj" and talks.head.lemma_ in parse.HAPPENING_VERBS
    found = events("Hamas walked out on Sunday. Talks between the two delegations and the "
                   "envoys of three neighbouring countries finally collapsed, without a word.")
    assert [event.parsed for event in found if event.type == "Meeting"] == [["happened"]]


# --- recipient ---------------------------------------------------------------------------------------

def test_the_indirect_object_and_to_x_are_the_recipient():
    parsed = sentence("Oman offered Hamas a short pause.")
    assert words(parse.recipients(word(parsed, "offered"))) == ["Hamas"]
    parsed = sentence("Oman sent a written proposal to Hamas and Fatah.")
    assert words(parse.recipients(word(parsed, "sent"))) == ["Hamas", "Fatah"]


# --- mediators ---------------------------------------------------------------------------------------

def test_through_x_names_a_mediator_not_a_recipient():
    acceptance = one(events("Israel accepted the offer on Monday through Qatar."), "Acceptance")
    assert roles(acceptance) == {("israel", "responder"), ("qatar", "mediator")}
    assert "mediator qatar" in acceptance.parsed
    offer = one(events("Israel offered Hamas a ten-day pause on Monday through Egyptian "
                       "envoys."), "Offer")
    assert ("egypt", "mediator") in roles(offer)
    assert ("egypt", "recipient") not in roles(offer)


def test_mediated_by_after_the_object_names_the_mediators():
    parsed = sentence("Hamas accepted a pause mediated by Oman and Norway.")
    assert words(parse.mediators(word(parsed, "accepted"))) == ["Oman", "Norway"]


# --- victims -----------------------------------------------------------------------------------------

def test_the_names_of_a_passive_killing_are_its_victims():
    killing = one(events("On Tuesday, Omar Haddad and Sami Nasser, two Hamas commanders, were "
                         "reportedly killed."), "Killing")
    assert {("omar-haddad", "victim"), ("sami-nasser", "victim")} <= roles(killing)
    assert "victim omar-haddad, sami-nasser" in killing.parsed


def test_the_object_of_kill_and_the_subject_of_were_killed_are_who_died():
    parsed = sentence("The strike killed Omar Haddad and his driver.")
    assert words(parse.patients(word(parsed, "killed"))) == ["Haddad", "driver"]
    parsed = sentence("Two medics were killed near the crossing.")
    assert words(parse.patients(word(parsed, "killed"))) == ["medics"]


def test_a_number_before_the_victims_is_no_actor():
    killing = next(event for event in extract(
        "Five fighters were killed in the town on Monday.", DAY, actors=ACTORS).events
        if event.type == "Killing")
    assert killing.actors == []


# --- which verb a date belongs to -----------------------------------------------------------------

def test_a_date_belongs_to_the_event_it_hangs_from_not_the_nearest_cue():
    found = events("The plan was discussed at a meeting with Qatari envoys in Doha last week, but "
                   "Hamas swiftly rejected it.")
    meeting, rejection = one(found, "Meeting"), one(found, "Rejection")
    assert (meeting.date.source, meeting.date.text) == ("own", "last week")
    assert "date" in meeting.parsed
    assert rejection.date.source != "own"


def test_two_events_of_one_sentence_each_keep_their_own_day():
    found = events("Qatar met the envoys on Monday while Hamas rejected the plan on Wednesday.")
    assert one(found, "Meeting").date.edtf == "2024-03-11"
    assert one(found, "Rejection").date.edtf == "2024-03-13"


def test_the_date_of_a_verb_that_is_no_cue_goes_to_the_event_noun_it_governs():
    found = events("Hamas held a meeting with the Qatari envoys last week and Israel rejected "
                   "the plan.")
    meeting = one(found, "Meeting")
    assert (meeting.date.source, meeting.date.text, "date" in meeting.parsed) == (
        "own", "last week", True)
    assert one(found, "Rejection").date.source != "own"


# --- cue verbs in forms the patterns do not list ----------------------------------------------------

def test_a_present_tense_cue_verb_is_found_by_its_lemma():
    attack = one(events("Israel on Tuesday shells the crossing."), "Attack")
    assert ("israel", "perpetrator") in roles(attack)
    assert "verb 'shell'" in attack.parsed


def test_a_noun_tagged_as_a_verb_after_an_infinitive_is_no_event():
    parsed = sentence("The envoys worked to reach a truce and release deal.")
    assert "release" not in [token.text for token, _, _ in parse.finite_verbs(parsed)]


# --- reported speech ----------------------------------------------------------------------------------

def test_an_unnamed_official_is_no_speaker_but_a_definite_body_is():
    parsed = sentence("A senior official said the talks would resume.")
    assert not parse.definite(word(parsed, "official"))
    parsed = sentence("The ministry said the talks would resume.")
    assert parse.definite(word(parsed, "ministry"))


# --- bad input -----------------------------------------------------------------------------------------

def test_a_sentence_too_long_to_parse_is_read_by_the_rules_alone():
    aside = "and then the envoys talked about the crossings " * 110
    text = f"Qatar offered Hamas a pause on Monday {aside}without any end in sight"
    assert len(text) > parse.LONGEST_PARSED
    assert parse.parse_sentences([text, "Hamas met Qatar."], [0, len(text)])[0] is None
    offer = one(events(text), "Offer")
    assert {("qatar", "offerer"), ("hamas", "recipient")} <= roles(offer)
    assert offer.parsed == []
