"""GradeResult: score, counts, JSON form and the candidate's view."""

from __future__ import annotations

import json

from assessor.domain.grading import GradeResult, TestOutcome, Visibility, candidate_view


def result(*outcomes: TestOutcome, **kwargs) -> GradeResult:
    return GradeResult(challenge_id="x", seed=0, tests=outcomes, **kwargs)


def outcome(name: str, passed: bool, points: float = 1.0, staff: bool = False) -> TestOutcome:
    visibility = Visibility.STAFF if staff else Visibility.CANDIDATE
    return TestOutcome(name, points, passed, "why", visibility, input="in", expected="e", got="g")


def test_the_score_weighs_tests_by_points():
    assert result(outcome("a", True, 3), outcome("b", False, 1)).score == 0.75


def test_a_result_that_is_not_gradable_scores_zero():
    assert result(outcome("a", True), gradable=False).score == 0.0
    assert result().score == 0.0


def test_counts_per_visibility_for_reports():
    counts = result(outcome("a", True), outcome("b", False, staff=True),
                    outcome("c", True, staff=True)).counts()
    assert counts == {"candidate": (1, 1), "staff": (1, 2)}


def test_to_dict_is_json_ready_and_carries_score_and_points():
    data = result(outcome("a", True, 2), outcome("b", False, staff=True)).to_dict()
    text = json.dumps(data)
    assert data["score"] == round(2 / 3, 6) and data["tests"][0]["points"] == 2
    assert data["tests"][1]["visibility"] == "staff" and "counts" in text


def test_candidate_view_keeps_visible_tests_whole():
    view = candidate_view(result(outcome("exempel", False)))
    assert view.tests[0] == outcome("exempel", False)


def test_candidate_view_reduces_staff_tests_to_pass_or_fail(tmp_path):
    view = candidate_view(result(outcome("hemligt kantfall", False, staff=True),
                                 outcome("annat", True, staff=True)), locale="en")
    first, second = view.tests
    assert (first.name, first.passed, first.input, first.expected, first.got) == (
        "Hidden test 1", False, "", "", "")
    assert "hidden" in first.message and second.name == "Hidden test 2"
    assert "hemligt" not in json.dumps(view.to_dict())


def test_candidate_view_replaces_our_internal_error_with_a_calm_line():
    view = candidate_view(result(gradable=False, our_error="docker.errors.APIError: 500"))
    assert "docker" not in view.our_error and "inte ditt fel" in view.our_error


def hidden(problem: str) -> TestOutcome:
    return TestOutcome("kantfall", 1.0, False, "Programmet kraschade: ValueError: 'hemlig'",
                       Visibility.STAFF, input="hemlig", problem=problem)


def test_a_hidden_crash_names_pythons_own_error_and_nothing_of_the_input():
    [test] = candidate_view(result(hidden("crashed:ValueError"))).tests
    assert "kraschade med ValueError" in test.message and "hemlig" not in test.message


def test_a_hidden_crash_with_a_made_up_error_name_does_not_show_the_name():
    [test] = candidate_view(result(hidden("crashed:Svaret_var_42")), locale="en").tests
    assert "crashed" in test.message and "42" not in test.message


def test_each_kind_of_hidden_problem_has_its_own_words():
    words = {kind: candidate_view(result(hidden(kind)), "en").tests[0].message
             for kind in ("wrong", "slow", "memory", "output", "stopped", "error")}
    assert len(set(words.values())) == len(words)
    assert "wrong answer" in words["wrong"] and "too much memory" in words["memory"]


def test_a_hidden_failure_stored_before_problems_were_recorded_stays_neutral():
    [test] = candidate_view(result(hidden(""))).tests
    assert test.message.startswith("Gick inte igenom. Testet är dolt")
