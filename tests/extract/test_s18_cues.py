"""Sentences that assert an event with words the cue lexicon did not know (session 18, round 4),
on short texts written for the test: a judgement said by naming something ("called the delay a
violation"), words made clear or made known, a request to a named person, a call for something
with an adverb between, a press conference told as speaking to reporters, an interview given, a
vote of no, a state recognised, ground taken; and an order given by telling someone to act (read
so before, kept so). Beside each, the near miss that must stay without that event."""

from __future__ import annotations

from tests.extract.sentences import events, ids, one, speakers


def _of(text: str, kind: str) -> list:
    return [event for event in events(text) if event.type == kind]


# --- a judgement said by naming: "called X a Y" ----------------------------------------------------

def test_calling_something_a_crime_is_a_statement_of_the_one_who_calls_it():
    said = one(events("On Tuesday Benny Gantz called the equation a crime of historic "
                      "proportions."), "Statement")
    assert speakers(said) == {"benny-gantz"}
    assert said.date.edtf == "2024-03-12"


def test_calling_it_an_achievement_is_a_statement():
    said = one(events("Benjamin Netanyahu called it a significant achievement on Wednesday."),
               "Statement")
    assert speakers(said) == {"benjamin-netanyahu"}
    assert said.date.edtf == "2024-03-13"


def test_a_judgement_quoted_after_a_long_object_is_a_statement():
    said = one(events('On Tuesday Hamas called a report that it was leaving Qatar for Turkey '
                      '"absolute fake news".'), "Statement")
    assert speakers(said) == {"hamas"}


def test_what_someone_called_a_thing_is_no_judgement_of_its_own():
    assert _of("On Tuesday Hamas presented what it called a final offer.", "Statement") == []


def test_calling_a_minister_is_no_judgement():
    assert _of("On Tuesday Hamas called a meeting of its political bureau.", "Statement") == []


# --- "made it clear that", "made known that" ----------------------------------------------------

def test_making_clear_a_refusal_is_said():
    said = one(events("On Monday the United States made clear it would not let the draft pass."),
               "Statement")
    assert speakers(said) == {"united-states"}
    assert said.date.edtf == "2024-03-11"


def test_making_known_is_said():
    said = one(events("On Wednesday Egypt made known that the talks had stalled."), "Statement")
    assert speakers(said) == {"egypt"}


def test_clear_progress_made_is_no_saying():
    assert _of("On Monday Hamas made clear progress in the talks.", "Statement") == []


# --- "told X to act": an order ------------------------------------------------------------------

def test_telling_a_side_to_halt_is_a_demand_on_it():
    asked = one(events("On Friday the International Court of Justice told Israel to halt its "
                       "offensive in Rafah."), "Demand")
    assert "israel" in ids(asked) and speakers(asked) == {"international-court-of-justice"}
    assert asked.date.edtf == "2024-03-08"


def test_telling_someone_that_one_agreed_to_it_is_no_demand():
    found = events("On Saturday Hamas told the mediators that it agreed to the proposal.")
    assert not [event for event in found if event.type == "Demand"]


def test_telling_reporters_what_to_expect_is_no_demand():
    found = events("On Monday Joe Biden told reporters to expect a deal within days.")
    assert not [event for event in found if event.type == "Demand"]


# --- "asked <name> for", "called <adverb> for" --------------------------------------------------

def test_asking_a_named_leader_for_pauses_is_a_demand():
    asked = one(events("On Monday Joe Biden asked Prime Minister Benjamin Netanyahu for the "
                       "pauses."), "Demand")
    assert speakers(asked) == {"joe-biden"}
    assert asked.date.edtf == "2024-03-11"


def test_asking_a_named_person_for_comment_is_no_demand():
    assert _of("On Monday Reuters asked Hamas for comment.", "Demand") == []


def test_calling_equally_for_aid_is_a_demand():
    asked = one(events("On Monday Egypt and Jordan called equally for the immediate delivery of "
                       "humanitarian aid."), "Demand")
    assert {"egypt", "jordan"} <= ids(asked)


# --- a press conference, an interview, a vote of no --------------------------------------------

def test_speaking_to_reporters_is_a_press_conference():
    press = one(events("Osama Hamdan spoke to reporters in Beirut on Tuesday."), "PressConference")
    assert "osama-hamdan" in ids(press)
    assert press.date.edtf == "2024-03-12"


def test_speaking_to_reporters_as_the_setting_of_a_saying_is_no_press_conference():
    found = events("Speaking to reporters in Cairo on Tuesday, Antony Blinken said the deal was "
                   "close.")
    assert not [event for event in found if event.type == "PressConference"]
    assert speakers(one(found, "Statement")) == {"antony-blinken"}


def test_giving_an_interview_is_a_statement():
    said = one(events("Benjamin Netanyahu gave his first interview to ABC News on Monday."),
               "Statement")
    assert speakers(said) == {"benjamin-netanyahu"}
    assert said.date.edtf == "2024-03-11"


def test_voting_no_is_a_rejection():
    voted = one(events("On Monday the United States voted no on the draft."), "Rejection")
    assert "united-states" in ids(voted)


# --- a state recognised, ground taken -----------------------------------------------------------

def test_recognising_the_state_of_palestine_is_a_statement_of_each_recogniser():
    said = one(events("Britain and Canada recognised the State of Palestine on Sunday."),
               "Statement")
    assert {"britain", "canada"} <= speakers(said)
    assert said.date.edtf == "2024-03-10"


def test_recognising_a_need_is_no_statement():
    assert _of("On Sunday Britain recognised the need for more aid.", "Statement") == []


def test_tanks_taking_control_of_a_crossing_is_an_attack():
    taken = one(events("On Tuesday Israeli tanks took control of the Gaza side of the Rafah "
                       "crossing."), "Attack")
    assert "israel" in ids(taken)
    assert taken.date.edtf == "2024-03-12"


def test_an_aim_to_take_control_is_no_attack():
    assert _of("On Tuesday Israel said it wanted to take control of the corridor.", "Attack") == []


# --- a transcript's turn said without a verb ----------------------------------------------------

_TRANSCRIPT = ("Interview\nBenjamin Netanyahu answered questions in Jerusalem on Thursday.\n"
               "Q: When will the war end?\nNetanyahu: Not before every hostage is home again.\n"
               "Q: Will you meet the families?\nNetanyahu: Yes.\n")


def test_a_turn_said_without_a_verb_is_a_statement_of_its_speaker():
    said = [event for event in events(_TRANSCRIPT) if event.type == "Statement"
            and event.sentences[0].startswith("Netanyahu: Not before")]
    assert len(said) == 1
    assert speakers(said[0]) == {"benjamin-netanyahu"}


def test_a_turn_of_one_word_is_no_statement():
    assert not [event for event in events(_TRANSCRIPT)
                if event.sentences[0].startswith("Netanyahu: Yes")]


def test_a_reporters_turn_in_capitals_is_no_statement_of_the_reporter():
    text = ("Evening bulletin\nANCHOR: Good evening.\nCORRESPONDENT (Dana Weil): The cabinet sat "
            "late into the night in Tel Aviv.\n")
    assert not [event for event in events(text) if "dana-weil" in speakers(event)]


# --- speaking together: a call or a meeting -----------------------------------------------------

def test_two_leaders_who_spoke_had_a_call():
    call = one(events("On Monday Joe Biden and Benjamin Netanyahu spoke for the first time in a "
                      "month."), "Meeting")
    assert {"joe-biden", "benjamin-netanyahu"} <= ids(call)
    assert call.date.edtf == "2024-03-11"


def test_two_leaders_who_spoke_at_a_rally_had_no_call():
    found = events("On Monday Joe Biden and Benjamin Netanyahu spoke at a rally about the war.")
    assert not [event for event in found if event.type == "Meeting"]


def test_speaking_briefly_with_someone_is_a_call():
    call = one(events("On Monday Jake Sullivan spoke briefly with Benjamin Netanyahu."), "Meeting")
    assert {"jake-sullivan", "benjamin-netanyahu"} <= ids(call)


# --- a statement's own voice: "we hold X responsible", "we support" -----------------------------

_STATEMENT = ("Statement by the Ministry of Foreign Affairs of Jordan\n"
              "1. We hold Israel fully responsible for the failure of the talks.\n")


def test_holding_a_side_responsible_in_a_statements_voice_is_said_of_that_side():
    found = [event for event in events(_STATEMENT) if event.type == "Statement"
             and event.sentences[0].startswith("1. We hold")]
    assert len(found) == 1 and "israel" in ids(found[0])
    assert found[0].date.edtf == "2024-03-14"
