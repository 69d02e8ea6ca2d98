"""When the events of a text happened: the text's own reference time (its date line, the day
headings of a round-up, a live blog's day) and dates relative to other events ("the Tuesday
before", "the previous Wednesday", "that evening"). Short texts written for the test."""

from __future__ import annotations

from datetime import date

from tests.extract.sentences import events, ids, one

SATURDAY = date(2024, 3, 16)  # a round-up's day, a Saturday

# --- a round-up's day headings --------------------------------------------------------------------


def test_a_heading_in_capitals_dates_its_paragraph():
    found = events("The week in the talks\nSaturday 16 March 2024\n\nTUESDAY 12 MARCH\n"
                   "Qatar said the talks had stalled.\n\nWEDNESDAY 13 MARCH\n"
                   "Egypt rejected the Israeli paper.\n", SATURDAY)
    assert one(found, "Statement").date.edtf == "2024-03-12"
    assert one(found, "Rejection").date.edtf == "2024-03-13"


def test_weekday_headings_in_capitals_follow_each_other_up_to_the_publication():
    found = events("The week in the talks\nSaturday 16 March 2024\n\nSATURDAY\n"
                   "Qatar said the talks had stalled.\n\nTUESDAY\n"
                   "Egypt rejected the Israeli paper.\n", SATURDAY)
    assert one(found, "Statement").date.edtf == "2024-03-09"  # the Saturday before, not today
    assert one(found, "Rejection").date.edtf == "2024-03-12"


def test_a_heading_of_two_days_dates_its_paragraph_with_both():
    found = events("The week in the talks\nSaturday 16 March 2024\n\nWEDNESDAY 13 MARCH\n"
                   "Egypt rejected the Israeli paper.\n\nTHURSDAY AND FRIDAY\n"
                   "Qatar said the talks had stalled.\n", SATURDAY)
    assert one(found, "Statement").date.edtf == "2024-03-14/2024-03-15"


def test_that_evening_under_a_heading_is_the_heading_s_day_not_a_past_perfect_s():
    found = events("The week in the talks\nSaturday 16 March 2024\n\nTUESDAY 12 MARCH\n"
                   "The group restated the terms it had set out on 2 February. "
                   "William Burns met Egypt's intelligence chief in Cairo that evening.\n", SATURDAY)
    assert one(found, "Meeting").date.edtf == "2024-03-12"


def test_a_plan_for_the_next_day_does_not_move_the_day_the_text_is_at():
    found = events("The week in the talks\nSaturday 16 March 2024\n\nTUESDAY 12 MARCH\n"
                   "Hamas said its team would fly to Cairo the next day. "
                   "Its statement rejected the Israeli paper.\n", SATURDAY)
    assert one(found, "Rejection").date.edtf == "2024-03-12"


# --- a weekday counted from the day the story is at -------------------------------------------------


def test_the_weekday_before_is_the_one_before_the_day_the_story_is_at():
    found = events("On Saturday, Hamas met Islamic Jihad in Cairo. "
                   "Hamas had said on the Tuesday before that a deal was close.", SATURDAY)
    statement = one(found, "Statement")
    assert statement.date.edtf == "2024-03-12" and "hamas" in ids(statement)


def test_the_previous_weekday_is_the_one_before_the_day_the_story_is_at():
    found = events("On Saturday 9 March, Qatar said the talks had stalled. "
                   "The previous Wednesday, Egypt rejected the Israeli paper.", SATURDAY)
    assert one(found, "Rejection").date.edtf == "2024-03-06"


def test_months_to_the_day_after_a_dated_event_count_from_its_date():
    found = events("On Sunday 10 March, Qatar said the talks had stalled. "
                   "Five months to the day after the 7 October attack, Egypt rejected the Israeli "
                   "paper.", SATURDAY)
    assert one(found, "Rejection").date.edtf == "2024-03-07"


# --- a live blog's day --------------------------------------------------------------------------


def test_a_live_blog_s_top_line_dates_it_though_more_follows_on_the_line():
    found = events("Gaza: the vote, as it happened\n\nMonday 10 June 2024. All times BST.\n\n"
                   "21:12\nHamas has welcomed the resolution.\n", date(2024, 6, 10))
    assert one(found, "Statement").date.edtf == "2024-06-10"  # not the week up to it


def test_a_live_blog_s_entries_past_midnight_are_of_the_next_day():
    found = events("Live: the exchange\nSaturday 8 February 2025 - live updates from our teams\n\n"
                   "19:20 Qatar says the exchange went smoothly.\n\n"
                   "00:20 A summary of yesterday: Egypt said the talks had stalled.\n\n"
                   "00:45 Israel rejected the Hamas list.\n", date(2025, 2, 8))
    assert {e.date.edtf for e in found if e.type == "Statement" and "egypt" in ids(e)} == \
        {"2025-02-08"}  # "yesterday" from the entry's day
    assert one(found, "Rejection").date.edtf == "2025-02-09"


def test_a_live_blog_newest_first_stays_on_its_day():
    found = events("Live: the vote\nMonday 10 June 2024 - live updates\n\n"
                   "22:41 Hamas says it welcomes the text.\n\n"
                   "19:52 Egypt rejected the Israeli paper.\n", date(2024, 6, 10))
    assert one(found, "Rejection").date.edtf == "2024-06-10"


# --- a day named without its year ----------------------------------------------------------------


def test_a_day_without_a_year_in_a_narrative_s_would_is_days_back_not_a_year_ahead():
    from kb.extract.timex import find_time_expressions
    [back] = find_time_expressions("The pause would be extended on 2 March.", date(2024, 3, 10))
    assert back.edtf == "2024-03-02"
    [ahead] = find_time_expressions("The envoys will meet on 2 March.", date(2024, 5, 10))
    assert ahead.edtf == "2025-03-02"


def test_a_day_the_text_names_wins_over_the_words_that_describe_it():
    found = events("On Sunday 10 March, Qatar said the talks had stalled. In the early hours of "
                   "2 March, the day after the first phase ran out, Israel rejected the Hamas list.",
                   SATURDAY)
    assert one(found, "Rejection").date.edtf == "2024-03-02"


def test_hours_after_our_act_count_from_the_day_of_that_act():
    found = events("Q: What did you tell the mediators?\nA: We accepted the proposal on Saturday "
                   "9 March. On Monday 11 March we met the Egyptians in Cairo. Israel rejected it "
                   "a few hours after our acceptance.", SATURDAY)
    assert one(found, "Rejection").date.edtf == "2024-03-09/2024-03-10"


# --- an official text's saying and the words that go on with it -------------------------------------

RELEASE = ("Press release\nDoha, 14 March 2024\n"
           "The Prime Minister received the Egyptian foreign minister in Doha today. "
           "The Prime Minister said that the talks had been held in Cairo on Sunday, 10 March. "
           "The answer of Hamas was delivered to the mediators on Tuesday, 12 March. "
           "He added that Qatar rejected the Israeli paper.\n")


def test_words_that_go_on_with_a_saying_are_of_its_day_not_of_the_dates_it_gave():
    rejection = one(events(RELEASE), "Rejection")
    assert rejection.date.edtf == "2024-03-14" and "qatar" in ids(rejection)


def test_hours_earlier_in_the_day_are_that_day():
    found = events("Press release\nDoha, 14 March 2024\nThe Egyptian minister said that he had "
                   "met Ismail Haniyeh three hours earlier in the day.\n")
    assert one(found, "Meeting").date.edtf == "2024-03-14"


# --- counted from an event -----------------------------------------------------------------------


def test_hours_after_an_event_the_text_never_dated_are_the_day_the_story_is_at():
    found = events("CAIRO, March 14 (Wire) - Egypt met Hamas and Qatar in Cairo on Thursday. "
                   "The meeting opened hours after the heaviest exchange of fire in months.")
    assert one(found, "Meeting").date.edtf == "2024-03-14"  # not the day after the text's


def test_days_counted_in_words_past_ten():
    found = events("On Saturday 2 March, an Israeli strike hit Rafah. Twelve days after the strike, "
                   "Egypt rejected the Israeli paper.")
    assert one(found, "Rejection").date.edtf == "2024-03-14"


def test_a_thing_that_added_to_something_goes_on_with_no_saying():
    found = events("Press release\nDoha, 14 March 2024\nThe Prime Minister said today that the "
                   "talks would go on. The answer of Hamas was delivered on Tuesday, 12 March. "
                   "Its tone added to the gloom, and Qatar rejected the Israeli paper.\n")
    assert one(found, "Rejection").date.earliest == date(2024, 3, 12)


def test_since_the_day_an_event_carries_is_a_span_not_the_day_the_story_goes_on_from():
    found = events("WASHINGTON, March 14 (Wire) - Egypt rejected the Israeli paper on Thursday. "
                   "Hours earlier William Burns, on his sixth trip to the region since the Oct. 7 "
                   "attack, met Abbas Kamel in Cairo. He flew on to Israel and met Benjamin Netanyahu "
                   "in the evening.")
    meetings = [e for e in found if e.type == "Meeting" and "benjamin-netanyahu" in ids(e)]
    assert [e.date.earliest >= date(2024, 3, 13) for e in meetings] == [True]


def test_a_live_blog_newest_first_past_midnight_goes_back_a_day():
    found = events("Live: the talks\nSunday 9 June 2024 - live updates\n\n"
                   "00:40 Israel rejected the Hamas list.\n\n"
                   "23:50 Egypt says the next round is set.\n\n"
                   "22:10 Qatar rejected the Israeli paper.\n", date(2024, 6, 9))
    rejections = {e.date.edtf for e in found if e.type == "Rejection"}
    assert rejections == {"2024-06-09", "2024-06-08"}


def test_in_the_afternoon_opening_a_sentence_is_the_day_the_story_is_at():
    found = events("On Sunday 10 March, Qatar said the talks had stalled. In the afternoon Hamas "
                   "fired rockets at Tel Aviv.", SATURDAY)
    assert one(found, "Attack").date.edtf == "2024-03-10"  # not up to the publication
