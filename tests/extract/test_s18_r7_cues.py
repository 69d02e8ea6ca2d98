"""Sentences that assert an event with words the cue lexicon did not know (session 18, round 7),
on short texts written for the test: a judgement said by naming something with quoted words when
the thing named is someone's ("called Netanyahu's words "bravado"") or when the naming is a
participle after another verb ("weighed in, calling the report a "lie"") (a statement), a
spokesman's weekly briefing held (a press conference), a visitor received with the day and the
place told first ("received on Monday in Cairo H.E. Sheikh X") (a meeting), a draft or a plan
presented (an offer). Beside each, the near miss that must stay without that event."""

from __future__ import annotations

from tests.extract.sentences import events, ids, one, speakers


def _of(text: str, kind: str) -> list:
    return [event for event in events(text) if event.type == kind]


# --- "called X's words "..."": a judgement said of someone's words --------------------------------

def test_calling_a_leaders_words_a_quoted_name_is_a_statement():
    statement = one(events('On Tuesday Hamas called Netanyahu\'s words "political bravado".'),
                    "Statement")
    assert speakers(statement) == {"hamas"}
    assert statement.date.edtf == "2024-03-12"


def test_describing_a_countrys_offer_as_quoted_words_is_a_statement():
    statement = one(events('Hamas described Israel\'s offer as "a trap" on Tuesday.'),
                    "Statement")
    assert speakers(statement) == {"hamas"}


def test_a_possessive_without_quoted_words_is_no_statement():
    assert _of("Hamas called Netanyahu's office.", "Statement") == []


# --- ", calling the report a "lie"": the participle of the speaker -------------------------------

def test_weighing_in_and_calling_a_report_a_quoted_word_is_a_statement():
    statement = one(events('On Tuesday Netanyahu weighed in, calling the report a "lie".'),
                    "Statement")
    assert speakers(statement) == {"netanyahu"}
    assert statement.date.edtf == "2024-03-12"


def test_calling_for_something_in_quotes_stays_a_demand():
    found = events('On Tuesday Netanyahu weighed in, calling for a "total victory".')
    assert speakers(one(found, "Demand")) == {"netanyahu"}
    assert _of('On Tuesday Netanyahu weighed in, calling for a "total victory".',
               "Statement") == []


def test_a_group_calling_itself_by_a_quoted_name_says_nothing():
    assert events('A group calling itself "the resistance" marched in the rain.') == []


# --- "held his weekly briefing": a spokesman before the press --------------------------------------

def test_a_spokesman_who_held_his_weekly_briefing_gave_a_press_conference():
    briefing = one(events("On Tuesday Majed al-Ansari held his weekly briefing in Doha."),
                   "PressConference")
    assert ids(briefing) == {"majed-al-ansari"}
    assert briefing.date.edtf == "2024-03-12"


def test_a_security_briefing_is_no_press_conference():
    assert _of("On Tuesday the cabinet held a security briefing in Jerusalem.",
               "PressConference") == []


# --- "received on Monday in Cairo H.E. Sheikh X": a visitor received ------------------------------

def test_a_president_who_received_a_sheikh_after_the_day_and_place_met_him():
    meeting = one(events("President Abdel Fattah El-Sisi received on Monday in Cairo H.E. Sheikh "
                         "Mohammed bin Abdulrahman Al Thani."), "Meeting")
    assert "abdel-fattah-el-sisi" in ids(meeting)
    assert meeting.date.edtf == "2024-03-11"


def test_a_reply_received_after_the_day_and_place_is_no_meeting():
    assert _of("Hamas received on Monday in Cairo the Israeli reply.", "Meeting") == []


def test_a_president_who_received_a_special_envoy_at_a_named_palace_met_him():
    meeting = one(events("On Thursday, Sisi received at Al-Ittihadiya Palace the US Special Envoy "
                         "for the Middle East, Mr. Steve Witkoff."), "Meeting")
    assert ids(meeting) == {"sisi", "steve-witkoff"}
    assert meeting.date.edtf == "2024-03-14"


def test_a_proposal_received_at_a_named_palace_is_no_meeting():
    assert _of("On Thursday, Hamas received at Al-Ittihadiya Palace the US proposal.",
               "Meeting") == []


# --- "presented the draft": terms put on the table ------------------------------------------------

def test_a_country_that_presented_a_draft_made_an_offer():
    offer = one(events("Slovenia presented the draft on Tuesday."), "Offer")
    assert ids(offer) == {"slovenia"}
    assert offer.date.edtf == "2024-03-12"


def test_credentials_presented_are_no_offer():
    assert _of("On Tuesday the ambassador presented his credentials to the president.",
               "Offer") == []
