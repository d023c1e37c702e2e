"""The indicator survey through the services: the person answers themself, at start and once
the last day is recorded at exit, once each; the funder report counts the exit answers of the
people counted in statistics, masked; and no skill level ever reads them."""

from __future__ import annotations

import ast
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from assessor.cli.main import cli
from assessor.domain.funder.indicators import ITEMS, SurveyError
from assessor.models import AccessLog, Consent, IndicatorAnswer, Person
from assessor.services import policy
from assessor.services.funder.indicators import answer, answered_points, points_open
from assessor.services.placements.participation import ParticipationInput, save_participation
from assessor.services.skills import all_areas
from assessor.services.statistics.indicators import indicator_rows, indicator_statistics
from tests.app_settings import catalogue

ALL_FIVES = dict.fromkeys(ITEMS, 5)
ALL_ONES = dict.fromkeys(ITEMS, 1)
START, END = date(2025, 1, 1), date(2025, 12, 31)


def left(db_session, world, person, day=date(2025, 6, 1)):
    save_participation(db_session, world.coach, person, ParticipationInput(
        enrolled_on=date(2025, 1, 10), left_on=day), today=END)


def test_the_person_answers_the_start_then_the_exit_once_the_last_day_is_recorded(
        db_session, world):
    tove = world.users["candidate self"]
    answer(db_session, tove, world.tove, "start", ALL_ONES)
    with pytest.raises(SurveyError) as closed:
        answer(db_session, tove, world.tove, "exit", ALL_FIVES)
    assert closed.value.code == "closed"
    left(db_session, world, world.tove)
    answer(db_session, tove, world.tove, "exit", ALL_FIVES)
    db_session.commit()
    assert set(answered_points(db_session, world.tove)) == {"start", "exit"}
    assert points_open(db_session, world.tove) == []
    with pytest.raises(SurveyError):
        answer(db_session, tove, world.tove, "start", ALL_FIVES)


def test_nobody_answers_for_the_person(db_session, world):
    for actor in (world.coach, world.users["admin"], world.users["candidate other"]):
        with pytest.raises(policy.AccessDeniedError):
            answer(db_session, actor, world.tove, "start", ALL_FIVES)
    assert db_session.scalar(sa.select(sa.func.count()).select_from(IndicatorAnswer)) == 0


def exit_cohort(db_session, world, genders_positive, counted=True):
    programme = world.tove.organisation_id
    for i, (gender, positive) in enumerate(genders_positive):
        person = Person(name=f"P {gender} {i}", gender=gender, organisation_id=programme)
        db_session.add(person)
        db_session.flush()
        if counted:
            db_session.add(Consent(person_id=person.id, purpose="statistics"))
        db_session.add(IndicatorAnswer(person_id=person.id, point="exit",
                                       answers=ALL_FIVES if positive else ALL_ONES,
                                       answered_at=datetime(2025, 6, 2, 10, tzinfo=UTC)))
    db_session.commit()


def test_the_funder_report_counts_exit_answers_of_the_counted_people_masked(
        db_session, world):
    exit_cohort(db_session, world, [("man", True)] * 4 + [("man", False)] * 3
                + [("woman", True)] * 3 + [("woman", False)] * 3)
    exit_cohort(db_session, world, [("woman", True)] * 5, counted=False)
    table = indicator_statistics(db_session, world.coach, START, END,
                                 world.tove.organisation_id)
    assert table.counts[("total", "total")].text == "13"
    assert (table.shares["woman"], table.shares["man"], table.shares["total"]) == (50, 57, 54)
    assert ["indicators_exit", "positive_share", "50 %", "57 %", "–", "–", "54 %"] \
        in indicator_rows(table)
    logged = db_session.scalars(sa.select(AccessLog).where(
        AccessLog.what == "statistics.indicators")).all()
    assert [(e.action, e.person_id) for e in logged] == [("read", None)]


def test_a_small_count_hides_its_share_and_what_would_give_it_away(db_session, world):
    exit_cohort(db_session, world, [("man", True)] * 4 + [("man", False)] * 2
                + [("woman", True)] * 3 + [("woman", False)] * 3)
    table = indicator_statistics(db_session, world.coach, START, END,
                                 world.tove.organisation_id)
    assert table.counts[("not_positive", "man")].text == "<3"
    assert table.shares["man"] is None
    assert not all(table.counts[(row, "man")].shown for row in ("positive", "total"))


def test_answers_outside_the_period_are_not_counted(db_session, world):
    exit_cohort(db_session, world, [("man", True)] * 5)
    table = indicator_statistics(db_session, world.coach, date(2024, 1, 1),
                                 date(2024, 12, 31), world.tove.organisation_id)
    assert table.counts[("total", "total")].value == 0


def test_kodprov_stats_funder_prints_the_indicator_share(runner, db_session, world,
                                                           database_url, monkeypatch):
    monkeypatch.setenv("KODPROV_DATABASE_URL", database_url)
    exit_cohort(db_session, world, [("man", True)] * 3 + [("man", False)] * 3
                + [("woman", True)])
    result = runner.invoke(cli, ["stats", "funder", "--from", "2025-01-01", "--to",
                                 "2025-12-31", "--format", "json"])
    assert result.exit_code == 0, result.output
    indicators = json.loads(result.output)["indicators_at_exit"]
    assert indicators["counts"]["positive"]["woman"] == "<3"
    assert indicators["positive_percent"]["woman"] is None
    assert indicators["positive_percent"]["man"] in (50, None)
    csv = runner.invoke(cli, ["stats", "funder", "--from", "2025-01-01", "--to", "2025-12-31"])
    assert "indicators_exit;positive_share;" in csv.output


def test_no_skill_level_reads_the_survey(db_session, world):
    def levels():
        return {area: skill.result for area, skill in
                all_areas(db_session, world.tove, catalogue=catalogue).items()}

    before = levels()
    assert before["programmering"].level is not None  # Tove has a level to keep
    tove = world.users["candidate self"]
    answer(db_session, tove, world.tove, "start", ALL_ONES)
    left(db_session, world, world.tove)
    answer(db_session, tove, world.tove, "exit", ALL_FIVES)
    db_session.commit()
    assert levels() == before


SCORING = ["assessor/domain/ability", "assessor/domain/grading", "assessor/domain/screening",
           "assessor/services/skills.py", "assessor/services/verification.py",
           "assessor/services/jobs", "assessor/services/matching", "assessor/services/reports"]


def test_no_module_that_scores_skills_imports_the_survey():
    root = Path(__file__).resolve().parents[2]
    files = [p for part in SCORING for p in ((root / part).rglob("*.py")
                                             if (root / part).is_dir() else [root / part])]
    assert len(files) > 10
    for path in files:
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            names = [a.name for a in node.names]
            module = getattr(node, "module", "") or " ".join(names)
            assert "indicator" not in module and "IndicatorAnswer" not in names \
                and "funder" not in module, path
