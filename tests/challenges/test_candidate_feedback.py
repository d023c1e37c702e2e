"""What a candidate sees of a result: form answers named by their fields, SQL tables for
visible tests only, and never a hidden test's expected answer."""

from __future__ import annotations

from assessor.domain.challenges.model import TestCase
from assessor.domain.grading import candidate_view, grade_submission
from assessor.domain.grading.registry import field_labels
from assessor.domain.grading.result import Visibility
from assessor.domain.grading.sql_grader import tables_shown

FORM = "n-adresser-i-natet"


def test_form_answers_are_named_by_their_fields_and_keep_their_answers_hidden(bank_challenge):
    challenge = bank_challenge(FORM)
    variant = challenge.variant(3)
    right = variant.solution.files["answers.toml"].decode()
    wrong = right.replace('natadress = "', 'natadress = "1', 1)
    result = grade_submission(challenge, {"answers.toml": wrong}, 3)
    seen = candidate_view(result, "sv", field_labels(variant, "sv"))
    names = [t.name for t in seen.tests]
    assert names == ["Nätadress", "Broadcastadress", "Första användbara värdadress",
                     "Sista användbara värdadress", "Antal användbara värdadresser"]
    failed = seen.tests[0]
    assert not failed.passed and failed.message.startswith("Inte rätt än")
    assert failed.expected == failed.got == "" and "kantfall" not in failed.message
    assert all(t.passed for t in seen.tests[1:])


def test_labels_in_english_for_an_english_page(bank_challenge):
    labels = field_labels(bank_challenge(FORM).variant(0), "en")
    assert labels["nätadress"] == "Network address"


def test_a_code_task_has_no_field_labels(bank_challenge):
    assert field_labels(bank_challenge("p1-biljettpris").variant(0), "sv") == {}


def test_result_tables_are_only_kept_for_visible_tests():
    result = {"columns": ["namn"], "rows": [["hemlig"]], "more": False}
    hidden = TestCase("dold", 1.0, Visibility.STAFF, {"dataset": "dold"})
    visible = TestCase("visa", 1.0, Visibility.CANDIDATE, {"dataset": "visa"})
    assert tables_shown(hidden, result, result) == {}
    shown = tables_shown(visible, result, {"error": "OperationalError", "detail": "x"})
    assert shown["expected_table"] == {"columns": ["namn"], "rows": [["hemlig"]], "left_out": 0}
    assert shown["got_table"] is None
