"""``kodprov match`` and ``kodprov demo --people N --openings M --seed S`` on a real database
(SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import sqlalchemy as sa

from assessor.cli.main import cli
from assessor.models import AccessLog, Opening, Person, WorkingProfile
from assessor.services.matching.employers import OpeningInput, save_opening


def test_kodprov_match_prints_code_names_scores_and_reasons_and_logs(runner, db_session, world,
                                                                     database_url, monkeypatch):
    monkeypatch.setenv("KODPROV_DATABASE_URL", database_url)
    result = runner.invoke(cli, ["match", "--opening", str(world.opening.id), "--json"])
    assert result.exit_code == 0, result.output
    output = json.loads(result.output)
    assert [entry["code_name"] for entry in output["ranked"]] == [world.tove.public_id]
    assert [r["code"] for r in output["ranked"][0]["reasons"]] == [
        "none_required", "none_needed", "none_shared", "unknown"]
    assert "Tove" not in result.output
    text = runner.invoke(cli, ["match", "--opening", str(world.opening.id)])
    assert world.tove.public_id in text.output and "Not shown: 0" in text.output
    logged = db_session.scalars(sa.select(AccessLog).where(AccessLog.what == "match.rank"))
    assert {(e.actor_role, e.person_id) for e in logged} == {("system", world.tove.id)}


def test_kodprov_match_flags_or_leaves_out_a_missing_level(runner, db_session, world,
                                                          database_url, monkeypatch):
    monkeypatch.setenv("KODPROV_DATABASE_URL", database_url)
    save_opening(db_session, world.users["coach same org"], world.employer, OpeningInput(
        title="Utvecklare", requirements=(("programmering", "Programmering 2 A"),)),
        world.opening)
    db_session.commit()
    left_out = json.loads(runner.invoke(cli, ["match", "--opening", str(world.opening.id),
                                              "--json"]).output)
    flagged = json.loads(runner.invoke(cli, ["match", "--opening", str(world.opening.id),
                                             "--missing", "flag", "--json"]).output)
    assert (left_out["ranked"], left_out["left_out"]) == ([], 1)
    assert [r["effect"] for r in flagged["ranked"][0]["reasons"]
            if r["code"] == "level_missing"] == ["flag"]


def test_kodprov_match_suggests_an_assignment(runner, world, database_url, monkeypatch):
    monkeypatch.setenv("KODPROV_DATABASE_URL", database_url)
    result = runner.invoke(cli, ["match", "--opening", str(world.opening.id), "--assign",
                                 "--json"])
    assert json.loads(result.output)["assignment"] == [
        {"opening": world.opening.id, "code_name": world.tove.public_id,
         "score": json.loads(result.output)["assignment"][0]["score"]}]


def test_kodprov_match_explains_bad_input_in_one_line(runner, world, database_url,
                                                      monkeypatch):
    monkeypatch.setenv("KODPROV_DATABASE_URL", database_url)
    for args, words in ((["match"], "Give --opening"),
                        (["match", "--opening", "99999"], "no opening 99999"),
                        (["match", "--opening", "99999999999"], "no opening")):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2 and words in result.output, result.output


def test_kodprov_demo_makes_synthetic_people_and_openings_from_a_seed(runner, db_session,
                                                                      database_url,
                                                                      monkeypatch):
    monkeypatch.setenv("KODPROV_DATABASE_URL", database_url)
    result = runner.invoke(cli, ["demo", "--people", "12", "--openings", "6", "--seed", "5"])
    assert result.exit_code == 0, result.output
    assert "12 people, 6 openings at 2 employers" in result.output
    count = lambda model: db_session.scalar(sa.select(sa.func.count()).select_from(model))  # noqa: E731
    assert (count(Person), count(WorkingProfile), count(Opening)) == (12, 12, 6)
    again = runner.invoke(cli, ["demo", "--people", "12", "--openings", "6", "--seed", "5"])
    assert again.exit_code == 2 and "Choose another --seed" in again.output
    opening = db_session.scalar(sa.select(Opening.id).order_by(Opening.id))
    ranked = runner.invoke(cli, ["match", "--opening", str(opening), "--json"])
    output = json.loads(ranked.output)
    assert len(output["ranked"]) + output["left_out"] == 12
