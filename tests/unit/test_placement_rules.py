"""Placements from data alone: kinds and degree, states and their steps, the follow-up
schedule, overdue follow-ups and the IPS waiting figures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from assessor.domain.placements import (
    Degree,
    EndReason,
    KindError,
    PlacementKind,
    PlacementState,
    Step,
    StepError,
    Terms,
    add_months,
    at_work_on,
    check_step,
    days_late,
    figures,
    is_overdue,
    next_states,
    percent_of_full_time,
    schedule,
)

START = date(2025, 1, 31)
TODAY = date(2025, 3, 1)


def test_forty_hours_is_full_time_and_twenty_is_half():
    assert percent_of_full_time(40) == 100
    assert percent_of_full_time(20) == 50
    assert percent_of_full_time(4) == 10
    assert percent_of_full_time(None) is None


def test_four_paid_hours_count_as_a_gain_and_half_time_reaches_the_goal():
    assert Terms.of("employment", "wage_subsidy", 3.5).degree is Degree.BELOW_GAIN
    assert Terms.of("employment", "wage_subsidy", 4).degree is Degree.GAIN
    assert Terms.of("employment", "unsubsidised", 19.5).degree is Degree.GAIN
    assert Terms.of("employment", "unsubsidised", 20).degree is Degree.GOAL


def test_an_employment_needs_its_form_and_a_praktik_has_none():
    with pytest.raises(KindError):
        Terms.of("employment")
    with pytest.raises(KindError):
        Terms.of("praktik", "wage_subsidy")
    assert Terms.of("praktik", "wage_subsidy", employed=True).form == "wage_subsidy"


@pytest.mark.parametrize("hours", [0, -1, 61])
def test_hours_outside_a_week_are_refused(hours):
    with pytest.raises(KindError):
        Terms.of("praktik", None, hours)


def test_every_kind_the_programmes_use_is_known():
    assert {kind.value for kind in PlacementKind} == {
        "praktik", "uppdrag", "social_enterprise", "uppdragstjanst", "employment"}


def history(*states: tuple[str, date]) -> list[Step]:
    return [Step(PlacementState(state), day) for state, day in states]


def test_a_praktik_goes_from_proposed_to_started_to_employed_to_ended():
    steps = history(("proposed", date(2025, 1, 2)))
    for new in (Step(PlacementState.INTERVIEW, date(2025, 1, 9)),
                Step(PlacementState.STARTED, date(2025, 1, 20)),
                Step(PlacementState.EMPLOYED, date(2025, 2, 20)),
                Step(PlacementState.ENDED, date(2025, 2, 28), EndReason.STUDIES)):
        check_step(steps, PlacementKind.PRAKTIK, new, TODAY)
        steps.append(new)


def test_an_ended_placement_goes_nowhere():
    steps = history(("proposed", START), ("ended", START))
    with pytest.raises(StepError) as raised:
        check_step(steps, PlacementKind.PRAKTIK, Step(PlacementState.STARTED, TODAY), TODAY)
    assert raised.value.code == "not_allowed"


def test_an_employment_starts_as_employed_never_as_started():
    assert PlacementState.STARTED not in next_states(PlacementState.PROPOSED,
                                                     PlacementKind.EMPLOYMENT)
    assert PlacementState.STARTED in next_states(PlacementState.PROPOSED,
                                                 PlacementKind.PRAKTIK)


def test_a_step_cannot_be_dated_before_the_last_one_or_in_the_future():
    steps = history(("proposed", date(2025, 2, 1)))
    for day, code in ((date(2025, 1, 31), "before_last"), (TODAY + timedelta(days=1), "future")):
        with pytest.raises(StepError) as raised:
            check_step(steps, PlacementKind.PRAKTIK, Step(PlacementState.STARTED, day), TODAY)
        assert raised.value.code == code


def test_only_an_end_has_a_reason_and_an_end_always_has_one():
    steps = history(("proposed", START))
    for step in (Step(PlacementState.ENDED, TODAY),
                 Step(PlacementState.STARTED, TODAY, EndReason.HEALTH)):
        with pytest.raises(StepError):
            check_step(steps, PlacementKind.PRAKTIK, step, TODAY)


def test_the_end_reasons_include_health_interest_studies_and_the_hand_over_to_sius():
    assert {"health", "interest", "studies", "handed_over"} <= {r.value for r in EndReason}


def test_someone_is_at_work_between_the_start_and_the_end():
    steps = history(("proposed", date(2025, 1, 1)), ("started", date(2025, 1, 10)),
                    ("ended", date(2025, 2, 1)))
    assert not at_work_on(steps, date(2025, 1, 9))
    assert at_work_on(steps, date(2025, 1, 31))
    assert not at_work_on(steps, date(2025, 2, 1))


def test_follow_ups_are_weekly_the_first_month_then_monthly_for_six_months():
    due = schedule(date(2025, 1, 6))
    assert due[:4] == [date(2025, 1, 13), date(2025, 1, 20), date(2025, 1, 27),
                       date(2025, 2, 3)]
    assert due[4:] == [date(2025, 3, 6), date(2025, 4, 6), date(2025, 5, 6), date(2025, 6, 6),
                       date(2025, 7, 6)]


def test_a_longer_follow_up_period_adds_monthly_follow_ups_and_a_shorter_one_is_refused():
    assert schedule(START, date(2025, 10, 1))[-2:] == [date(2025, 8, 31), date(2025, 9, 30)]
    with pytest.raises(ValueError):
        schedule(START, date(2025, 6, 30))


def test_a_month_later_than_the_31st_is_the_months_last_day():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 12, 15), 2) == date(2025, 2, 15)


def test_a_follow_up_is_overdue_the_day_after_it_was_due_unless_it_was_held():
    due = date(2025, 2, 3)
    assert not is_overdue(due, held=False, today=due)
    assert is_overdue(due, held=False, today=due + timedelta(days=1))
    assert not is_overdue(due, held=True, today=due + timedelta(days=10))
    assert days_late(due, due + timedelta(days=5)) == 5


def test_the_waits_between_steps_are_flagged_beyond_two_weeks():
    result = figures([("enrolled", date(2025, 1, 1)), ("screened", date(2025, 1, 10)),
                      ("profile", date(2025, 2, 1)), ("employer_contact", None),
                      ("started", None)], today=date(2025, 2, 10))
    assert [(w.after, w.before, w.days, w.open) for w in result.waits] == [
        ("enrolled", "screened", 9, False), ("screened", "profile", 22, False),
        ("profile", "employer_contact", 9, True)]
    assert [w.before for w in result.flagged] == ["profile"]


def test_days_to_the_first_employer_contact_are_counted_from_the_enrolment():
    result = figures([("enrolled", date(2025, 1, 1)), ("screened", None), ("profile", None),
                      ("employer_contact", date(2025, 2, 15)), ("started", None)],
                     today=date(2025, 3, 1))
    assert result.to_first_contact == 45 and result.first_contact_late
    assert result.waits[0].after == "enrolled" and result.waits[0].days == 45


def test_a_first_contact_still_missing_after_a_month_is_flagged():
    result = figures([("enrolled", date(2025, 1, 1)), ("employer_contact", None)],
                     today=date(2025, 2, 5))
    assert result.to_first_contact is None and result.first_contact_late
    assert result.waits[-1].open and result.waits[-1].over_goal
