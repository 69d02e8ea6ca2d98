"""A sentence without a date in the simple present tells of the day the text speaks from
(session 17): "Israel is warned: ..." after "a strike on 1 April" is a warning of the statement's
own day, not of 1 April. Not what a document says ("The text demands ..."), nor a sentence with a
verb in the past. Short texts written for the test; published Sunday 14 April 2024."""

from __future__ import annotations

from datetime import date

from tests.extract.sentences import events, one

SUNDAY = date(2024, 4, 14)
TOP = "Statement of the movement\n\nSunday, 14 April 2024\n\n" \
      "Israel killed our commander in a strike on 1 April.\n\n"


def test_a_warning_in_the_present_is_of_the_text_s_day():
    found = events(TOP + "Israel is warned: any new aggression will be answered with greater "
                   "force.", published=SUNDAY)
    assert one(found, "Killing").date.edtf == "2024-04-01"
    assert one(found, "Threat").date.edtf == "2024-04-14"


def test_a_rejection_in_the_present_is_of_the_text_s_day():
    found = events(TOP + "Hamas rejects the Israeli proposal.", published=SUNDAY)
    assert one(found, "Rejection").date.edtf == "2024-04-14"


def test_a_warning_in_the_past_goes_on_from_the_day_before_it():
    found = events(TOP + "Israel warned that any new aggression would be answered with greater "
                   "force.", published=SUNDAY)
    assert one(found, "Threat").date.edtf == "2024-04-01"


def test_a_present_sentence_with_a_verb_in_the_past_goes_on_from_the_day_before_it():
    found = events("Israel kills commander\n\nIsrael killed our commander in a strike on 1 April. "
                   "Hamas rejects the Israeli proposal, which Israel presented in Cairo.",
                   published=SUNDAY)
    assert one(found, "Rejection").date.edtf == "2024-04-01"


def test_what_a_document_says_in_the_present_is_not_of_the_text_s_day():
    found = events("Council news\n\nThe Security Council adopted the resolution on Friday. The "
                   "text demands the release of all hostages.", published=SUNDAY)
    # the text speaks for the council (a resolution's demand is the council's), so its demand may
    # be told as one event with the adoption: whichever sentence it cites first, it is of Friday
    demand = next(e for e in found if e.type == "Demand")
    assert demand.date.earliest == date(2024, 4, 12)
