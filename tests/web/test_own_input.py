"""'Kör med egen indata': an io task's program runs on the candidate's own input, in the
sandbox, with nothing stored and no attempt counted; the same consent rule as 'Testa'.

Tests of what the program printed run it in the real process sandbox (``end_to_end``); the rest
look at what the app's (fake) sandbox was given."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from assessor.models import Draft, Submission
from tests.app_settings import end_to_end

TASK = "p1-biljettpris"
URL = f"/uppgifter/{TASK}/egen-indata"
PROGRAM = "alder = int(input())\nprint('Du är', alder)\n"
JSON = {"Accept": "application/json"}


def run(client, own_input: str, code: str = PROGRAM, **kwargs):
    return client.post(URL, data={"file:biljett.py": code, "own_input": own_input},
                       headers=JSON, **kwargs)


def stored(db_session) -> tuple[int, int]:
    count = sa.select(sa.func.count())
    return (db_session.scalar(count.select_from(Submission)),
            db_session.scalar(count.select_from(Draft)))


@pytest.fixture
def sandbox_specs(app, monkeypatch) -> list:
    """Every spec the app's sandbox runner is given (it still runs them)."""
    specs = []
    runner = app.extensions["kodprov_sandbox"]
    original = runner.run

    def recording(spec):
        specs.append(spec)
        return original(spec)

    monkeypatch.setattr(runner, "run", recording)
    return specs


@end_to_end
def test_the_program_runs_on_the_candidates_input_and_nothing_is_stored(
        client, make_user, login, db_session, sandbox_specs):
    login(make_user(tests_consent=True))
    response = run(client, "17\n")
    body = response.get_json()
    assert response.status_code == 200 and body["ok"] is True
    assert "Du är 17" in body["html"] and "Rättas inte och räknas inte" in body["html"]
    assert stored(db_session) == (0, 0)  # no submission, no attempt, not even a draft
    assert len(sandbox_specs) == 1  # in the grading sandbox, never on the host


def test_the_sandbox_gets_the_input_and_no_expected_output(client, make_user, login,
                                                           sandbox_specs):
    login(make_user(tests_consent=True))
    run(client, "30\n")
    plan = json.loads(sandbox_specs[0].stdin)
    assert [t["stdin"] for t in plan["tests"]] == ["30\n"]
    assert "Pris:" not in sandbox_specs[0].stdin.decode()  # no test's expected output


@end_to_end
def test_a_crash_on_the_own_input_is_told_in_swedish(client, make_user, login):
    login(make_user(tests_consent=True))
    html = run(client, "tolv\n").get_json()["html"]
    assert "int() kan inte läsa &#39;tolv&#39; som ett heltal" in html and "rad 1" in html


def test_a_syntax_error_is_explained_and_nothing_runs(client, make_user, login, sandbox_specs):
    login(make_user(tests_consent=True))
    html = run(client, "1\n", code="if True\n    print(1)\n").get_json()["html"]
    assert "det saknas ett kolon" in html and sandbox_specs == []


def test_without_the_yes_to_the_tests_nothing_runs(client, make_user, login, db_session,
                                                    sandbox_specs):
    login(make_user())
    response = run(client, "17\n")
    assert response.status_code == 403 and sandbox_specs == []
    assert stored(db_session) == (0, 0)


def test_a_task_whose_program_reads_no_input_has_no_own_run(client, make_user, login):
    login(make_user(tests_consent=True))
    assert client.post("/uppgifter/p1-vokaler/egen-indata", data={"own_input": "x"},
                       headers=JSON).status_code == 404
    page = client.get("/uppgifter/p1-vokaler").get_data(as_text=True)
    assert "Kör med egen indata" not in page


def test_the_io_task_page_offers_the_own_run_with_a_label(client, make_user, login):
    login(make_user(tests_consent=True))
    page = client.get(f"/uppgifter/{TASK}").get_data(as_text=True)
    assert "Kör med egen indata" in page and '<label for="own-input">Din indata</label>' in page
    assert f'formaction="{URL}"' in page


@end_to_end
def test_without_script_the_page_comes_back_with_the_output_and_the_typed_code(
        client, make_user, login):
    login(make_user(tests_consent=True))
    response = client.post(URL, data={"file:biljett.py": PROGRAM, "own_input": "8\n"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Du är 8" in page
    assert "print(&#39;Du är&#39;, alder)" in page and ">8\n</textarea>" in page


def test_empty_code_or_too_long_input_is_explained_and_runs_nothing(client, make_user, login,
                                                                     sandbox_specs):
    login(make_user(tests_consent=True))
    empty = run(client, "1\n", code="  ")
    assert empty.status_code == 400 and "ingen kod" in empty.get_json()["message"]
    long = run(client, "1\n" * 9000)
    assert long.status_code == 400 and "för lång" in long.get_json()["message"]
    assert sandbox_specs == []


def test_runs_count_against_the_hand_in_rate_limit(app, client, make_user, login, db_session):
    app.config["KODPROV_RATE_LIMITS"] = {**app.config["KODPROV_RATE_LIMITS"],
                                         "hand_ins": "2 per minute"}
    login(make_user(tests_consent=True))
    assert [run(client, "1\n").status_code for _ in range(3)] == [200, 200, 429]
    assert stored(db_session) == (0, 0)
