"""The public calendar's rules: which days are evenings, the breaks, "closed until …", summer
time, the turn of the year, and a schedule with no evenings at all."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from assessor.domain.calendar import (
    Break,
    CalendarError,
    Schedule,
    checked,
    checked_break,
    closed_until,
    email_key,
    evening_at,
    is_evening,
    next_evenings,
)

TUESDAYS = Schedule(place="Biblioteket, rum 3")
CHRISTMAS = Break(date(2026, 12, 21), date(2027, 1, 6), "Jul och nyår")
SUMMER = Break(date(2027, 6, 21), date(2027, 8, 15), "Sommaruppehåll")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def with_breaks(*breaks: Break) -> Schedule:
    return Schedule(place="Rum 3", breaks=breaks)


def test_the_default_is_tuesdays_from_five_to_seven():
    evenings = next_evenings(TUESDAYS, at(2026, 12, 2, 12), 3)
    assert [e.day for e in evenings] == [date(2026, 12, 8), date(2026, 12, 15),
                                         date(2026, 12, 22)]
    assert all(e.day.weekday() == 1 for e in evenings)


def test_seventeen_on_the_swedish_clock_is_sixteen_utc_in_winter_and_fifteen_in_summer():
    winter = next_evenings(TUESDAYS, at(2027, 3, 23, 12), 2)
    assert winter[0].starts_at == at(2027, 3, 23, 16) and winter[0].ends_at == at(2027, 3, 23, 18)
    # summer time begins on Sunday 28 March 2027: the next Tuesday is still at 17:00 in Sweden
    assert winter[1].day == date(2027, 3, 30) and winter[1].starts_at == at(2027, 3, 30, 15)


def test_summer_time_ending_moves_the_utc_hour_back():
    evenings = next_evenings(TUESDAYS, at(2026, 10, 20, 12), 2)
    assert [e.starts_at for e in evenings] == [at(2026, 10, 20, 15), at(2026, 10, 27, 16)]


def test_an_evening_going_on_is_still_the_next_one_and_an_ended_one_is_not():
    during = next_evenings(TUESDAYS, at(2026, 12, 8, 17), 1)  # 18:00 in Sweden
    after = next_evenings(TUESDAYS, at(2026, 12, 8, 18), 1)  # 19:00: it has ended
    assert during[0].day == date(2026, 12, 8)
    assert after[0].day == date(2026, 12, 15)


def test_evenings_in_a_break_across_the_new_year_are_left_out():
    evenings = next_evenings(with_breaks(CHRISTMAS), at(2026, 12, 10, 12), 3)
    assert [e.day for e in evenings] == [date(2026, 12, 15), date(2027, 1, 12),
                                         date(2027, 1, 19)]


def test_closed_until_when_the_next_evening_falls_in_a_break():
    closure = closed_until(with_breaks(CHRISTMAS), at(2026, 12, 16, 12))
    assert closure is not None
    assert closure.reason == "Jul och nyår" and closure.until == date(2027, 1, 12)


def test_not_closed_when_the_next_evening_takes_place():
    assert closed_until(with_breaks(CHRISTMAS), at(2026, 12, 10, 12)) is None
    assert closed_until(with_breaks(CHRISTMAS), at(2027, 1, 7, 12)) is None


def test_a_break_that_starts_on_the_evening_itself_closes_it():
    one_evening = Break(date(2026, 12, 8), date(2026, 12, 8), "Personaldag")
    closure = closed_until(with_breaks(one_evening), at(2026, 12, 8, 10))
    assert closure is not None and closure.until == date(2026, 12, 15)
    assert not is_evening(with_breaks(one_evening), date(2026, 12, 8))


def test_breaks_that_follow_one_another_are_passed_together():
    schedule = with_breaks(CHRISTMAS, Break(date(2027, 1, 7), date(2027, 1, 20), "Planering"))
    closure = closed_until(schedule, at(2026, 12, 20, 12))
    assert closure is not None and closure.until == date(2027, 1, 26)


def test_no_evenings_at_all_when_breaks_cover_the_whole_horizon():
    schedule = with_breaks(Break(date(2026, 12, 1), date(2027, 11, 30), "Paus"),
                           Break(date(2027, 12, 1), date(2028, 11, 30), "Paus"),
                           Break(date(2028, 12, 1), date(2029, 6, 1), "Paus"))
    assert next_evenings(schedule, at(2026, 12, 2, 12), 4) == []
    closure = closed_until(schedule, at(2026, 12, 2, 12))
    assert closure is not None and closure.until is None


def test_a_cancelled_evening_stays_in_the_list_with_its_reason():
    evenings = next_evenings(TUESDAYS, at(2026, 12, 2, 12), 2, {date(2026, 12, 8): "Sjuk"})
    assert [(e.day, e.cancelled) for e in evenings] == [(date(2026, 12, 8), "Sjuk"),
                                                        (date(2026, 12, 15), "")]


def test_another_weekday_and_time():
    thursdays = Schedule(weekday=3, starts=time(18, 30), ends=time(20, 0), place="Rum 1")
    evening = next_evenings(thursdays, at(2026, 12, 2, 12), 1)[0]
    assert evening.day == date(2026, 12, 3) and evening.starts_at == at(2026, 12, 3, 17, 30)


@pytest.mark.parametrize(("day", "now", "code"), [
    (date(2026, 12, 9), at(2026, 12, 2), "not_an_evening"),  # a Wednesday
    (date(2026, 12, 1), at(2026, 12, 2), "past"),
    (date(2026, 12, 22), at(2026, 12, 2), "not_an_evening"),  # in the Christmas break
    (date(2029, 12, 4), at(2026, 12, 2), "not_an_evening"),  # beyond the horizon
])
def test_only_coming_evenings_can_be_signed_up_for_or_cancelled(day, now, code):
    with pytest.raises(CalendarError) as raised:
        evening_at(with_breaks(CHRISTMAS), day, now)
    assert raised.value.code == code


@pytest.mark.parametrize(("schedule", "code"), [
    (Schedule(weekday=7, place="Rum"), "weekday"),
    (Schedule(starts=time(19), ends=time(17), place="Rum"), "ends_first"),
    (Schedule(place="  "), "no_place"),
    (Schedule(remote=True, video_link="javascript:alert(1)"), "bad_link"),
])
def test_a_schedule_that_cannot_work_is_refused(schedule, code):
    with pytest.raises(CalendarError) as raised:
        checked(schedule)
    assert raised.value.code == code


def test_a_remote_schedule_keeps_its_link_and_no_place():
    schedule = checked(Schedule(place="Rum 3", remote=True, video_link=" https://m.se/x "))
    assert schedule.place == "" and schedule.video_link == "https://m.se/x"


@pytest.mark.parametrize(("item", "code"), [
    (Break(date(2027, 1, 6), date(2026, 12, 21), "Jul"), "break_order"),
    (Break(date(2026, 1, 1), date(2027, 6, 1), "Lång"), "break_long"),
    (Break(date(2026, 12, 21), date(2027, 1, 6), "   "), "reason"),
    (Break(date(1, 1, 1), date(1, 1, 2), "Förr"), "out_of_range"),
])
def test_a_break_that_cannot_be_is_refused(item, code):
    with pytest.raises(CalendarError) as raised:
        checked_break(item)
    assert raised.value.code == code


def test_addresses_are_compared_without_case_or_spaces():
    assert email_key(" Kim@Exempel.SE ") == email_key("kim@exempel.se")
