"""Events told as the items of a list (session 15): a lead-in that ends its line with a colon or
announces "the following" governs the items under it; an item with no verb of its own is an event
of the lead-in's type (a precondition where the lead-in calls the items conditions), of its actors,
on its day, citing the item; an item with its own verb keeps its own reading, and a list under no
lead-in of an act is left alone. Short texts written for the test."""

from __future__ import annotations

from kb.extract.sentences import is_marker_only, list_marker, split_sentences
from tests.extract.sentences import events, speakers

DEMANDS = """Hamas sets out its terms for a deal
GAZA, Tuesday - Hamas demanded the following on Monday:
1. A complete and permanent ceasefire.
2. The full withdrawal of the occupation forces from the Strip.
- the return of the displaced to the north
The group's negotiators later travelled to Cairo."""


def _items(found: list) -> list:
    return [e for e in found if any("an item of the list" in p for p in e.parsed)]


def test_each_verbless_item_is_an_event_of_the_lead_ins_type_actor_and_day():
    items = _items(events(DEMANDS))
    assert [e.sentences[0] for e in items] == [
        "1. A complete and permanent ceasefire.",
        "2. The full withdrawal of the occupation forces from the Strip.",
        "- the return of the displaced to the north"]  # an item cites its label, as written
    for item in items:
        assert item.type == "Demand"
        assert speakers(item) == {"hamas"}
        assert item.date.edtf == "2024-03-11"
        assert item.confidence >= 0.6
        assert any("Hamas demanded the following on Monday:" in why for why in item.why), item.why


def test_the_lead_in_gives_way_to_its_items():
    found = events(DEMANDS)
    assert not [e for e in found if e.type == "Demand" and e not in _items(found)]


def test_the_list_ends_at_the_first_line_that_is_no_item():
    found = events(DEMANDS)
    assert not any("travelled" in s for e in _items(found) for s in e.sentences)


def test_items_the_lead_in_calls_conditions_are_preconditions():
    found = events("Talks on the hostages\nIsrael demanded the following conditions on Monday:\n"
                   "First: the disarmament of Hamas.\nSecond: the exile of its leaders.")
    items = _items(found)
    assert [(e.type, e.sentences[0]) for e in items] == [
        ("Precondition", "First: the disarmament of Hamas."),
        ("Precondition", "Second: the exile of its leaders.")]
    assert all(speakers(e) == {"israel"} and e.date.edtf == "2024-03-11" for e in items)


def test_an_item_with_its_own_verb_keeps_its_own_reading():
    found = events("Talks on the hostages\nHamas demanded the following on Monday:\n"
                   "1. The withdrawal of the occupation forces.\n"
                   "2. Qatar hosted a meeting of the mediators on Sunday.")
    assert [e.sentences[0] for e in _items(found)] == [
        "1. The withdrawal of the occupation forces."]
    meeting = [e for e in found if e.type == "Meeting"]
    assert meeting and meeting[0].date.edtf == "2024-03-10"
    assert not _items(meeting)


def test_a_list_under_no_lead_in_of_an_act_is_left_alone():
    found = events("Talks on the hostages\nThe cabinet was briefed on Monday. The names:\n"
                   "- Ofer Kalderon\n- Keith Siegel\n- Yarden Bibas")
    assert not _items(found)
    assert not [e for e in found if any("Kalderon" in s or "Siegel" in s for s in e.sentences)]


def test_the_markers_of_an_item():
    text = "Lead-in:\n1. One thing.\n- another\nFirst: a third.\nNo marker here."
    marked = [(s.text, list_marker(text, s)) for s in split_sentences(text)]
    assert ("another", None) not in marked
    assert ("- another", "-") in marked
    assert ("No marker here.", None) in marked
    assert is_marker_only("1.") and is_marker_only("First:")
    assert not is_marker_only("1. One thing.")


def test_an_item_opening_with_its_verb_is_the_lead_ins_actors_act_on_its_day():
    found = events("Council votes on Gaza\nThe Security Council adopted a resolution on "
                   "Monday. The resolution:\n* demands the release of all hostages\n"
                   "* calls for an immediate ceasefire")
    items = _items(found)
    assert [(e.type, e.sentences[0]) for e in items] == [
        ("Demand", "* demands the release of all hostages"),
        ("Demand", "* calls for an immediate ceasefire")]
    for item in items:
        assert speakers(item) == {"security-council"}
        assert item.date.edtf == "2024-03-11"
        assert item.confidence >= 0.6
        assert any("'The resolution:'" in why for why in item.why), item.why


def test_a_marked_list_ends_at_its_first_unmarked_line():
    found = events("Talks on the hostages\nHamas demanded the following on Monday:\n"
                   "1. A complete ceasefire.\n\nGlory to the martyrs and freedom to the prisoners.")
    assert [e.sentences[0] for e in _items(found)] == ["1. A complete ceasefire."]


def test_unmarked_lines_under_a_colon_are_items():
    found = events("Talks on the hostages\nEgypt and Jordan affirmed on Tuesday:\n"
                   "The rejection of any displacement of Palestinians\n"
                   "Full support for the mediators in Doha")
    items = _items(found)
    assert items and all(e.type == "Statement" and speakers(e) == {"egypt", "jordan"}
                         and e.date.edtf == "2024-03-12" for e in items)
