"""Sentences that assert an event with words the cue lexicon did not know (session 18, round 6),
on short texts written for the test: a release made to depend on terms and reported words that
make it depend on them, or that keep a return linked to the war's end (a condition), a judgement
said by praising, a video, a clarification or a reaction put out and announcements made (a
statement), people shot dead (a killing), a sitting announced ("is expected to convene"), a
situation assessment held and hours spent with a leader (a meeting). Beside each, the near miss
that must stay without that event."""

from __future__ import annotations

from tests.extract.sentences import events, ids, one, speakers


def _of(text: str, kind: str) -> list:
    return [event for event in events(text) if event.type == kind]


# --- "made X depend on Y", "would depend on": a condition ------------------------------------------

def test_a_release_made_to_depend_on_a_withdrawal_is_a_precondition():
    condition = one(events("On Tuesday Hamas made the release of the hostages depend on an "
                           "Israeli withdrawal."), "Precondition")
    assert speakers(condition) == {"hamas"}
    assert condition.date.edtf == "2024-03-12"


def test_words_that_make_the_releases_depend_on_a_ceasefire_are_a_precondition():
    condition = one(events("Hamas said on Tuesday that the releases would depend on an Israeli "
                           "withdrawal and a permanent ceasefire."), "Precondition")
    assert speakers(condition) == {"hamas"}


def test_a_deal_contingent_on_a_withdrawal_is_a_precondition():
    condition = one(events("Hamas said on Tuesday that any deal was contingent on a full "
                           "withdrawal."), "Precondition")
    assert speakers(condition) == {"hamas"}


def test_what_depends_on_no_term_of_a_deal_stays_a_statement():
    found = events("Hamas said on Tuesday that the outcome would depend on the weather.")
    assert _of("Hamas said on Tuesday that the outcome would depend on the weather.",
               "Precondition") == []
    assert speakers(one(found, "Statement")) == {"hamas"}


# --- "praised", "hailed": a judgement said ---------------------------------------------------------

def test_a_leader_who_praised_the_people_made_a_statement():
    statement = one(events("On Tuesday Khalil al-Hayya praised the people of Gaza in a televised "
                           "address."), "Statement")
    assert speakers(statement) == {"khalil-al-hayya"}
    assert statement.date.edtf == "2024-03-12"


def test_a_praise_as_a_noun_is_no_statement():
    assert _of("The praise was loud.", "Statement") == []


# --- "put out a video", "put out a clarification": words made public ------------------------------

def test_a_video_put_out_is_a_statement_of_who_put_it_out():
    statement = one(events("Hamas put out a video of a hostage on Tuesday."), "Statement")
    assert speakers(statement) == {"hamas"}
    assert statement.date.edtf == "2024-03-12"


def test_a_clarification_put_out_is_a_statement():
    statement = one(events("On Tuesday Hamas put out a clarification of its own."), "Statement")
    assert speakers(statement) == {"hamas"}


def test_a_fire_put_out_is_no_statement():
    assert _of("On Tuesday firefighters put out a fire in Doha.", "Statement") == []


# --- "shot dead": a killing ------------------------------------------------------------------------

def test_troops_who_shot_dead_three_hostages_killed_them():
    killing = one(events("On Tuesday Israeli troops shot dead three hostages in Shejaiya."),
                  "Killing")
    assert "israel" in ids(killing)
    assert killing.date.edtf == "2024-03-12"


def test_shot_them_dead_is_a_killing():
    killing = one(events("On Tuesday Israeli troops shot them dead in Shejaiya."), "Killing")
    assert "israel" in ids(killing)


def test_a_drone_shot_down_is_no_killing():
    assert _of("On Tuesday Israeli troops shot down a drone.", "Killing") == []


# --- "is expected to convene", "held a situation assessment": a sitting ---------------------------

def test_a_cabinet_expected_to_convene_has_a_meeting_that_day():
    meeting = one(events("The security cabinet is expected to convene on Sunday."), "Meeting")
    assert ids(meeting) == {"security-cabinet"}


def test_a_cabinet_that_will_not_convene_has_no_meeting():
    assert _of("The security cabinet will not convene this week.", "Meeting") == []


def test_a_situation_assessment_held_is_a_meeting():
    meeting = one(events("On Tuesday Netanyahu held an operational situation assessment with the "
                         "negotiating team."), "Meeting")
    assert meeting.date.edtf == "2024-03-12"
    assert "netanyahu" in ids(meeting)


def test_a_situation_assessment_published_is_no_meeting():
    assert _of("On Tuesday the army published its situation assessment.", "Meeting") == []


# --- "spent two and a half hours with": a meeting, a longer span between --------------------------

def test_hours_spent_with_a_named_leader_over_five_words_are_a_meeting():
    meeting = one(events("Antony Blinken spent two and a half hours with Prime Minister Benjamin "
                         "Netanyahu in Jerusalem on Tuesday."), "Meeting")
    assert ids(meeting) == {"antony-blinken", "benjamin-netanyahu"}
    assert meeting.date.edtf == "2024-03-12"


def test_money_spent_on_weapons_is_no_meeting():
    assert _of("Israel spent two and a half billion dollars on weapons.", "Meeting") == []


# --- "put out its first reaction", "made similar announcements": words made public ----------------

def test_a_reaction_put_out_is_a_statement():
    statement = one(events("Hamas has put out its first reaction on Tuesday."), "Statement")
    assert speakers(statement) == {"hamas"}
    assert statement.date.edtf == "2024-03-12"


def test_two_states_that_made_similar_announcements_each_said_it():
    statement = one(events("On Tuesday Luxembourg and Malta made similar announcements."),
                    "Statement")
    assert speakers(statement) == {"luxembourg", "malta"}


def test_an_announcement_awaited_is_no_statement():
    assert _of("The announcement is awaited.", "Statement") == []


# --- "remains linked to", "cannot be complete unless": a condition in the words reported -----------

def test_a_return_that_remains_linked_to_the_war_ending_is_a_precondition():
    condition = one(events("Jordan said on Tuesday that the return of the ambassadors remains "
                           "linked to Israel ending its war on Gaza."), "Precondition")
    assert speakers(condition) == {"jordan"}


def test_a_ceasefire_that_cannot_be_complete_unless_troops_leave_is_a_precondition():
    condition = one(events("Al Thani said on Tuesday that a ceasefire cannot be complete unless "
                           "there is a full withdrawal."), "Precondition")
    assert speakers(condition) == {"al-thani"}


def test_prices_linked_to_the_weather_are_no_condition():
    found = events("Egypt said on Tuesday that prices are linked to the weather.")
    assert [event.type for event in found] == ["Statement"]
