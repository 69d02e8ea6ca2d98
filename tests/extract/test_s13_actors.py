"""Who the actors of an event are, on short texts written for the test: the interviewee of a
question-and-answer text, the issuer of a document, first-person possessives, appositions,
descriptions, and capitalised words that name no actor."""

from __future__ import annotations

from datetime import date

from kb.extract import extract
from tests.extract.sentences import ACTORS, DAY, events, ids, one

INTERVIEW = """Talks stall again over the exchange
Yusuf Karimi, a senior member of Hamas's negotiating team, on the state of the talks
By our correspondent in Beirut, 3 March 2025

We reached Yusuf Karimi by phone on Sunday evening.

Q: Where do the talks stand?
A: On Friday we rejected the new paper from the mediators. On Saturday Israel killed our \
colleague Tariq Mansour in a strike on his car.
"""


def test_the_person_an_interview_introduces_speaks_for_the_body_an_apposition_names():
    found = events(INTERVIEW, date(2025, 3, 3))
    rejection = one(found, "Rejection")
    assert "hamas" in ids(rejection)
    assert rejection.date.edtf == "2025-02-28"


def test_our_colleague_named_after_the_verb_is_the_victim_not_the_speaker():
    found = events(INTERVIEW, date(2025, 3, 3))
    killing = one(found, "Killing")
    assert ids(killing) == {"israel", "tariq-mansour"}
    assert killing.date.edtf == "2025-03-01"


RELEASE = """Arab Republic of Egypt
Ministry of Foreign Affairs
Press Release

Cairo, 3 March 2025

We call on the international community to press for the reopening of the crossings.
"""


def test_a_document_headed_by_a_body_and_its_kind_speaks_for_that_body():
    demand = one(events(RELEASE, date(2025, 3, 3)), "Demand")
    assert "egypt" in ids(demand)
    assert demand.date.edtf == "2025-03-03"


STATEMENT = """Hamas
Press statement

Second: The Movement rejected on Monday the paper the mediators sent.
"""


def test_the_movement_of_a_translated_statement_is_its_group_and_an_ordinal_no_name():
    found = events(STATEMENT, date(2025, 3, 5))
    rejection = one(found, "Rejection")
    assert ids(rejection) == {"hamas"}
    assert rejection.date.edtf == "2025-03-03"


def test_the_holder_named_after_a_post_for_a_body_speaks():
    found = events("The spokesman for the Ministry of Foreign Affairs, Ambassador Karim Nassar, "
                   "said on Tuesday that Egypt was following the talks.")
    statement = one(found, "Statement")
    assert "karim-nassar" in ids(statement)
    assert statement.date.edtf == "2024-03-12"


def test_a_day_heading_in_capitals_and_a_holiday_name_are_no_actors():
    found = events("MONDAY 11 MARCH\nThe group said in a statement that it would study the paper. "
                   "On the eve of Eid al-Adha, Hamas said it would answer.")
    named = {actor for event in found for actor in ids(event)}
    assert named == {"hamas"}


def test_the_body_in_an_apposed_post_is_not_the_speaker():
    statement = one(events("Dana Fields, the Qatar Airways press secretary, said on Tuesday "
                           "that talks with Hamas had been held."), "Statement")
    assert "dana-fields" in ids(statement)
    assert "qatar-airways" not in ids(statement)


def test_the_group_is_the_one_its_sentence_named_even_when_new_to_the_knowledge_base():
    found = events("Hamas said on Monday it was studying the paper. Israeli jets struck "
                   "Hezbollah positions overnight, and the group said on Wednesday it had lost "
                   "two fighters.")
    statements = [e for e in found if e.type == "Statement" and "hezbollah" in ids(e)]
    assert len(statements) == 1
    assert "hamas" not in ids(statements[0])


def test_a_name_before_a_kind_of_place_is_no_actor():
    found = events("The three hostages freed in Gaza on Saturday are at Soroka and Assuta hospitals.",
                   min_confidence=0.0)
    assert [ids(event) for event in found] == [set()]


def test_people_named_only_by_the_country_they_are_in_are_that_country():
    found = events("On Tuesday the brothers in Qatar handed us a new proposal. On Wednesday "
                   "Hamas leaders in Qatar rejected the proposal.")
    assert "qatar" in ids(one(found, "Offer"))
    assert "qatar" not in ids(one(found, "Rejection"))


QUESTION = """A long wait in Doha
Rami Haddad, a senior member of Hamas's negotiating team, on the new paper

We reached Rami Haddad by phone on Sunday.

Q: The American envoy called your offer of early March unworkable. Why?
A: He wants everything for nothing.
"""


def test_your_offer_in_a_question_is_the_interviewee_side_s():
    offer = one(events(QUESTION, date(2025, 3, 16)), "Offer")
    assert "hamas" in ids(offer)


def test_told_us_in_an_answer_does_not_make_a_new_interviewee():
    text = QUESTION + "\nQ: And Washington?\nA: Their envoy Dan Morrow told us on Friday to wait. " \
        "On Saturday we rejected the new paper.\n"
    rejection = one(events(text, date(2025, 3, 16)), "Rejection")
    assert "hamas" in ids(rejection)
    assert "dan-morrow" not in ids(rejection)


def test_a_plural_common_noun_opening_a_sentence_is_no_name():
    found = events("Soldiers of an armoured brigade attacked a house in Rafah on Tuesday.",
                   min_confidence=0.0)
    assert [ids(event) for event in found] == [set()]


def test_a_byline_names_no_actor_for_a_later_he():
    text = ("Talks resume in Cairo\n\nBy our Gulf Affairs staff\n\nWho was killed? The strike "
            "on Tuesday killed a Hamas commander. How was he killed?\n")
    found = events(text, min_confidence=0.0)
    assert all("gulf-affairs" not in ids(event) for event in found)


def test_the_movement_of_a_statement_is_its_issuer_even_after_another_group():
    text = STATEMENT + ("Third: Our brothers of the Islamic Jihad movement stand behind the "
                        "Movement's proposal of Tuesday.\n")
    offer = one(events(text, date(2025, 3, 5)), "Offer")
    assert ids(offer) == {"hamas"}
    assert offer.date.edtf == "2025-03-04"


def test_an_agency_by_its_acronym_before_a_kind_of_place_stays_an_actor():
    draft = extract("The Israeli strike on UNRWA schools in Gaza on Tuesday killed a Hamas "
                    "commander, Hamas said.", DAY, actors=ACTORS)
    assert "unrwa" in draft.actors
    assert "gaza" not in draft.actors


def test_the_plural_of_a_bare_people_adjective_is_no_actor():
    found = events("Two guards killed in Gaza as Christians mark Easter.", min_confidence=0.0)
    assert all("christians" not in ids(event) for event in found)
