"""Staff open any task as a candidate would ("förhandsvisning"): the same statement and editor,
no consent step and no hand-in; "Testa" runs the examples only and stores nothing at all."""

from __future__ import annotations

import io

import pytest

from assessor.domain.grading.result import GradeResult, TestOutcome, Visibility
from assessor.services.jobs.grading_job import GradeOutcome
from tests.app_settings import catalogue
from tests.fuzz.world import snapshot
from tests.web.access_world import CHALLENGE, build_world
from tests.web.test_route_matrix import logged_in

NOTEBOOK_TASK = "p2-notebook-temperatur"
FORM_TASK = "n-adresser-i-natet"


class RecordingGrader:
    """Grades nothing: remembers each call and answers with one passed example."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def __call__(self, challenge_id, files, seed, visible_only, locale="sv") -> GradeOutcome:
        self.calls.append((challenge_id, dict(files), seed, visible_only, locale))
        result = GradeResult(challenge_id=challenge_id, seed=seed, tests=(
            TestOutcome("exempel 1", 1, True, visibility=Visibility.CANDIDATE),
            TestOutcome("exempel 2", 1, False, visibility=Visibility.CANDIDATE,
                        message="Fel svar", input="[4]", expected="4.0", got="0")))
        return GradeOutcome(score=result.score, result=result.to_dict())


@pytest.fixture
def world(db_session):
    return build_world(db_session)


@pytest.fixture
def grader(app) -> RecordingGrader:
    recorder = RecordingGrader()
    app.extensions["kodprov_grader"] = recorder
    return recorder


def stored(db_session) -> dict[str, list[tuple]]:
    """Every row of every table but the login's own (it notes when it was last seen)."""
    db_session.commit()
    tables = snapshot(db_session.connection())
    return {name: rows for name, rows in tables.items() if name != "login_session"}


@pytest.mark.parametrize("actor", ["coach same org", "caseworker without org", "admin"])
def test_staff_open_a_task_as_a_candidate_sees_it_without_consent_step_or_hand_in(
        app, world, actor):
    page = logged_in(app, world, actor).get(f"/forhandsvisning/{CHALLENGE}")
    text = page.get_data(as_text=True)
    challenge = catalogue.challenge(CHALLENGE)
    assert page.status_code == 200 and challenge.title["sv"] in text
    assert "Förhandsvisning." in text
    assert 'value="attempt"' not in text  # no "Lämna in"
    assert 'name="consent"' not in text  # no consent step
    assert "data-draft-url" not in text and "data-task=" not in text  # no drafts, no copies
    assert 'value="precheck"' in text  # "Testa" is there


def test_testa_runs_only_the_examples_and_shows_the_result_and_nothing_is_stored(
        app, world, db_session, grader):
    client = logged_in(app, world, "coach same org")
    client.get("/forhandsvisning/")  # the login's own rows are written by now
    before = stored(db_session)
    code = "def medel(tal):\n    return 0\n"
    page = client.post(f"/forhandsvisning/{CHALLENGE}",
                       data={"kind": "precheck", "file:medel.py": code})
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert grader.calls == [(CHALLENGE, {"medel.py": code}, 0, True, "sv")]
    assert "1 av 2 test" in text and "Fel svar" in text  # the result as a candidate sees it
    assert "return 0" in text  # what was typed comes back in the editor
    assert stored(db_session) == before


def test_an_empty_answer_is_explained_and_nothing_runs(app, world, grader):
    page = logged_in(app, world, "coach same org").post(
        f"/forhandsvisning/{CHALLENGE}", data={"kind": "precheck", "file:medel.py": "  "})
    assert page.status_code == 200 and grader.calls == []
    assert "Det finns ingen kod än" in page.get_data(as_text=True)


def test_a_notebook_task_takes_an_upload_in_the_preview_too(app, world, grader):
    client = logged_in(app, world, "coach same org")
    page = client.post(f"/forhandsvisning/{NOTEBOOK_TASK}", data={"kind": "precheck"})
    assert grader.calls == [] and "Ladda upp din notebook" in page.get_data(as_text=True)
    starter = client.get(f"/forhandsvisning/{NOTEBOOK_TASK}/start/temperatur.ipynb")
    assert starter.status_code == 200
    client.post(f"/forhandsvisning/{NOTEBOOK_TASK}", data={
        "kind": "precheck", "upload": (io.BytesIO(starter.data), "temperatur.ipynb")},
        content_type="multipart/form-data")
    assert [call[0] for call in grader.calls] == [NOTEBOOK_TASK]


def test_a_form_task_is_answered_in_its_fields(app, world, grader):
    page = logged_in(app, world, "coach same org").get(f"/forhandsvisning/{FORM_TASK}")
    assert "data-answer" in page.get_data(as_text=True)


def test_an_unknown_task_is_not_found(app, world):
    assert logged_in(app, world, "admin").get("/forhandsvisning/finns-inte").status_code == 404


def test_the_preview_list_links_every_task(app, world):
    text = logged_in(app, world, "caseworker with consent").get(
        "/forhandsvisning/").get_data(as_text=True)
    for challenge in catalogue.bank():
        assert f"/forhandsvisning/{challenge.id}\"" in text
