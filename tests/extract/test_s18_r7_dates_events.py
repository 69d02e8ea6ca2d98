"""Dates on the shapes the fresh sets of session 18 (round 7) showed wrong. Short texts written
for the test:

- "X reported Thursday, two days after the team was recalled": the words after "two days after"
  date only the recall (two days before Thursday); the story stays at Thursday, so the sentences
  after it are of Thursday, not of the earlier day (nor a window from it);
- under a day heading ("SUNDAY 18 AUGUST"), "Two days after the mediators handed over a text,
  Hamas gave its verdict", the handing not dated by the text: the verdict is of the heading's
  day, not two days after it, and so are the sentences that go on from it;
- under a day heading, a sentence cut at a semicolon ("Iran fired drones overnight; almost all
  were shot down") is not a heading of another kind that ends the section: "overnight" and
  "on Saturday night" in it and after it are read from the heading's day, not the publication's;
- "Earlier that morning he had seen X" after a sentence that named "last week" (of a proposal
  put forward then): that morning is of the last day the story was at, not a week.
"""

from __future__ import annotations

from datetime import date

from tests.extract.sentences import events, one

THURSDAY = date(2025, 5, 22)


def test_the_sentences_after_a_day_two_days_after_a_clause_stay_at_that_day():
    text = ("The Coastal Daily | Thursday, May 22, 2025\n\n"
            "JERUSALEM - Israel will bring its whole delegation home from Doha, Channel 13 "
            "reported Thursday, two days after the senior members of the team were recalled.\n\n"
            "Netanyahu said the army would keep fighting.\n")
    found = events(text, published=THURSDAY)
    assert one(found, "Statement").date.edtf == "2025-05-22"


def test_a_sentence_after_a_day_two_days_after_a_clause_starts_from_that_day():
    # no day of its own: a window from Tuesday (the story's day) up to the publication, not
    # from the Sunday of the proposal
    text = ("Israel's negotiators flew back to Jerusalem on Tuesday, two days after the mediators "
            "handed them a new proposal.\n\n"
            "Netanyahu said the army would keep fighting.\n")
    found = events(text, published=THURSDAY)
    statement = one(found, "Statement")
    assert statement.date.earliest == date(2025, 5, 20)
    assert statement.date.latest == THURSDAY


def test_a_day_after_a_clause_without_a_day_before_it_still_dates_the_sentence():
    # the expression alone, opening the sentence: it is the main clause's day (a day after the
    # talks of Monday), and the story goes on from it
    text = ("The talks opened in Cairo on Monday.\n\n"
            "A day after the talks opened, Netanyahu said the army would keep fighting.\n")
    found = events(text, published=THURSDAY)
    assert one(found, "Statement").date.edtf == "2025-05-20"


def test_under_a_day_heading_n_days_after_an_undated_event_is_the_heading_day():
    text = ("The week in the talks\n"
            "Published Saturday 24 August 2024.\n\n"
            "SUNDAY 18 AUGUST\n"
            "Two days after the mediators in Doha handed both sides a new text, Hamas gave its "
            "verdict. In a statement the movement said the new text met Netanyahu's conditions.\n\n"
            "MONDAY 19 AUGUST\n"
            "Blinken met Netanyahu in Jerusalem.\n")
    found = events(text, published=date(2024, 8, 24))
    statement = one(found, "Statement")  # (that day, or the night after: a saying goes on)
    assert statement.date.earliest == date(2024, 8, 18)
    assert statement.date.latest <= date(2024, 8, 19)
    assert one(found, "Meeting").date.edtf == "2024-08-19"


def test_a_sentence_cut_at_a_semicolon_does_not_end_a_day_section():
    text = ("The week in the talks\n"
            "Weekly round-up, Saturday 20 April 2024.\n\n"
            "SUNDAY 14 APRIL\n\n"
            "The week began with the skies over Israel lit up. Iran fired more than 300 drones "
            "and missiles at Israel overnight; almost all were shot down by Israel and its "
            "allies. Hamas had announced on Saturday night that it had delivered its response "
            "to the mediators.\n")
    found = events(text, published=date(2024, 4, 20))
    attack = one(found, "Attack")
    assert (attack.date.earliest, attack.date.latest) == (date(2024, 4, 13), date(2024, 4, 14))
    assert all(event.date.latest <= date(2024, 4, 14) for event in found), \
        [(event.type, event.date.edtf) for event in found]


def test_that_morning_is_of_the_last_day_told_not_of_a_week_named_since():
    text = ("Bridgewater Weekly | Wednesday 21 August 2024\n\n"
            "Q: Start with Monday. What happened in Jerusalem?\n\n"
            "A: Blinken spent two hours with Prime Minister Benjamin Netanyahu. Afterwards he "
            "told reporters that Israel accepts the proposal the mediators put forward in Doha "
            "last week.\n\n"
            "Earlier that morning he had met President Isaac Herzog in Tel Aviv.\n")
    found = events(text, published=date(2024, 8, 21))
    herzog = [event for event in found if event.type == "Meeting"
              and "Herzog" in event.sentences[0]]
    assert [event.date.edtf for event in herzog] == ["2024-08-19"]
