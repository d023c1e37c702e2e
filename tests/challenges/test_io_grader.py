"""The io grader, end to end through a local runner, on the bank's ticket-price challenge."""

from __future__ import annotations

import json

import pytest

from assessor.domain.grading import candidate_view, grade_submission
from tests.challenges.local_runner import BrokenRunner

SLUG = "p1-biljettpris"


@pytest.fixture
def challenge(bank_challenge):
    return bank_challenge(SLUG)


def test_the_reference_scores_full_marks(challenge, local_runner):
    result = grade_submission(challenge, dict(challenge.solution.files), runner=local_runner)
    assert result.gradable and result.score == 1.0


def test_partial_credit_when_two_boundary_cases_fail(challenge, local_runner):
    wrong = next(w for w in challenge.wrongs if w.name == "gransfel")
    result = grade_submission(challenge, dict(wrong.files), runner=local_runner)
    assert result.failed == {"17 år", "64 år"}
    assert result.score == pytest.approx(7 / 9)


def test_a_prompt_in_input_is_shown_on_the_first_differing_line(challenge, local_runner):
    source = 'a = int(input("Ålder: "))\nprint("Pris: 25 kr")\n'
    result = grade_submission(challenge, source, runner=local_runner)
    example = result.tests[0]
    assert not example.passed
    assert "Rad 1" in example.message and "Ålder: Pris: 25 kr" in example.message


def test_a_syntax_error_is_not_gradable_and_names_the_line(challenge, local_runner):
    result = grade_submission(challenge, "x = 1\nprint('hej'\n", runner=local_runner)
    assert not result.gradable and result.score == 0.0
    assert "biljett.py" in result.message and "rad 2" in result.message
    assert local_runner.specs == []  # nothing was run


def test_a_file_that_is_not_utf8_is_not_gradable(challenge, local_runner):
    result = grade_submission(challenge, {"biljett.py": "print('å')".encode("latin-1")},
                              runner=local_runner)
    assert not result.gradable and "UTF-8" in result.message


def test_a_crash_reports_the_last_line_of_the_traceback(challenge, local_runner):
    result = grade_submission(challenge, "x = int(input())\nprint(1 / 0)\n", runner=local_runner)
    assert "ZeroDivisionError" in result.tests[0].message


def test_an_endless_loop_fails_each_test_with_a_timeout(challenge, local_runner):
    result = grade_submission(challenge, "while True:\n    pass\n", visible_only=True,
                              runner=local_runner, locale="en")
    assert [t.passed for t in result.tests] == [False, False]
    assert "Did not finish within" in result.tests[0].message


def test_the_precheck_runs_only_candidate_tests_and_sends_no_staff_input(challenge,
                                                                         local_runner):
    result = grade_submission(challenge, dict(challenge.solution.files), visible_only=True,
                              runner=local_runner)
    assert [t.name for t in result.tests] == ["exempel 12 år", "vuxen 30 år"]
    spec = local_runner.specs[0]
    assert b"65" not in spec.stdin + b"".join(spec.files.values())


def test_expected_output_never_enters_the_sandbox(challenge, local_runner):
    grade_submission(challenge, dict(challenge.solution.files), runner=local_runner)
    sent = b"".join(local_runner.specs[0].files.values())
    assert b"Pris: 40 kr" not in sent.replace(challenge.solution.files["biljett.py"], b"")


def test_printing_all_tests_passed_gains_nothing(challenge, local_runner):
    source = "print('All tests passed! score = 1.0')\n"
    result = grade_submission(challenge, source, runner=local_runner)
    assert result.score == 0.0


def test_a_sandbox_failure_is_our_error_and_costs_no_attempt(challenge):
    result = grade_submission(challenge, dict(challenge.solution.files), runner=BrokenRunner())
    assert not result.gradable and result.our_error
    view = candidate_view(result)
    assert "inte ditt fel" in view.message and "engine" not in view.our_error


def test_the_candidate_view_hides_staff_tests_behind_a_neutral_message(challenge,
                                                                       local_runner):
    wrong = next(w for w in challenge.wrongs if w.name == "glomt-pensionar")
    result = grade_submission(challenge, dict(wrong.files), runner=local_runner)
    view = candidate_view(result)
    staff = [t for t in view.tests if t.visibility == "staff"]
    assert all(t.name.startswith("Dolt test") and not t.input and not t.got for t in staff)
    assert "65" not in " ".join(t.message + t.name for t in staff)
    assert view.score == result.score and view.counts() == result.counts()


def test_a_hidden_test_says_the_program_crashed_with_which_error_but_not_its_input(
        bank_challenge, local_runner):
    source = ('n = int(input())\ntal = [int(input()) for _ in range(n)]\n'
              'if n == 1:\n    raise ValueError(f"hemligt: {tal}")\n'
              'print(f"Summa: {sum(tal)}")\nprint(f"Medel: {sum(tal) / n:.2f}")\n')
    result = grade_submission(bank_challenge("p1-summa-medel"), source, runner=local_runner)
    view = candidate_view(result)
    hidden = {t.name: t for t in view.tests if t.visibility == "staff"}
    assert not hidden["Dolt test 1"].passed
    assert "kraschade med ValueError" in hidden["Dolt test 1"].message
    assert "hemligt" not in json.dumps(view.to_dict()) and "7" not in hidden["Dolt test 1"].message


def test_a_hidden_test_that_runs_too_long_says_so(bank_challenge, local_runner):
    source = ('n = int(input())\ntal = [int(input()) for _ in range(n)]\n'
              'while n == 1:\n    pass\n'
              'print(f"Summa: {sum(tal)}")\nprint(f"Medel: {sum(tal) / n:.2f}")\n')
    result = grade_submission(bank_challenge("p1-summa-medel"), source, runner=local_runner,
                              locale="en")
    [slow] = [t for t in candidate_view(result, "en").tests if not t.passed]
    assert slow.name == "Hidden test 1" and "did not finish in time" in slow.message
