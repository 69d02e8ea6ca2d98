"""Cues of acts that the sets written blind in session 17 (devset17..devset25) showed the
lexicon did not know: a judgement said by naming something ("called the text "shameful"",
"described the talks as constructive"), a demand repeated ("repeated its demand for"), a visitor
received by a title ("the Minister received the American Secretary"). Short sentences written
for the test."""

from __future__ import annotations

from tests.extract.sentences import events, ids, one, speakers

# --- a judgement said by naming something --------------------------------------------------------


def test_calling_a_text_by_a_quoted_name_is_a_statement_of_the_caller():
    found = events("On Wednesday the Brazilian ambassador, Paulo Duarte, called the draft "
                   "\"a missed chance\".")
    statement = one(found, "Statement")
    assert any("duarte" in actor for actor in speakers(statement))
    assert statement.date.edtf == "2024-03-13"


def test_a_present_calls_with_a_quoted_name_is_a_statement():
    found = events("Qatar calls the delay \"a cruel blow\".")
    assert "qatar" in speakers(one(found, "Statement"))


def test_describing_something_as_so_is_a_statement_of_the_describer():
    found = events("On Tuesday Hamas described the talks as serious.")
    statement = one(found, "Statement")
    assert "hamas" in speakers(statement)


def test_what_someone_called_a_name_is_no_statement_of_its_own():
    found = events("On Tuesday Hamas rejected what it called a \"new trap\".")
    assert [event.type for event in found] == ["Rejection"]


def test_a_name_given_and_a_demand_coordinated_with_it_are_one_act():
    found = events("On Tuesday Jordan called the plan \"a dead end\" and urged Israel to stop "
                   "the offensive.")
    assert [event.type for event in found] == ["Demand"]


# --- a demand repeated ----------------------------------------------------------------------------


def test_repeating_its_demand_for_something_is_a_demand():
    found = events("On Tuesday Hamas repeated its demand for a full withdrawal from the Strip.")
    demand = one(found, "Demand")
    assert "hamas" in speakers(demand)
    assert demand.date.edtf == "2024-03-12"


def test_renewing_an_appeal_for_something_is_a_demand():
    found = events("On Monday Qatar renewed its appeal for an immediate ceasefire.")
    assert "qatar" in speakers(one(found, "Demand"))


# --- a visitor received by a title ------------------------------------------------------------------


def test_receiving_a_visitor_named_by_a_title_is_a_meeting():
    found = events("On Monday Prince Faisal received the American secretary in Riyadh.")
    meeting = one(found, "Meeting")
    assert any("faisal" in actor for actor, _ in meeting.actors)
    assert meeting.date.edtf == "2024-03-11"


def test_being_received_by_a_titled_host_is_a_meeting():
    found = events("On Monday the envoy was received by Crown Prince Faisal in Riyadh.")
    meeting = one(found, "Meeting")
    assert any("faisal" in actor for actor, _ in meeting.actors)


def test_receiving_a_proposal_is_no_meeting():
    found = events("On Monday Hamas received the Egyptian proposal.")
    assert not [event for event in found if event.type == "Meeting"]


# --- what the words reported do: a deal on offer, staying away from the talks -------------------


def test_saying_its_side_is_ready_for_a_deal_is_an_offer():
    found = events("On Saturday Hamas said it was ready for an immediate exchange of all captives.")
    assert "hamas" in ids(one(found, "Offer"))


def test_saying_its_side_is_ready_to_discuss_a_deal_is_a_statement_not_an_offer():
    found = events("On Saturday Hamas said it was ready to discuss a deal with the mediators.")
    assert [event.type for event in found] == ["Statement"]


def test_saying_its_side_will_not_take_part_in_the_round_is_a_rejection():
    found = events("On Wednesday Hamas said it would not take part in the new round in Doha.")
    assert "hamas" in ids(one(found, "Rejection"))


def test_saying_no_to_the_talks_is_a_rejection():
    found = events("On Wednesday Hamas said no to the ceasefire talks.")
    assert "hamas" in ids(one(found, "Rejection"))


# --- a demand pressed, appealed for, its need stressed ------------------------------------------


def test_pressing_for_pauses_is_a_demand_of_the_one_who_presses():
    found = events("On Friday Blinken met Netanyahu in Tel Aviv and pressed for humanitarian pauses.")
    assert any("blinken" in actor for actor in ids(one(found, "Demand")))


def test_a_long_held_pressing_for_a_deal_is_no_demand_made():
    assert not events("Gallant had long pressed for a hostage deal.")


def test_appealing_for_a_ceasefire_is_a_demand():
    found = events("On Wednesday Qatar appealed for a humanitarian ceasefire.")
    assert "qatar" in speakers(one(found, "Demand"))


def test_stressing_the_need_for_a_ceasefire_is_a_demand():
    found = events("On Monday Egypt stressed the need for an immediate ceasefire in Gaza.")
    demand = one(found, "Demand")
    assert "egypt" in speakers(demand)
    assert demand.date.edtf == "2024-03-11"


def test_we_call_for_in_a_statement_is_a_demand_of_its_signatory():
    text = ("Statement by the Ministry of Foreign Affairs of the State of Qatar\n"
            "The State of Qatar welcomes the truce in Gaza.\n"
            "We call for the immediate release of all hostages.\n")
    demand = one(events(text), "Demand")
    assert "qatar" in speakers(demand)
    assert demand.sentences[0].startswith("We call for")


# --- "set out": a plan offered, a position said, conditions set, a journey -----------------------


def test_setting_out_a_plan_is_an_offer():
    found = events("On Friday Biden set out a three-phase plan for Gaza.")
    assert "biden" in ids(one(found, "Offer"))


def test_setting_out_its_line_is_a_statement_not_an_offer():
    found = events("On Tuesday Hamas set out its line on the talks.")
    assert [event.type for event in found] == ["Statement"]
    assert "hamas" in ids(found[0])


def test_setting_out_conditions_is_a_precondition_not_an_offer():
    found = events("On Tuesday Hamas set out four conditions for any deal.")
    assert [event.type for event in found] == ["Precondition"]


def test_a_team_that_sets_out_again_offers_nothing():
    found = events("On Tuesday Netanyahu ordered the team to set out again.")
    assert not [event for event in found if event.type == "Offer"]
