"""``kodprov stats funder --from --to --format csv|json`` on a real database (SQLite and
PostgreSQL): masked counts, one export in the access log, bad input in one line."""

from __future__ import annotations

import json
from datetime import date

import sqlalchemy as sa

from assessor.cli.main import cli
from assessor.models import AccessLog, Consent, Person
from assessor.services.placements.participation import ParticipationInput, save_participation


def counted_people(db_session, world, genders):
    programme = world.organisations["Programme A"]
    for i, gender in enumerate(genders):
        person = Person(name=f"P {i}", gender=gender, organisation_id=programme.id)
        db_session.add(person)
        db_session.flush()
        db_session.add(Consent(person_id=person.id, purpose="statistics"))
        save_participation(db_session, world.coach, person, ParticipationInput(
            enrolled_on=date(2025, 2, 1), birth_year=1990, course_passed_on=date(2025, 6, 1),
            left_on=date(2025, 10, 1)),
            today=date(2025, 12, 31))
    db_session.commit()


def test_the_funder_report_as_json_masks_small_counts_and_logs_an_export(
        runner, db_session, world, database_url, monkeypatch):
    monkeypatch.setenv("KODPROV_DATABASE_URL", database_url)
    counted_people(db_session, world, ["man"] * 6 + ["woman"])
    result = runner.invoke(cli, ["stats", "funder", "--from", "2025-01-01", "--to",
                                 "2025-12-31", "--format", "json",
                                 "--organisation", "Programme A"])
    assert result.exit_code == 0, result.output
    output = json.loads(result.output)
    assert output["participants"]["30_plus"]["woman"] == "<3"
    assert output["participants"]["total"]["man"] == "–"  # else 7 − 6 gives the woman away
    (passed,) = [g for g in output["goals"] if g["outcome"] == "course_passed"]
    assert passed["columns"]["woman"] == {"exited": "<3", "reached": "<3",
                                          "result_percent": None, "met": None}
    assert "P 0" not in result.output
    logged = db_session.scalars(sa.select(AccessLog).where(
        AccessLog.what == "statistics.funder")).all()
    assert [(e.action, e.actor_role, e.person_id) for e in logged] == [
        ("export", "system", None)]


def test_the_funder_report_as_csv_has_a_header_and_semicolons(
        runner, db_session, world, database_url, monkeypatch):
    monkeypatch.setenv("KODPROV_DATABASE_URL", database_url)
    counted_people(db_session, world, ["man"] * 4)
    result = runner.invoke(cli, ["stats", "funder", "--from", "2025-01-01", "--to",
                                 "2025-12-31"])
    assert result.exit_code == 0, result.output
    lines = result.output.lstrip("\ufeff").splitlines()
    assert lines[0] == "table;row;woman;man;non_binary;undisclosed;total"
    assert "participants;total;0;4;0;0;4" in lines
    assert "goals;exited;0;4;0;0;4" in lines
    assert "goal 70 %;course_passed;–;100 %;–;–;100 %" in lines


def test_bad_dates_and_an_unknown_organisation_are_one_line_and_exit_2(
        runner, world, database_url, monkeypatch):
    monkeypatch.setenv("KODPROV_DATABASE_URL", database_url)
    for args in (["--from", "2025-13-01", "--to", "2025-12-31"],
                 ["--from", "2025-12-31", "--to", "2025-01-01"],
                 ["--from", "2025-01-01", "--to", "2025-12-31", "--organisation", "Nope"]):
        result = runner.invoke(cli, ["stats", "funder", *args])
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
