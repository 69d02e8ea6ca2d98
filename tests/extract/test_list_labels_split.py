"""A list item's label stays in the sentence it opens (session 16): "First:", "1.", "2)", "(a)", a
dash, a live blog's clock time; a numbered item inside a line opens a sentence of its own; a
wire's date line and a live blog's "Update:" are not broken either. The parser reads the item after
its label, and the benchmark's measure counts a gold event once, at its item. Short texts written
for the test."""

from __future__ import annotations

import sys
from pathlib import Path

from kb.extract.parse import parse_sentences
from kb.extract.sentences import label_length, list_marker, split_sentences
from tests.extract.sentences import events, ids, one, speakers

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import train_triggers


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


def test_an_ordinal_label_opens_its_item_s_sentence():
    assert texts("Hamas said the following:\nFirst: Egypt met Qatar on Monday.\n"
                 "Second: the talks go on. They resume on Friday.") == [
        "Hamas said the following:", "First: Egypt met Qatar on Monday.",
        "Second: the talks go on.", "They resume on Friday."]


def test_a_number_s_full_stop_at_a_line_s_opening_ends_no_sentence():
    text = "The demands:\n1. A ceasefire.\n12. The return of the displaced. Then talks.\n3) Aid"
    assert texts(text) == ["The demands:", "1. A ceasefire.",
                           "12. The return of the displaced.", "Then talks.", "3) Aid"]
    second = split_sentences(text)[2]
    assert list_marker(text, second) == "12."


def test_numbered_items_inside_a_line_are_sentences_with_their_labels():
    assert texts("Hamas set out its demands: 1. A ceasefire. 2. A withdrawal. (3) Aid.") == [
        "Hamas set out its demands:", "1. A ceasefire.", "2. A withdrawal.", "(3) Aid."]


def test_a_number_that_is_no_label_is_read_as_before():
    assert texts("It was freed in 2024. 3 people died. Article 2. The council voted.") == [
        "It was freed in 2024. 3 people died.", "Article 2.", "The council voted."]
    assert texts("The vote was 14: 1 against.") == ["The vote was 14: 1 against."]


def test_a_live_blog_s_labels_stay_with_their_entry():
    assert texts("Update: Hamas said on Monday it accepted. Israel did not.") == [
        "Update: Hamas said on Monday it accepted.", "Israel did not."]
    assert texts("10.45 a.m. Hamas said it accepted the proposal.\n9 p.m. Qatar confirmed it.") == [
        "10.45 a.m. Hamas said it accepted the proposal.", "9 p.m. Qatar confirmed it."]
    assert texts("The strike came at 2 a.m. Hamas said nothing.") == [
        "The strike came at 2 a.m.", "Hamas said nothing."]  # inside a line, as before


def test_a_date_line_is_not_broken():
    for line in ("CAIRO, Oct 10 (Wire) - Egypt said on Monday it would host talks.",
                 "CAIRO, Oct. 10 (Wire) - Egypt said on Monday it would host talks.",
                 "WASHINGTON, D.C., Oct. 10 (Wire) - Egypt said on Monday it would host talks."):
        assert texts(line + " Qatar agreed.") == [line, "Qatar agreed."]


def test_a_label_alone_on_its_line_stays_a_sentence_of_its_own():
    assert texts("First:\nthe disarmament of Hamas.") == ["First:", "the disarmament of Hamas."]


def test_the_parser_reads_the_item_after_its_label():
    text = "2. Hamas will free the hostages on Monday."
    assert label_length(text) == 3 and label_length("Hamas will free them.") == 0
    parsed, = parse_sentences([text], [100])
    assert parsed.base == 103
    assert parsed.doc[0].text == "Hamas" and parsed.doc[0].dep_ == "nsubj"


def test_an_item_s_event_cites_its_line_with_the_label_and_names_no_label_actor():
    found = events("Hamas statement\nThe Movement states the following:\n"
                   "Fourth: Egypt hosted a meeting with Qatar on Monday.\n"
                   "(b) Hamas rejected the offer on Tuesday.")
    meeting, rejection = one(found, "Meeting"), one(found, "Rejection")
    assert meeting.sentences[0] == "Fourth: Egypt hosted a meeting with Qatar on Monday."
    assert ids(meeting) >= {"egypt", "qatar"} and meeting.date.edtf == "2024-03-11"
    assert rejection.sentences[0] == "(b) Hamas rejected the offer on Tuesday."
    assert "hamas" in ids(rejection) and rejection.date.edtf == "2024-03-12"
    assert not any("fourth" in actor or actor == "b" for event in found for actor in ids(event))


def test_a_live_blog_entry_s_event_keeps_its_clock_label():
    statement = one(events("Live: the talks\n10.45 a.m. Qatar said on Wednesday that the talks "
                           "would resume."), "Statement")
    assert statement.sentences[0].startswith("10.45 a.m. Qatar said")
    assert speakers(statement) == {"qatar"} and statement.date.edtf == "2024-03-13"


def test_the_measure_counts_a_gold_event_once_at_its_item_not_its_label():
    text = "Statement\nFirst:\nQatar will resume its efforts.\nSecond: Egypt agrees."
    split = split_sentences(text)
    first = text.index("First:")
    second = text.index("Second:")
    owned = train_triggers._anchored(split, [((first, first + 20), "Statement"),
                                             ((second, second + 14), "Acceptance")])
    by_text = {split[index].text: kinds for index, kinds in owned.items()}
    assert by_text == {"Qatar will resume its efforts.": ["Statement"],
                       "Second: Egypt agrees.": ["Acceptance"]}


def test_a_member_s_honourable_ends_no_sentence():
    assert texts("Mr Lammy: I do not agree with the right hon. Gentleman. The decision stands.\n"
                 "The Hon. Member for Ilford asked a question.") == [
        "Mr Lammy: I do not agree with the right hon. Gentleman.", "The decision stands.",
        "The Hon. Member for Ilford asked a question."]
