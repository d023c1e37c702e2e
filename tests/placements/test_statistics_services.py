"""The funder report and the dashboard through the services on a real database: who is
counted (a yes to "Anonymous statistics"), outcomes in the period, goals, masking, and the
policy's word on who may read a programme's statistics."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from assessor.domain.statistics import DEFAULT_GOALS
from assessor.models import AccessLog, Consent, Person
from assessor.services import policy
from assessor.services.placements.participation import ParticipationInput, save_participation
from assessor.services.placements.placing import PlacementInput, change_state, create_placement
from assessor.services.policy import SYSTEM
from assessor.services.statistics import StatisticsError
from assessor.services.statistics.dashboard import dashboard_statistics
from assessor.services.statistics.funder import funder_statistics, report_json, report_rows
from assessor.services.statistics.goals import add_goal, goals_of, remove_goal
from tests.app_settings import catalogue

START, END = date(2025, 1, 1), date(2025, 12, 31)


def cohort(db_session, world, n: int, gender: str = "man", counted: bool = True):
    """n people of programme A (added on 2025-02-01) with a praktik started in March."""
    people = []
    programme = world.organisations["Programme A"]
    for i in range(n):
        person = Person(name=f"{gender} {i}", gender=gender, organisation_id=programme.id)
        db_session.add(person)
        db_session.flush()
        if counted:
            db_session.add(Consent(person_id=person.id, purpose="statistics"))
        save_participation(db_session, world.coach, person, ParticipationInput(
            enrolled_on=date(2025, 2, 1), birth_year=2000), today=END)
        placement = create_placement(db_session, world.coach, person, PlacementInput(
            kind="praktik", workplace="Verkstan", proposed_on=date(2025, 3, 1)), today=END)
        change_state(db_session, world.coach, placement, "started", date(2025, 3, 3),
                     today=END)
        people.append(person)
    db_session.commit()
    return people


def test_only_people_who_said_yes_to_statistics_are_counted(db_session, world):
    cohort(db_session, world, 4)
    cohort(db_session, world, 5, counted=False)
    report = funder_statistics(db_session, world.coach, START, END,
                               world.organisations["Programme A"].id)
    assert report.participants[("total", "total")].text == "4"
    assert report.outcomes[("praktik", "man")].text == "4"


def test_a_gender_with_one_or_two_people_is_masked_and_not_given_away_by_the_total(
        db_session, world):
    cohort(db_session, world, 5)
    cohort(db_session, world, 2, gender="woman")
    report = funder_statistics(db_session, world.coach, START, END,
                               world.organisations["Programme A"].id)
    assert report.participants[("total", "woman")].text == "<3"
    hidden = [report.participants[("total", c)].text for c in ("man", "total")]
    assert "–" in hidden
    rows = report_rows(report)
    assert rows[6][:2] == ["outcomes", "praktik"] and rows[6][2] == "<3"
    assert report_json(report)["participants"]["total"]["woman"] == "<3"


def test_outcomes_count_only_what_happened_in_the_period(db_session, world):
    cohort(db_session, world, 3)
    report = funder_statistics(db_session, world.coach, date(2025, 4, 1), END,
                               world.organisations["Programme A"].id)
    assert report.participants[("total", "total")].text == "3"
    assert report.outcomes[("praktik", "total")].text == "0"


def test_goals_are_the_programmes_own_any_number_or_the_defaults(db_session, world):
    programme = world.organisations["Programme A"].id
    assert goals_of(db_session, programme) == list(DEFAULT_GOALS)
    add_goal(db_session, world.coach, programme, "job_half_time", 50, "Jobb 50–100 %")
    add_goal(db_session, world.coach, programme, "job", 30, "Jobb, alla timmar")
    goals = goals_of(db_session, programme)
    assert [(g.outcome, g.target, g.name) for g in goals] == [
        ("course_passed", 70, ""), ("job", 50, ""), ("job_half_time", 50, "Jobb 50–100 %"),
        ("job", 30, "Jobb, alla timmar")]  # the defaults stay, to be removed one by one
    assert remove_goal(db_session, world.coach, programme, goals[1].id)
    assert len(goals_of(db_session, programme)) == 3
    for outcome, percent in (("job", 140), ("diagnosis", 50), ("job", -1)):
        with pytest.raises(StatisticsError):
            add_goal(db_session, world.coach, programme, outcome, percent)
    with pytest.raises(policy.AccessDeniedError):
        add_goal(db_session, world.users["coach other org"], programme, "job", 10)
    with pytest.raises(policy.AccessDeniedError):
        remove_goal(db_session, world.users["coach other org"], programme, goals[0].id)
    other = world.users["coach other org"]
    assert not remove_goal(db_session, other, other.organisation_id, goals[0].id)
    assert len(goals_of(db_session, programme)) == 3


def leave(db_session, world, people, left_on: date, **fields) -> None:
    for person in people:
        save_participation(db_session, world.coach, person, ParticipationInput(
            enrolled_on=date(2025, 2, 1), birth_year=2000, left_on=left_on, **fields),
            today=END)
    db_session.commit()


def test_a_goals_share_is_over_the_people_who_left_not_everyone_who_took_part(db_session,
                                                                             world):
    programme = world.organisations["Programme A"].id
    stayed = cohort(db_session, world, 6)
    employed = cohort(db_session, world, 3)
    for person in employed:  # a job at 30 h a week before they left
        placement = create_placement(db_session, world.coach, person, PlacementInput(
            kind="employment", employment_form="unsubsidised", hours_per_week=30,
            workplace="Kontoret", proposed_on=date(2025, 4, 1)), today=END)
        change_state(db_session, world.coach, placement, "employed", date(2025, 5, 1),
                     today=END)
    without = cohort(db_session, world, 3)
    leave(db_session, world, employed, date(2025, 6, 1))
    leave(db_session, world, without, date(2025, 6, 1), studies_from=date(2025, 8, 1))
    add_goal(db_session, world.coach, programme, "job_half_time", 50, "Jobb 50–100 %")
    add_goal(db_session, world.coach, programme, "job_or_studies", 60)
    report = funder_statistics(db_session, world.coach, START, END, programme)
    assert report.participants[("total", "total")].text == str(len(stayed) + 6)
    by_goal = {(g.goal.name or g.outcome, g.column): g for g in report.goals}
    half = by_goal[("Jobb 50–100 %", "total")]
    assert (half.exited.text, half.reached.text, half.share, half.met) == ("6", "3", 50, True)
    # studies begun after leaving are not reached while taking part
    either = by_goal[("job_or_studies", "total")]
    assert (either.reached.text, either.share, either.met) == ("3", 50, False)
    assert by_goal[("job", "total")].share == 50
    assert by_goal[("course_passed", "total")].share == 0
    rows = report_rows(report)
    assert ["goals", "exited", "0", "6", "0", "0", "6"] in rows
    assert ["goal 50 %", "job_half_time: Jobb 50–100 %", "–", "50 %", "–", "–", "50 %"] in rows
    later = funder_statistics(db_session, world.coach, date(2025, 7, 1), END, programme)
    assert {g.exited.text for g in later.goals} == {"0"}  # they left before the period


def test_a_coach_reads_only_the_programmes_statistics_and_each_report_is_logged(db_session,
                                                                                world):
    programme = world.organisations["Programme A"].id
    with pytest.raises(policy.AccessDeniedError):
        funder_statistics(db_session, world.users["coach other org"], START, END, programme)
    with pytest.raises(policy.AccessDeniedError):
        funder_statistics(db_session, world.coach, START, END, None)
    funder_statistics(db_session, SYSTEM, START, END, None, export=True)
    entries = db_session.execute(sa.select(AccessLog.action, AccessLog.what,
                                           AccessLog.person_id)).all()
    assert ("export", "statistics.funder", None) in entries
    assert ("denied", "statistics", None) in entries
    with pytest.raises(StatisticsError):
        funder_statistics(db_session, SYSTEM, END, START)


def test_the_funnel_counts_the_cohort_found_in_the_period_up_to_still_placed(db_session,
                                                                             world):
    cohort(db_session, world, 6)
    board = dashboard_statistics(db_session, world.coach, START, END,
                                 world.organisations["Programme A"].id,
                                 today=date(2025, 9, 10), catalogue=catalogue)
    assert board.funnel[("found", "total")].text == "6"
    assert board.funnel[("placed", "total")].text == "6"
    assert board.funnel[("still_placed", "total")].text == "6"
    early = dashboard_statistics(db_session, world.coach, START, END,
                                 world.organisations["Programme A"].id,
                                 today=date(2025, 9, 1), catalogue=catalogue)
    assert early.funnel[("still_placed", "total")].text == "0"
    assert early.levels["programmering"][("none", "total")].text == "6"
    later = dashboard_statistics(db_session, world.coach, date(2025, 3, 1), END,
                                 world.organisations["Programme A"].id, catalogue=catalogue)
    assert later.funnel[("found", "total")].text == "0"
    assert later.ladders["programmering"][0] == "Programmering 1 E"
