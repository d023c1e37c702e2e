"""Notebooks become modules for the function grader; choice items need no sandbox."""

from __future__ import annotations

import json

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from assessor.domain.grading import grade_submission
from assessor.domain.grading.choice_grader import judge_answer

NOTEBOOK = "temperatur.ipynb"


@pytest.fixture
def notebook_challenge(bank_challenge):
    return bank_challenge("p2-notebook-temperatur")


def notebook(*cells) -> bytes:
    return nbformat.writes(new_notebook(cells=list(cells))).encode()


def answer(source: str):
    return new_code_cell(source, metadata={"tags": ["svar"]})


def test_only_tagged_cells_are_graded_and_outputs_are_dropped(notebook_challenge,
                                                              local_runner):
    reference = notebook_challenge.solution.files[NOTEBOOK]
    assert b'"outputs": [\n' in reference or b'"output_type"' in reference
    result = grade_submission(notebook_challenge, {NOTEBOOK: reference}, runner=local_runner)
    assert result.score == 1.0
    module = local_runner.specs[0].files["temperatur.py"].decode()
    assert "# %matplotlib inline" not in module and "def medel" in module


def test_magics_in_answer_cells_are_commented_out(notebook_challenge, local_runner):
    cell = answer("%timeit 1\n!pip install x\ndef medel(t):\n    return 0\n"
                  "def varmaste_dag(m):\n    return ''")
    result = grade_submission(notebook_challenge, {NOTEBOOK: notebook(cell)},
                              runner=local_runner, visible_only=True)
    assert result.gradable
    module = local_runner.specs[0].files["temperatur.py"].decode()
    assert "# %timeit 1\n# !pip install x" in module


def test_a_file_that_is_not_a_notebook_is_not_gradable(notebook_challenge, local_runner):
    result = grade_submission(notebook_challenge, {NOTEBOOK: b"def medel(t): pass"},
                              runner=local_runner)
    assert not result.gradable
    assert result.message.startswith("temperatur.ipynb är ingen notebook")
    assert "rad 1" in result.message and local_runner.specs == []


def test_a_notebook_nested_too_deeply_is_not_gradable(notebook_challenge, local_runner):
    result = grade_submission(notebook_challenge, {NOTEBOOK: b"[" * 200_000},
                              runner=local_runner, locale="en")
    assert not result.gradable and local_runner.specs == []
    assert result.message.startswith("The notebook temperatur.ipynb is damaged")


@pytest.mark.parametrize(("content", "start"), [
    (json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                 "cells": [{"cell_type": "code"}]}), "The notebook temperatur.ipynb is damaged"),
    (json.dumps({"name": "x"}), "temperatur.ipynb is JSON but not a Jupyter notebook"),
    ("[1, 2", "temperatur.ipynb is not a notebook"),
])
def test_a_broken_notebook_is_not_gradable_and_says_why_in_plain_words(notebook_challenge,
                                                                      content, start):
    result = grade_submission(notebook_challenge, {NOTEBOOK: content.encode()}, locale="en")
    assert not result.gradable and result.message.startswith(start)
    assert "Traceback" not in result.message and "'" not in result.message


def test_an_oversized_notebook_says_how_to_shrink_it(notebook_challenge):
    cell = answer("x = 1")
    cell.outputs = [new_output("stream", name="stdout", text="x" * 3_000_000)]
    result = grade_submission(notebook_challenge, {NOTEBOOK: notebook(cell)}, locale="en")
    assert not result.gradable and "Restart & Clear Output" in result.message


def test_a_notebook_without_tagged_cells_says_which_tag(notebook_challenge):
    result = grade_submission(notebook_challenge, {NOTEBOOK: notebook(new_code_cell("x = 1"))})
    assert result.message == 'Notebooken har inga kodceller att rätta (tagg "svar").'
    english = grade_submission(notebook_challenge, {NOTEBOOK: notebook(new_code_cell("x = 1"))},
                               locale="en")
    assert english.message == 'The notebook has no code cells to grade (tag "svar").'


def test_a_helper_in_an_untagged_cell_is_not_defined_for_the_tests(notebook_challenge,
                                                                   local_runner):
    helper = new_code_cell("def avrunda(x):\n    return round(x, 1)\n")
    uses_it = answer("def medel(t):\n    return avrunda(sum(t) / len(t))\n\n\n"
                     "def varmaste_dag(m):\n    pass\n\n\ndef over_grans(m, g):\n    pass\n")
    result = grade_submission(notebook_challenge, {NOTEBOOK: notebook(helper, uses_it)},
                              runner=local_runner, locale="en")
    medel = next(t for t in result.tests if t.name == "medel exempel")
    assert not medel.passed and "NameError" in medel.message


def test_a_syntax_error_in_an_answer_cell_is_not_gradable(notebook_challenge, local_runner):
    result = grade_submission(notebook_challenge, {NOTEBOOK: notebook(answer("def medel(:"))},
                              runner=local_runner)
    assert not result.gradable and result.message.startswith("Syntaxfel i temperatur.py")


@pytest.mark.parametrize(("item", "answer_text", "right"), [
    ({"kind": "single", "answer": "a"}, "A", True),
    ({"kind": "single", "answer": "a"}, "b", False),
    ({"kind": "multiple", "answer": ["a", "c"]}, "c, a", True),
    ({"kind": "multiple", "answer": ["a", "c"]}, "a", False),
    ({"kind": "multiple", "answer": ["a", "c"]}, "a c d", False),
    ({"kind": "short", "accept": ["3 2"]}, "  3   2 ", True),
    ({"kind": "short", "accept": ["Print"]}, "print", True),
    ({"kind": "short", "accept": ["Print"], "case_sensitive": True}, "print", False),
])
def test_choice_items_are_judged_without_a_sandbox(item, answer_text, right):
    assert judge_answer(item, answer_text) is right


def test_a_choice_challenge_takes_answers_as_fields_or_a_file(bank_challenge):
    challenge = bank_challenge("p1-kodlasning")
    fields = {"uttryck": "a", "range": "a", "falska värden": ["a", "b", "c", "e"],
              "len": "7", "heltalsdivision": "3 2"}
    assert grade_submission(challenge, fields).score == 1.0
    result = grade_submission(challenge, dict(challenge.wrongs[0].files))
    assert result.gradable and result.score < 1.0
    assert grade_submission(challenge, {"range": "a"}).tests[0].message == "Inget svar."
