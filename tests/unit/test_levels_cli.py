"""``kodprov levels --attempts FILE.json --json``: the report's levels without stored data."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from assessor.cli.main import cli
from assessor.models import Person, Submission
from assessor.services.skills import all_areas
from tests.app_settings import catalogue

AREAS = {"programmering", "webb", "natverk", "databas"}
EASY_AND_P2_C = ["p1-summa-medel", "p1-vokaler", "p1-biljettpris", "p1-tick-tack",
                 "p2-sortering"]


@pytest.fixture
def no_database(tmp_path, monkeypatch) -> Path:
    """A configured SQLite file that does not exist (and must not be created)."""
    path = tmp_path / "none.sqlite3"
    monkeypatch.setenv("KODPROV_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("KODPROV_ENV", "development")
    return path


def write(tmp_path: Path, content) -> Path:
    path = tmp_path / "attempts.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content),
                    encoding="utf-8")
    return path


def attempts(*slugs: str, score: float = 1.0) -> dict:
    return {"attempts": [{"challenge": s, "score": score, "supervised": False} for s in slugs]}


def levels(runner, path: Path) -> dict:
    result = runner.invoke(cli, ["levels", "--attempts", str(path), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_every_area_is_listed_with_the_fields_of_the_issue(runner, tmp_path, no_database):
    data = levels(runner, write(tmp_path, attempts(*EASY_AND_P2_C)))
    assert set(data["areas"]) == AREAS
    for area in data["areas"].values():
        assert {"level", "course", "grade", "confidence", "done", "next"} <= set(area)
        assert 0.0 <= area["confidence"] <= 1.0 and isinstance(area["done"], bool)
        if area["level"] is None:
            assert area["course"] is None and area["grade"] is None and not area["at_least"]
        else:
            assert area["level"] == f"{area['course']} {area['grade']}"
            assert area["grade"] in ("E", "C", "A")
    assert not no_database.exists()


def test_four_easy_tasks_and_one_programmering_2_c_task_are_at_most_that_step(
        runner, tmp_path, no_database):
    programming = levels(runner, write(tmp_path, attempts(*EASY_AND_P2_C)))["areas"][
        "programmering"]
    assert programming["level"] == "Programmering 2 C" and programming["at_least"]
    assert programming["next"] in ("p2-parenteser", "p2-binarsokning")
    assert not programming["done"]


def test_a_new_candidate_gets_no_level_and_a_first_step_task_in_every_area(
        runner, tmp_path, no_database):
    data = levels(runner, write(tmp_path, {"attempts": []}))
    for area in data["areas"].values():
        assert area["level"] is None and not area["done"]
        assert catalogue.challenge(area["next"]).level == "E"


def test_a_task_counts_as_passed_only_at_full_score(runner, tmp_path, no_database):
    almost = levels(runner, write(tmp_path, attempts("w1-semantisk-sida", "w1-bilder-lankar",
                                                     "w1-lasbar-text", score=0.99)))
    assert almost["areas"]["webb"]["level"] is None
    full = levels(runner, write(tmp_path, attempts("w1-semantisk-sida", "w1-bilder-lankar",
                                                   "w1-lasbar-text")))
    assert full["areas"]["webb"]["level"] == "Webbutveckling 1 E"


def test_an_empty_database_gives_the_same_as_none(runner, tmp_path, no_database):
    path = write(tmp_path, attempts(*EASY_AND_P2_C))
    without = levels(runner, path)
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    assert no_database.exists()
    assert levels(runner, path) == without


def test_the_levels_are_the_reports(runner, tmp_path, monkeypatch, db_session, make_user,
                                    database_url):
    person = db_session.scalar(sa.select(Person).where(Person.user_id == make_user().id))
    scores = [("p1-summa-medel", 1.0), ("p1-vokaler", 1.0), ("p1-vaxel", 0.5),
              ("p1-andra-storsta", 1.0), ("w1-semantisk-sida", 1.0), ("n-vlsm", 0.0)]
    start = datetime(2026, 3, 1, 18, tzinfo=UTC)
    for minutes, (slug, score) in enumerate(scores):
        db_session.add(Submission(person_id=person.id, challenge_id=slug, kind="attempt",
                                  status="graded", gradable=True, score=score, files={},
                                  created_at=start + timedelta(minutes=minutes)))
    db_session.commit()
    report = all_areas(db_session, person, catalogue=catalogue)
    monkeypatch.setenv("KODPROV_DATABASE_URL", database_url)
    data = levels(runner, write(tmp_path, {"attempts": [
        {"challenge": slug, "score": score} for slug, score in scores]}))
    for area, skill in report.items():
        shown = data["areas"][area]
        assert shown["level"] == skill.result.level
        assert shown["at_least"] == skill.result.at_least
        if skill.result.confidence_percent is not None:
            assert round(100 * shown["confidence"]) == skill.result.confidence_percent
        assert shown["done"] == skill.assessment.done


@pytest.mark.parametrize(("content", "says"), [
    (attempts("nej"), "unknown challenge 'nej'"),
    ({"attempts": [{"challenge": "p1-vokaler", "score": 1.5}]}, "from 0 to 1, not 1.5"),
    ({"attempts": [{"challenge": "p1-vokaler", "score": -0.1}]}, "from 0 to 1, not -0.1"),
    ({"attempts": [{"challenge": "p1-vokaler", "score": True}]}, "from 0 to 1, not True"),
    ({"attempts": [{"challenge": "p1-vokaler", "score": "1"}]}, "from 0 to 1, not '1'"),
    ({"attempts": [{"challenge": "p1-vokaler", "score": 1, "supervised": "ja"}]},
     "supervised must be true or false"),
    ('{"attempts": [', "not valid JSON"),
    ("[]", 'write an object like {"attempts"'),
    ({"attempts": ["p1-vokaler"]}, "attempt 1: write an object"),
])
def test_bad_input_exits_2_with_one_line(runner, tmp_path, no_database, content, says):
    result = runner.invoke(cli, ["levels", "--attempts", str(write(tmp_path, content)),
                                 "--json"])
    assert result.exit_code == 2
    assert result.stdout == "" and result.stderr.count("\n") == 1
    assert says in result.stderr


def test_a_missing_file_exits_2_with_one_line(runner, tmp_path, no_database):
    result = runner.invoke(cli, ["levels", "--attempts", str(tmp_path / "saknas.json"),
                                 "--json"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "no such readable file" in result.stderr


def test_the_installed_kodprov_script_prints_the_levels(tmp_path, no_database):
    script = Path(sys.executable).with_name("kodprov")
    path = write(tmp_path, attempts("n-portar-protokoll", "n-adresser-i-natet"))
    done = subprocess.run([str(script), "levels", "--attempts", str(path), "--json"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["areas"]["natverk"]["grade"] in ("E", "C", "A")
    bad = subprocess.run([str(script), "levels", "--attempts", str(tmp_path / "x.json")],
                         capture_output=True, text=True, timeout=120, check=False)
    assert bad.returncode == 2 and bad.stdout == "" and bad.stderr.count("\n") == 1
