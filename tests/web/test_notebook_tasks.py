"""Notebook tasks are answered by uploading a notebook: without one, nothing is graded."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import sqlalchemy as sa

from assessor.models import Draft, Submission

ROOT = Path(__file__).resolve().parents[2]
SLUG = "p2-notebook-temperatur"
NOTEBOOK = "temperatur.ipynb"
STARTER = (ROOT / "challenges" / SLUG / "starter" / NOTEBOOK).read_text()
SOLUTION = (ROOT / "challenges" / SLUG / "solution" / NOTEBOOK).read_text()


def send(client, data: dict):
    """POST to the task's hand-in address as the page's script does."""
    return client.post(f"/uppgifter/{SLUG}/skicka", data=data, content_type="multipart/form-data",
                       headers={"Accept": "application/json"})


def count(db_session, model) -> int:
    return db_session.scalar(sa.select(sa.func.count()).select_from(model))


@pytest.mark.parametrize("kind", ["precheck", "attempt"])
def test_testing_without_an_upload_asks_for_the_notebook_and_grades_nothing(
        client, make_user, login, db_session, kind):
    login(make_user(tests_consent=True))
    # the page used to send the starter notebook along in a hidden field
    response = send(client, {"kind": kind, "token": "t1", f"file:{NOTEBOOK}": STARTER})
    assert response.status_code == 400
    assert "Ladda upp din notebook" in response.get_json()["message"]
    assert count(db_session, Submission) == 0 and count(db_session, Draft) == 0


def test_the_starter_sent_as_text_is_never_graded_even_after_an_upload(client, make_user, login,
                                                                       db_session):
    login(make_user(tests_consent=True))
    first = send(client, {"kind": "precheck", "token": "t1",
                          "upload": (io.BytesIO(SOLUTION.encode()), NOTEBOOK)})
    assert first.status_code == 200
    again = send(client, {"kind": "precheck", "token": "t2", f"file:{NOTEBOOK}": STARTER})
    assert again.status_code == 200  # the saved upload is tested again, not the starter
    files = [s.files[NOTEBOOK] for s in db_session.scalars(sa.select(Submission))]
    assert files == [SOLUTION, SOLUTION]


def test_a_draft_save_does_not_overwrite_the_uploaded_notebook(client, make_user, login,
                                                               db_session):
    login(make_user(tests_consent=True))
    send(client, {"kind": "precheck", "token": "t1",
                  "upload": (io.BytesIO(SOLUTION.encode()), NOTEBOOK)})
    client.post(f"/uppgifter/{SLUG}/utkast", data={f"file:{NOTEBOOK}": STARTER})
    assert db_session.scalars(sa.select(Draft)).one().files == {NOTEBOOK: SOLUTION}


def test_the_page_asks_for_an_upload_and_says_when_one_is_saved(client, make_user, login):
    login(make_user(tests_consent=True))
    page = client.get(f"/uppgifter/{SLUG}").get_data(as_text=True)
    assert "Ladda upp din notebook" in page
    assert "Eller ladda upp en fil" not in page
    assert "Notebooken du laddade upp är sparad" not in page
    assert f'name="file:{NOTEBOOK}"' not in page  # the starter is not sent back as an answer
    send(client, {"kind": "precheck", "token": "t1",
                  "upload": (io.BytesIO(SOLUTION.encode()), NOTEBOOK)})
    page = client.get(f"/uppgifter/{SLUG}").get_data(as_text=True)
    assert "Notebooken du laddade upp är sparad" in page


def test_a_code_task_still_offers_an_upload_as_the_other_way(client, make_user, login):
    login(make_user(tests_consent=True))
    page = client.get("/uppgifter/p1-summa-medel").get_data(as_text=True)
    assert "Eller ladda upp en fil" in page
