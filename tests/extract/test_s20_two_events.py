"""Two sayings of one speaker in two sentences (session 20): a saying its sentence tells at an
occasion before an audience named afresh ("At a news conference on Saturday evening ...", "said
in a speech", "At a joint press appearance after the talks ...") is a statement of its own, not
more of a saying told before (the gold convention 6: one event per act); "In the interview ...",
"he also said", a video or a post go on with the saying before. Sentences written for the
test."""

from __future__ import annotations

from tests.extract.sentences import events, speakers


def statements(text: str) -> list:
    return [event for event in events(text) if event.type == "Statement"]


def test_a_saying_at_a_news_conference_after_a_statement_is_a_second_statement():
    found = statements("Qatar said on Tuesday that the talks in Doha had made progress. "
                       "At a news conference in the evening, Qatar said the gaps remained wide.")
    assert len(found) == 2, [(e.sentences, e.actors) for e in found]
    assert [len(event.sentences) for event in found] == [1, 1]
    assert all("qatar" in speakers(event) for event in found)


def test_a_saying_in_a_speech_is_a_second_statement():
    found = statements("Egypt said on Monday that a new round would open next week. "
                       "Egypt said in a speech that the crossing would stay open.")
    assert len(found) == 2, [(e.sentences, e.actors) for e in found]
    assert found[1].sentences[0].startswith("Egypt said in a speech")


def test_a_video_statement_goes_on_with_the_statement_before():
    found = statements("Egypt said on Monday that a new round would open next week. "
                       "In a video statement, Egypt said the crossing would stay open.")
    assert len(found) == 1, [(e.sentences, e.actors) for e in found]
    assert len(found[0].sentences) == 2


def test_the_same_interview_goes_on_with_the_saying_before():
    found = statements("Qatar said in an interview on Tuesday that the talks had made progress. "
                       "In the interview, Qatar said the gaps on the prisoners remained wide.")
    assert len(found) == 1, [(e.sentences, e.actors) for e in found]
    assert len(found[0].sentences) == 2


def test_a_second_saying_of_no_occasion_stays_one_statement():
    found = statements("Qatar said at a news conference on Tuesday that the talks had made "
                       "progress. Qatar also said that the gaps on the prisoners remained wide.")
    assert len(found) == 1, [(e.sentences, e.actors) for e in found]
    assert len(found[0].sentences) == 2
