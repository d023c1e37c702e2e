"""A candidate's way through a challenge: page, draft, precheck, attempt, result, history.

Most tests grade in the request with the fake sandbox (no code runs); those marked
``end_to_end`` grade for real: the in-process queue, the challenge bank and the local process
sandbox (the Docker sandbox is exercised by the sandbox and challenge suites).
"""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from assessor.models import Draft, Submission
from tests.app_settings import end_to_end

ROOT = Path(__file__).resolve().parents[2]
CHALLENGE = "p1-summa-medel"
SOLUTION = (ROOT / "challenges" / CHALLENGE / "solution" / "medel.py").read_text()
FIELD = "file:medel.py"


def wait_for_result(client, url: str) -> dict:
    """Poll as the page does until the submission is done (the limit only stops a hung test)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        body = client.get(url, headers={"Accept": "application/json"}).get_json()
        if body["done"]:
            return body
        time.sleep(0.2)
    raise AssertionError("the submission was never graded")


def send(client, data: dict, slug: str = CHALLENGE, **kwargs):
    """POST to a task's hand-in address as the page's script does (JSON answer)."""
    return client.post(f"/uppgifter/{slug}/skicka", data=data,
                       headers={"Accept": "application/json"}, **kwargs)


def hand_in(client, kind: str, token: str, code: str = SOLUTION) -> dict:
    """Hand in (or test) ``code`` and wait for the result."""
    response = send(client, {FIELD: code, "kind": kind, "token": token})
    return wait_for_result(client, response.get_json()["url"])


def test_the_task_page_shows_the_statement_starter_and_no_clock(client, make_user, login):
    login(make_user(tests_consent=True))
    page = client.get(f"/uppgifter/{CHALLENGE}").get_data(as_text=True)
    assert "Summa och medelvärde" in page and 'name="file:medel.py"' in page
    assert "Escape och sedan Tab" in page
    assert 'data-timer hidden' in page  # a clock only if the candidate asks for one


def test_a_draft_survives_a_reload(client, make_user, login, db_session):
    login(make_user(tests_consent=True))
    response = client.post(f"/uppgifter/{CHALLENGE}/utkast", data={FIELD: "print('hej')"})
    assert response.get_json()["saved"] is True
    assert "print(&#39;hej&#39;)" in client.get(f"/uppgifter/{CHALLENGE}").get_data(as_text=True)
    assert db_session.scalars(sa.select(Draft)).one().files == {"medel.py": "print('hej')"}


@end_to_end
def test_handing_in_the_reference_solution_scores_full_marks(client, make_user, login,
                                                            db_session):
    login(make_user(tests_consent=True))
    body = hand_in(client, "attempt", "t1")
    assert body["status"] == "graded" and "gick igenom" in body["html"]
    submission = db_session.scalars(sa.select(Submission)).one()
    assert submission.score == 1.0 and submission.kind == "attempt"
    page = client.get(f"/uppgifter/{CHALLENGE}").get_data(as_text=True)
    assert "100 % rätt" in page
    listing = client.get("/uppgifter/").get_data(as_text=True)
    assert "state-done" in listing


def test_a_precheck_runs_only_visible_tests_and_is_no_attempt(client, make_user, login,
                                                             db_session):
    login(make_user(tests_consent=True))
    body = hand_in(client, "precheck", "p1")
    assert "testkörning" in body["html"]
    submission = db_session.scalars(sa.select(Submission)).one()
    assert submission.kind == "precheck"
    visible = {t["visibility"] for t in submission.result["tests"]}
    assert visible == {"candidate"}
    assert "Dina försök" not in client.get(f"/uppgifter/{CHALLENGE}").get_data(as_text=True)


def test_a_double_click_makes_one_submission(client, make_user, login, db_session):
    login(make_user(tests_consent=True))
    data = {FIELD: SOLUTION, "kind": "attempt", "token": "same-click"}
    first, second = send(client, data).get_json(), send(client, data).get_json()
    assert first["id"] == second["id"]
    wait_for_result(client, first["url"])
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Submission)) == 1


@pytest.mark.parametrize(("upload", "message"), [
    ((io.BytesIO(b"\xff\xfe\x00bad"), "medel.py"), "UTF-8"),
    ((io.BytesIO(b"x" * (300 * 1024)), "medel.py"), "256 kB"),
    ((io.BytesIO(b"SELECT 1;"), "svar.sql"), "tar emot de här filerna"),
])
def test_bad_uploads_are_explained_and_change_nothing(client, make_user, login, db_session,
                                                      upload, message):
    login(make_user(tests_consent=True))
    response = send(client, {FIELD: "", "kind": "attempt", "upload": upload},
                    content_type="multipart/form-data")
    assert response.status_code == 400 and message in response.get_json()["message"]
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Submission)) == 0
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Draft)) == 0


def test_an_empty_submission_is_explained_without_javascript(client, make_user, login,
                                                            db_session):
    login(make_user(tests_consent=True))
    response = client.post(f"/uppgifter/{CHALLENGE}/skicka",
                           data={FIELD: "   ", "kind": "attempt"}, follow_redirects=True)
    assert "Det finns ingen kod än" in response.get_data(as_text=True)
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Submission)) == 0


@end_to_end
def test_an_upload_replaces_the_editor_text(client, make_user, login, db_session):
    login(make_user(tests_consent=True))
    response = send(client, {FIELD: "", "kind": "attempt", "token": "u1",
                             "upload": (io.BytesIO(SOLUTION.encode()), "min_losning.py")},
                    content_type="multipart/form-data")
    body = response.get_json()
    assert body["files"] == {"medel.py": SOLUTION}  # the page puts it in the editor
    wait_for_result(client, body["url"])
    assert db_session.scalars(sa.select(Submission)).one().score == 1.0
    assert db_session.scalars(sa.select(Draft)).one().files == {"medel.py": SOLUTION}


def test_a_file_over_the_request_limit_gets_a_message_the_page_can_show(client, make_user,
                                                                       login, db_session):
    login(make_user(tests_consent=True))
    response = send(client, {FIELD: "", "kind": "attempt",
                             "upload": (io.BytesIO(b"x" * (3 * 1024 * 1024)), "a.py")},
                    content_type="multipart/form-data")
    assert response.status_code == 413
    assert "för stor" in response.get_json()["message"]
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Submission)) == 0


def test_editor_text_is_stored_with_plain_newlines(client, make_user, login, db_session):
    login(make_user(tests_consent=True))
    client.post(f"/uppgifter/{CHALLENGE}/utkast", data={FIELD: "a = 1\r\nprint(a)\r\n"})
    assert db_session.scalars(sa.select(Draft)).one().files == {"medel.py": "a = 1\nprint(a)\n"}


def test_someone_elses_submission_is_refused_and_the_attempt_logged(client, make_user, login,
                                                                    db_session):
    from assessor.models import AccessLog

    login(make_user(tests_consent=True))
    url = send(client, {FIELD: SOLUTION, "kind": "attempt", "token": "x"}).get_json()["url"]
    client.post("/konto/logga-ut")
    login(make_user(tests_consent=True))
    assert client.get(url).status_code == 403
    submission_id = int(url.rsplit("/", 1)[1])
    assert db_session.execute(sa.select(AccessLog.action, AccessLog.what)).all() == [
        ("denied", f"submissions #{submission_id}")]


def test_the_start_page_suggests_a_next_task_in_each_area_with_tasks(client, make_user, login):
    login(make_user(tests_consent=True))
    import re

    from tests.app_settings import catalogue

    page = client.get("/kandidat/").get_data(as_text=True)
    suggested = re.findall(r'Förslag på nästa: <a href="/uppgifter/([a-z0-9-]+)"', page)
    areas = {catalogue.challenge(cid).area.value for cid in suggested}
    assert "programmering" in areas and len(areas) == len(suggested)


def test_an_addressing_task_is_answered_in_a_form_and_graded(client, make_user, login,
                                                            db_session):
    from assessor.services.catalogue import seed_for
    from tests.app_settings import catalogue

    user = make_user(tests_consent=True)
    login(user)
    page = client.get("/uppgifter/n-adresser-i-natet").get_data(as_text=True)
    assert 'name="answer:natadress"' in page and "Broadcastadress" in page
    assert 'name="file:' not in page
    from assessor.models import Person

    person = db_session.scalar(sa.select(Person).where(Person.user_id == user.id))
    seed = seed_for(person.public_id, "n-adresser-i-natet")
    solution = catalogue.challenge("n-adresser-i-natet").variant(seed).solution.files
    import tomllib

    answers = tomllib.loads(solution["answers.toml"].decode())
    client.post("/uppgifter/n-adresser-i-natet/utkast",
                data={"answer:natadress": answers["natadress"]})
    assert f'value="{answers["natadress"]}"' in client.get(
        "/uppgifter/n-adresser-i-natet").get_data(as_text=True)
    response = client.post("/uppgifter/n-adresser-i-natet/skicka", data={
        **{f"answer:{k}": v for k, v in answers.items()}, "kind": "attempt", "token": "n1"},
        headers={"Accept": "application/json"})
    wait_for_result(client, response.get_json()["url"])
    assert db_session.scalars(sa.select(Submission)).one().score == 1.0


def test_a_task_without_examples_offers_no_test_button(client, make_user, login):
    login(make_user(tests_consent=True))
    network = client.get("/uppgifter/n-adresser-i-natet").get_data(as_text=True)
    programming = client.get(f"/uppgifter/{CHALLENGE}").get_data(as_text=True)
    assert 'value="precheck"' not in network and "så många gånger du vill" in network
    assert 'value="precheck"' in programming


def test_the_starting_file_downloads_and_a_notebook_task_links_its_notebook(client, make_user,
                                                                          login):
    login(make_user(tests_consent=True))
    download = client.get(f"/uppgifter/{CHALLENGE}/start/medel.py")
    assert download.status_code == 200 and "attachment" in download.headers[
        "Content-Disposition"]
    starter = (ROOT / "challenges" / CHALLENGE / "starter" / "medel.py").read_bytes()
    assert download.data == starter
    assert client.get(f"/uppgifter/{CHALLENGE}/start/annat.py").status_code == 404
    page = client.get("/uppgifter/p2-notebook-temperatur").get_data(as_text=True)
    assert "Ladda ner startnotebooken temperatur.ipynb" in page
    assert "data-editor-language" not in page  # a notebook is uploaded, not edited as JSON
    notebook = client.get("/uppgifter/p2-notebook-temperatur/start/temperatur.ipynb")
    assert json.loads(notebook.data)["nbformat"] == 4


def test_a_broken_notebook_upload_is_explained_in_swedish_and_changes_nothing(
        client, make_user, login, db_session):
    login(make_user(tests_consent=True))
    response = client.post("/uppgifter/p2-notebook-temperatur/skicka", data={
        "kind": "attempt", "upload": (io.BytesIO(b'{"cells": ['), "temperatur.ipynb")},
        content_type="multipart/form-data", headers={"Accept": "application/json"})
    message = response.get_json()["message"]
    assert response.status_code == 400 and "inte giltig JSON (fel på rad 1)" in message
    assert "Expecting" not in message
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Draft)) == 0


def test_the_start_page_shows_started_and_finished_tasks(client, make_user, login, db_session):
    from assessor.models import Person
    from tests.app_settings import catalogue

    user = make_user(tests_consent=True)
    login(user)
    person = db_session.scalar(sa.select(Person).where(Person.user_id == user.id))
    client.post(f"/uppgifter/{CHALLENGE}/utkast", data={FIELD: "print(1)"})
    db_session.add(Submission(person_id=person.id, challenge_id="p1-vaxel", kind="attempt",
                              status="graded", gradable=True, score=1.0, files={"x": "y"}))
    db_session.add(Submission(person_id=person.id, challenge_id="p2-notebook-temperatur",
                              kind="attempt", status="graded", gradable=False, score=None,
                              files={"x": "y"}))
    db_session.commit()
    page = client.get("/kandidat/").get_data(as_text=True)
    started = page.split("Påbörjade:")[1].split("</p>")[0]
    assert catalogue.challenge(CHALLENGE).title["sv"] in started
    assert catalogue.challenge("p2-notebook-temperatur").title["sv"] not in started
    assert catalogue.challenge("p1-vaxel").title["sv"] in page.split("Alla test gick igenom:")[1]


@pytest.mark.parametrize(("locale", "heading", "caption", "rules"), [
    ("sv", "Databasens tabeller", "Tabellen bestallning", "måste ha ett värde, pekar på kund.id"),
    ("en", "The database's tables", "Table bestallning", "must have a value, points to kund.id"),
])
def test_an_sql_task_shows_the_tables_and_columns_of_its_own_data(client, make_user, login,
                                                                  locale, heading, caption,
                                                                  rules):
    from bs4 import BeautifulSoup

    login(make_user(locale=locale))
    page = BeautifulSoup(client.get("/uppgifter/d-bestallningar-join").get_data(as_text=True),
                         "html.parser")
    section = page.find("section", attrs={"aria-labelledby": "tables-heading"})
    assert section.find("h2", id="tables-heading").get_text(strip=True) == heading
    tables = {t.caption.get_text(strip=True): t for t in section.find_all("table")}
    assert set(tables) >= {caption, caption.replace("bestallning", "kund")}
    headers = [th.get("scope") for th in tables[caption].thead.find_all("th")]
    rows = {row.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in row("td")]
            for row in tables[caption].tbody.find_all("tr")}
    assert headers == ["col", "col", "col"] and list(rows) == ["id", "kund_id", "datum"]
    assert rows["kund_id"] == ["INTEGER", rules]


def test_a_task_without_sql_data_shows_no_tables(client, make_user, login):
    login(make_user())
    page = client.get(f"/uppgifter/{CHALLENGE}").get_data(as_text=True)
    assert "tables-heading" not in page and "<table" not in page
