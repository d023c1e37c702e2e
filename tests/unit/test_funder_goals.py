"""The programme's goals in the funder report: completed ÷ exited (the people who ended
their participation in the period), any number of goals, masked like every other count."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.domain.statistics import (
    GENDERS,
    GOAL_OUTCOMES,
    TOTAL,
    Goal,
    Leaver,
    Line,
    Participant,
    funder_report,
    goal_results,
    reached_outcomes,
)
from tests.unit.test_statistics_masking import assert_nothing_recoverable

YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def stayer(gender: str = "man") -> Participant:
    return Participant(gender, 2000, frozenset({"praktik"}))


def leaver(reached: set[str], gender: str = "man") -> Participant:
    return Participant(gender, 2000, frozenset(), left=True, reached=frozenset(reached))


def cell(report, goal: Goal, column: str = TOTAL):
    return next(g for g in report.goals if g.goal == goal and g.column == column)


def test_a_goals_share_counts_the_people_who_left_not_those_still_taking_part():
    job = Goal("job", 50)
    people = [stayer()] * 10 + [leaver({"job"})] * 3 + [leaver(set())] * 3
    result = cell(funder_report(people, *YEAR, [job]), job)
    assert (result.exited.text, result.reached.text, result.share, result.met) == (
        "6", "3", 50, True)  # against everyone who took part it would be 3 of 16


def test_nobody_left_means_no_share_rather_than_zero():
    job = Goal("job", 50)
    result = cell(funder_report([stayer()] * 8, *YEAR, [job]), job)
    assert (result.exited.text, result.share, result.met) == ("0", None, None)


def test_any_number_of_goals_each_with_its_own_target_and_name():
    goals = [Goal("job_half_time", 50, "Jobb 50–100 %"), Goal("job", 30, "Jobb"),
             Goal("job_or_studies", 80)]
    people = [leaver({"job", "job_half_time", "job_or_studies"})] * 4 \
        + [leaver({"job", "job_or_studies"})] * 3 + [leaver({"studies", "job_or_studies"})] * 3
    report = funder_report(people, *YEAR, goals)
    shares = [(cell(report, g).goal.name, cell(report, g).share, cell(report, g).met)
              for g in goals]
    assert shares == [("Jobb 50–100 %", 40, False), ("Jobb", 70, True), ("", 100, True)]


def test_an_unknown_outcome_is_no_goal():
    assert goal_results([Leaver("man", frozenset({"job"}))] * 4, [Goal("diagnosis", 10)]) == []


def test_what_a_leaver_reached_follows_from_what_happened():
    assert reached_outcomes(job=False, half_time_job=True, praktik=False, studies=False,
                            course_passed=False) == {"job", "job_half_time", "job_or_studies"}
    assert reached_outcomes(job=False, half_time_job=False, praktik=True, studies=True,
                            course_passed=True) == {"praktik", "studies", "job_or_studies",
                                                    "course_passed"}


def test_a_small_number_of_leavers_is_masked_and_hides_the_share():
    job = Goal("job", 50)
    people = [leaver({"job"}, "woman")] + [leaver({"job"})] * 5 + [leaver(set())] * 2
    report = funder_report(people, *YEAR, [job])
    woman = cell(report, job, "woman")
    assert woman.exited.text == "<3" and woman.share is None
    assert "–" in {cell(report, job, "man").exited.text, cell(report, job).exited.text}


leavers = st.lists(st.builds(
    Leaver, gender=st.sampled_from(GENDERS),
    reached=st.frozensets(st.sampled_from(GOAL_OUTCOMES))), max_size=25)
goal_lists = st.lists(st.builds(Goal, outcome=st.sampled_from(GOAL_OUTCOMES),
                                target=st.integers(0, 100)), min_size=1, max_size=5)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(leavers, goal_lists)
def test_the_goals_give_no_masked_count_away(population, goals):
    results = goal_results(population, goals)
    seen = {}
    for result in results:
        seen[("g", "exited", result.column)] = result.exited
        seen[("g", result.outcome, result.column)] = result.reached
    rows = {key[1] for key in seen}
    lines = [Line(("g", row, TOTAL), tuple(("g", row, g) for g in GENDERS)) for row in rows]
    assert_nothing_recoverable(seen, lines)
    for result in results:  # two goals of one outcome show the same counts
        twin = next(r for r in results if r.outcome == result.outcome
                    and r.column == result.column)
        assert (result.reached.text, result.exited.text) == (twin.reached.text,
                                                              twin.exited.text)
        if result.share is not None:
            assert result.reached.shown and result.exited.shown
