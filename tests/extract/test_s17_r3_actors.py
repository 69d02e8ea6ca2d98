"""Who the actors of an event are when the text names a collective bare (session 17, round 3): "the
ministers", "the leaders", "the factions" stand for the bodies the text last said they are of ("the
foreign ministers of Egypt, Qatar and Jordan", "the leaders of the member states of the League of
Arab States", "the Palestinian factions"), and a statement's "we" is the collective that declares
"the following". Short texts written for the test."""

from __future__ import annotations

from tests.extract.sentences import draft, names, of_type


def test_bare_ministers_are_the_countries_whose_ministers_the_text_named():
    result = draft("Jordan hosted a meeting of the foreign ministers of Egypt, Qatar and Saudi "
                   "Arabia in Amman on Wednesday.\n\nThe ministers demanded an immediate "
                   "ceasefire in Gaza on Wednesday.")
    demand = of_type(result, "Demand")
    assert len(demand) == 1
    assert {"Egypt", "Qatar", "Saudi Arabia"} <= names(result, demand[0])


def test_bare_ministers_of_a_named_group_of_states_are_that_group():
    result = draft("Foreign ministers of the Group of Seven met in Tokyo on Wednesday.\n\n"
                   "The ministers called for the release of all the hostages on Wednesday.")
    demands = of_type(result, "Demand") + of_type(result, "Precondition")
    assert demands
    assert all("Group of Seven" in names(result, event) for event in demands)


def test_the_list_ends_where_the_running_text_goes_on():
    # "... of Egypt and Qatar met in Cairo, where Israel ...": Israel is no minister of the list
    result = draft("The foreign ministers of Egypt and Qatar met in Cairo, where Israel had sent "
                   "no one, on Wednesday.\n\nThe ministers rejected the plan on Wednesday.")
    rejection = of_type(result, "Rejection")
    assert len(rejection) == 1
    assert names(result, rejection[0]) == {"Egypt", "Qatar"}


def test_a_bare_collective_the_text_never_named_stays_without_actor():
    result = draft("The ministers rejected the plan on Wednesday.")
    assert all(not event.actors for event in result.events)


def test_the_factions_a_demonym_named_are_one_group():
    result = draft("The Palestinian factions met in Cairo on Wednesday.\n\nThe factions "
                   "rejected the plan on Wednesday.")
    rejection = of_type(result, "Rejection")
    assert len(rejection) == 1
    assert names(result, rejection[0]) == {"Palestinian factions"}


def test_the_factions_that_issue_the_following_statement_are_its_we():
    result = draft("Joint statement of the Palestinian factions meeting in Cairo\n\n"
                   "The factions issued the following statement:\n\n"
                   "First: We reject the plan.\n\nSecond: We call for an urgent meeting.")
    rejection, demand = of_type(result, "Rejection"), of_type(result, "Demand")
    assert len(rejection) == 1 and len(demand) == 1
    assert names(result, rejection[0]) == {"Palestinian factions"}
    assert names(result, demand[0]) == {"Palestinian factions"}


def test_the_leaders_who_declare_the_following_speak_for_the_body_they_are_of():
    result = draft("Final statement of the joint summit\n\n"
                   "The leaders of the member states of the League of Arab States met today in "
                   "Riyadh.\n\nHaving deliberated, the leaders declare the following:\n\n"
                   "First: We reject the siege of Gaza.")
    rejection = of_type(result, "Rejection")
    assert len(rejection) == 1
    assert names(result, rejection[0]) == {"League of Arab States"}


def test_israeli_ministers_are_israel():
    result = draft("Israeli ministers met on Wednesday.\n\nThe ministers rejected the plan on "
                   "Wednesday.")
    rejection = of_type(result, "Rejection")
    assert len(rejection) == 1
    assert names(result, rejection[0]) == {"Israel"}


def test_the_leadership_of_a_group_acts_as_the_group():
    result = draft("The leadership of Hamas rejected the new conditions on Monday.")
    rejection = of_type(result, "Rejection")
    assert len(rejection) == 1
    assert names(result, rejection[0]) == {"Hamas"}


def test_the_leaders_of_a_group_meet_as_the_group():
    result = draft("The leaders of Hamas met the mediators in Doha on Monday.")
    meeting = of_type(result, "Meeting")
    assert len(meeting) == 1
    assert "Hamas" in names(result, meeting[0])


def test_the_leader_of_a_group_named_in_apposition_is_the_person():
    # "the leader of Hamas, Yahya Sinwar, rejected": Sinwar, a person's post, not the leadership
    result = draft("The leader of Hamas, Yahya Sinwar, rejected the new conditions on Monday.")
    rejection = of_type(result, "Rejection")
    assert len(rejection) == 1
    assert "Yahya Sinwar" in names(result, rejection[0])
