"""Bodies the text names by their kind (session 19, round 10): "the movement", "the Palestinian
group" and "the militant group" that act are the organisation the article set up; "the security
cabinet" is a body of its own. Round 10 counted these descriptions in the tuned sets' misses and
found them already resolved: these tests keep them so. Short texts written for the test."""

from __future__ import annotations

from tests.extract.sentences import draft, names, of_type


def test_the_movement_that_rejects_is_the_organisation_the_article_is_about():
    result = draft("Hamas received the new proposal from Egypt on Sunday.\n\n"
                   "The movement rejected the proposal on Monday.")
    rejection = of_type(result, "Rejection")
    assert len(rejection) == 1
    assert "Hamas" in names(result, rejection[0])


def test_the_palestinian_group_that_speaks_is_the_organisation_named_before():
    result = draft("Hamas received the new proposal from Egypt on Sunday.\n\n"
                   "The Palestinian group said on Monday that it would send a delegation to Cairo.")
    statements = of_type(result, "Statement")
    assert statements
    assert any("Hamas" in names(result, event) for event in statements)


def test_the_security_cabinet_is_a_body_of_its_own():
    result = draft("The security cabinet approved the agreement on Friday.")
    acceptance = of_type(result, "Acceptance")
    assert len(acceptance) == 1
    assert any("security cabinet" in name.lower() for name in names(result, acceptance[0]))


def test_the_militant_group_that_speaks_is_not_a_new_actor():
    result = draft("Hamas received the new proposal from Egypt on Sunday.\n\n"
                   "The militant group said on Monday that it would send a delegation to Cairo.")
    statements = of_type(result, "Statement")
    assert len(statements) == 1
    assert names(result, statements[0]) == {"Hamas"}
