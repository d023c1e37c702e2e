"""Feedback that teaches: a line diff of expected and printed output, SQL result tables side by
side, form answers named by their fields, and advice that fits the task.

The tests of a result's feedback grade for real, through the in-process queue and the local
process sandbox (``end_to_end``: slow).
"""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from assessor.domain.grading.result import GradeResult, TestOutcome, Visibility
from assessor.models import Submission
from tests.app_settings import end_to_end
from tests.web.test_challenge_pages import send, wait_for_result

PRICE = "p1-biljettpris"
SQL = "d-produkter-urval"
FORM = "n-adresser-i-natet"


def graded(client, slug: str, data: dict) -> str:
    """Hand ``data`` in to ``slug`` and return the result's HTML once graded."""
    response = send(client, data, slug=slug)
    assert response.status_code == 200, response.data
    return wait_for_result(client, response.get_json()["url"])["html"]


@pytest.fixture
def candidate(client, make_user, login):
    login(make_user(tests_consent=True))


@end_to_end
def test_a_failed_visible_test_shows_a_line_diff_with_the_first_difference_in_words(client,
                                                                                    candidate):
    html = graded(client, PRICE, {"file:biljett.py": "input()\nprint('Pris: 30 kr')\n",
                                  "kind": "precheck", "token": "d1"})
    assert html.count('class="output-diff"') == 2  # both visible tests, each one table
    assert "Väntat och din utskrift, rad för rad" in html
    assert "Första skillnaden" in html  # in words, not colour alone
    assert "(skiljer sig härifrån:)" in html  # what a screen reader hears before the mark
    assert re.search(r"Pris: <span class=\"visually-hidden\">[^<]*</span><mark>25 kr</mark>",
                     html)
    assert "<mark>30 kr</mark>" in html
    assert "<pre>Pris: 25 kr" not in html  # not two long blocks


@end_to_end
def test_a_missing_line_is_marked_where_the_output_ends(client, candidate):
    html = graded(client, PRICE, {"file:biljett.py": "input()\n", "kind": "precheck",
                                  "token": "d2"})
    assert "(ingen rad)" in html and "Första skillnaden" in html


@end_to_end
def test_hidden_tests_show_no_diff_and_nothing_of_their_expected_output(client, candidate):
    html = graded(client, PRICE, {"file:biljett.py": "input()\nprint('Pris: 30 kr')\n",
                                  "kind": "attempt", "token": "d3"})
    assert html.count('class="output-diff"') == 2  # the two visible tests only
    assert "Dolt test 1" in html and "Pris: 0 kr" not in html


@end_to_end
def test_an_sql_task_shows_the_expected_table_beside_the_querys_result(client, candidate):
    html = graded(client, SQL, {"file:fraga.sql": "SELECT namn, pris FROM produkt ORDER BY pris;",
                                "kind": "precheck", "token": "s1"})
    assert "Väntat resultat" in html and "Din frågas resultat" in html
    assert html.count('class="result-table"') == 2
    tables = re.findall(r'<table class="result-table">.*?</table>', html, re.S)
    expected_rows, own_rows = (t.count("<tr>") - 1 for t in tables)
    assert own_rows > expected_rows > 0  # every product, against the filtered ones


@end_to_end
def test_hidden_sql_tests_never_carry_expected_rows(client, candidate, db_session):
    html = graded(client, SQL, {"file:fraga.sql": "SELECT namn, pris FROM produkt ORDER BY pris;",
                                "kind": "attempt", "token": "s2"})
    assert html.count('class="result-table"') == 2  # the visible test's pair only
    stored = db_session.scalars(sa.select(Submission)).one().result["tests"]
    hidden = [t for t in stored if t["visibility"] == "staff"]
    assert hidden and all(t["expected_table"] is None and t["got_table"] is None for t in hidden)


def test_a_form_task_names_its_fields_and_never_speaks_of_code_or_test(client, candidate):
    html = graded(client, FORM, {"answer:natadress": "10.0.0.1", "answer:broadcast": "",
                                 "answer:forsta": "x", "answer:sista": "1.2.3.4",
                                 "answer:antal": "2", "kind": "attempt", "token": "f1"})
    for label in ("Nätadress", "Broadcastadress", "Första användbara värdadress",
                  "Antal användbara värdadresser"):
        assert f"<strong>{label}</strong>" in html
    assert "Dolt test" not in html
    assert "ändra din kod" not in html and "Testa" not in html and "kantfall" not in html
    assert "av 5 svar är rätt" in html and "Inget svar ännu" in html


def render_result(app, result: GradeResult, **context) -> str:
    from flask import render_template

    submission = Submission(status="graded", kind="attempt")
    with app.test_request_context("/"):
        return render_template("challenges/_result.html", submission=submission, result=result,
                               **context)


def test_a_code_task_without_examples_advises_handing_in_not_testing(app):
    failed = GradeResult("x", 0, tests=(TestOutcome("a", 1.0, False, "Fel.",
                                                    Visibility.CANDIDATE),))
    without = render_result(app, failed, answers=False, can_test=False)
    assert "lämna in igen" in without and "Testa" not in without
    assert "tryck på ”Testa”" in render_result(app, failed, answers=False, can_test=True)
