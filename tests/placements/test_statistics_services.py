"""The funder report and the dashboard through the services on a real database: who is
counted (a yes to "Anonymous statistics"), outcomes in the period, goals, masking, and the
policy's word on who may read a programme's statistics."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from assessor.models import AccessLog, Consent, Person
from assessor.services import policy
from assessor.services.placements.participation import ParticipationInput, save_participation
from assessor.services.placements.placing import PlacementInput, change_state, create_placement
from assessor.services.policy import SYSTEM
from assessor.services.statistics import StatisticsError
from assessor.services.statistics.dashboard import dashboard_statistics
from assessor.services.statistics.funder import funder_statistics, report_json, report_rows
from assessor.services.statistics.goals import goals_of, set_goals
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


def test_goals_are_the_programmes_own_or_the_defaults(db_session, world):
    programme = world.organisations["Programme A"].id
    assert goals_of(db_session, programme) == {"course_passed": 70, "job": 50}
    set_goals(db_session, world.coach, programme, {"job": 40, "course_passed": None})
    assert goals_of(db_session, programme) == {"course_passed": 70, "job": 40}
    with pytest.raises(StatisticsError):
        set_goals(db_session, world.coach, programme, {"job": 140})
    with pytest.raises(policy.AccessDeniedError):
        set_goals(db_session, world.users["coach other org"], programme, {"job": 10})


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
