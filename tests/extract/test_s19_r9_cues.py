"""Who speaks when the text names the speaker by a post or an honorific alone (session 19, round
9): "The Secretary-General stressed ...", "His Excellency stated ...", "the prime minister said"
are said by the one person the article named before with that post (as a title before the name,
in an apposition after it, or a known holder of the post); with two such persons, or none, no
one is guessed. And a sentence the writer labels as context ("Some context: ...") that tells an
act of the last week is proposed; one that counts "since" a date, or tells an older act, is not.
Short texts written for the test."""

from __future__ import annotations

from kb.extract import extract
from kb.extract.known import KnownActor
from tests.extract.sentences import ACTORS, DAY

NETANYAHU = KnownActor(id="benjamin-netanyahu", name="Benjamin Netanyahu", type="person",
                       titles=("Prime Minister",), organizations=("israel",))


def draft(text: str, known=ACTORS):
    return extract(text, DAY, actors=known)


def said_by(result, kind: str) -> list[set[str]]:
    """The names of the speakers of the events of type ``kind``, one set per event."""
    return [{result.actors[actor].name for actor, role in event.actors if role == "speaker"}
            for event in result.events if event.type == kind]


def test_a_post_in_an_apposition_names_the_speaker_of_a_later_sentence():
    result = draft("Maria Lindqvist, Secretary-General of the Nordic Council, arrived in Cairo "
                   "on Wednesday.\n\nThe Secretary-General stressed on Thursday that the "
                   "crossings must open.")
    assert {"Maria Lindqvist"} in said_by(result, "Statement")


def test_an_honorific_names_the_one_person_the_text_gave_it():
    result = draft("His Excellency Mr. Paolo Ferrante, Envoy of the Union, landed in Amman on "
                   "Wednesday.\n\nAt the hospital on Thursday, His Excellency appealed to all "
                   "sides to stop the fighting.")
    assert {"Paolo Ferrante"} in said_by(result, "Demand")


def test_a_title_before_the_name_names_a_governor_who_speaks_later():
    result = draft("He was received by the Governor of North Sinai, Ahmed Kamal Saleh, on "
                   "Wednesday.\n\nIn his welcoming words, the Governor reviewed the work of the "
                   "crossing and stated that 7,000 trucks were waiting.")
    assert {"Ahmed Kamal Saleh"} in said_by(result, "Statement")


def test_a_known_holder_of_the_post_named_without_it_is_the_prime_minister():
    result = draft("Netanyahu met his cabinet on Wednesday.\n\nThe fighting could end, the "
                   "prime minister said on Thursday, if the hostages came home.",
                   known=[*ACTORS, NETANYAHU])
    assert {"Benjamin Netanyahu"} in said_by(result, "Statement")


def test_two_persons_with_the_post_leave_the_speaker_unknown():
    result = draft("President Joe Biden called President Abdel Fattah al-Sisi on Wednesday.\n\n"
                   "The president said on Thursday that the talks would resume.")
    assert not any(speakers for speakers in said_by(result, "Statement")
                   if speakers & {"Joe Biden", "Abdel Fattah al-Sisi"})


def test_a_post_the_text_never_gave_anyone_names_no_speaker():
    result = draft("Talks resumed in Doha on Wednesday.\n\nThe Secretary-General said on "
                   "Thursday that the gaps were narrowing.")
    assert not any(said_by(result, "Statement"))


def test_a_possessive_post_is_no_title_of_the_person_before_it():
    result = draft("Sara Lavi, the prime minister's wife, dined with the envoy on Wednesday.\n\n"
                   "The prime minister said on Thursday that a deal was close.")
    assert {"Sara Lavi"} not in said_by(result, "Statement")


def test_a_labelled_context_that_tells_an_act_of_the_last_week_is_proposed():
    found = draft("Live: talks\nThursday 14 March 2024\nSome context: Netanyahu warned on "
                  "Monday that the army would enter Rafah.\nEgypt met Hamas in Cairo this "
                  "morning.", known=[*ACTORS, NETANYAHU]).events
    threats = [e for e in found if e.type == "Threat" and e.confidence >= 0.2]
    assert len(threats) == 1
    assert threats[0].date.edtf == "2024-03-11"


def test_a_labelled_context_of_an_older_act_stays_background():
    found = draft("Live: talks\nThursday 14 March 2024\nSome context: Netanyahu warned on "
                  "2 January that the army would enter Rafah.\nEgypt met Hamas in Cairo this "
                  "morning.", known=[*ACTORS, NETANYAHU]).events
    assert not [e for e in found if e.type == "Threat" and e.confidence >= 0.2]
