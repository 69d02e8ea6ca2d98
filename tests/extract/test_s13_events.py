"""What an event is, in shapes that benchmarks/devset9 and devset10 (written blind) showed the
extractor misread: which sentences and clauses propose an event and of which type. Short sentences
written for the test."""

from __future__ import annotations

from tests.extract.sentences import events, ids


def test_a_question_of_the_writer_tells_no_event():
    found = events("Who killed the commander? Israel struck his car in Gaza on Tuesday.")
    assert [e.type for e in found] == ["Attack"]
    assert "israel" in ids(found[0])
