"""Each stage of the extractor alone: a function of the previous stage's output."""

from __future__ import annotations

from datetime import date

from kb.extract.confidence import score, sentence_kinds
from kb.extract.merge import merge
from kb.extract.model import DraftDate, DraftEvent
from kb.extract.reference import anchor_relative, context_dates, dateline
from kb.extract.sentences import split_sentences
from kb.extract.timex import find_time_expressions

TEXT = ("Talks end in Cairo\n"
        "CAIRO, June 6 - Egypt met Hamas on Monday.\n"
        "Two days later, Qatar offered a truce. Hamas rejected it.\n")
PUBLISHED = date(2024, 6, 7)


def day(value: date, source: str = "own") -> DraftDate:
    return DraftDate("on Monday", "published", value.isoformat(), value, value, source)


def test_the_date_line_is_found_from_the_sentences_alone():
    sentences = split_sentences(TEXT)
    line = dateline(TEXT, sentences, PUBLISHED)
    assert line is not None and line.text == "June 6" and line.earliest == date(2024, 6, 6)


def test_relative_expressions_are_anchored_from_the_expressions_alone():
    sentences = split_sentences(TEXT)
    expressions = find_time_expressions(TEXT, date(2024, 6, 6))
    anchored = anchor_relative(TEXT, sentences, expressions, date(2024, 6, 6))
    later = next(e for e in anchored if e.text == "Two days later")
    assert later.edtf == "2024-06-05" and later.anchor == "2024-06-03"
    context = context_dates(TEXT, sentences, anchored, date(2024, 6, 6))
    last = sentences[-1]
    assert context[last.index].text == "Two days later"


def test_sentence_kinds_tell_headline_from_story():
    sentences = split_sentences(TEXT)
    kinds = sentence_kinds(TEXT, sentences)
    assert kinds[0] == "headline" and kinds[len(sentences) - 1] == "story"


def test_merging_joins_two_mentions_of_one_event():
    first = DraftEvent("Offer", day(date(2024, 6, 3)), ["Qatar offered a truce."],
                       [("qatar", "offerer")], sentence_index=1)
    again = DraftEvent("Offer", day(date(2024, 6, 3), "window"), ["Qatar's offer stands."],
                       [("qatar", "offerer")], sentence_index=2, last_index=2)
    other = DraftEvent("Offer", day(date(2024, 6, 3)), ["Egypt offered talks."],
                       [("egypt", "offerer")], sentence_index=3)
    merged = merge([first, again, other])
    assert [event.sentences for event in merged] == [
        ["Qatar offered a truce.", "Qatar's offer stands."], ["Egypt offered talks."]]


def test_scoring_needs_only_the_events_and_the_sentence_kinds():
    dated = DraftEvent("Offer", day(date(2024, 6, 3)), ["x"], [("qatar", "offerer")])
    bare = DraftEvent("Offer", day(date(2024, 6, 3), "window"), ["y"], [], sentence_index=1)
    score([dated, bare], {0: "story", 1: "background"})
    assert dated.confidence > 0.5 > bare.confidence
    assert "no actor found" in bare.why and "a background sentence" in bare.why
