"""The hostile cases against the development process backend, which is NOT a security boundary.

Each case it contains runs here with the same expectations as under Docker. Each case it cannot
contain is listed as an expected failure that is not run, with the reason (see ``-ra`` output):
running it would attack this machine.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sandbox.process_backend import PATH, ProcessRunner
from tests.sandbox.adversarial.catalogue import CASES, Case, all_cases, survivors, verify

ALL = all_cases()


def by_name(name: str) -> Case:
    return next(case for case in ALL if case.name == name)


def marked(case: Case):
    """The case, or an expected failure that is not run, saying why."""
    interpreter = case.spec().argv[0]
    if not case.contained_by_process_backend:
        reason = case.directives["process"]
    elif shutil.which(interpreter, path=PATH) is None:
        reason = f"{interpreter} is not installed here; the process backend uses this machine's"
    else:
        return case
    return pytest.param(case, id=case.name, marks=pytest.mark.xfail(
        run=False, strict=True, reason=f"process backend, case {case.title}: {reason}"))


def run_folders(base: Path) -> set[str]:
    return {p.name for p in base.glob("kodprov-run-*")}


def test_every_case_says_whether_the_process_backend_contains_it():
    for case in ALL:
        verdict = case.directives.get("process", "")
        assert verdict.startswith(("contained", "not contained: ")), case.name


@pytest.fixture
def runner():
    """A process runner of this test's own: its run folders go in its private base folder, so
    "nothing is left behind" is about this test alone, whoever else runs code on the machine."""
    made = ProcessRunner()
    yield made
    made.close()


@pytest.mark.parametrize("case", [marked(c) for c in ALL], ids=lambda c: c.name)
def test_case(case: Case, runner: ProcessRunner):
    """A contained case behaves as under Docker and leaves no process and no folder behind."""
    runs = int(case.directives.get("repeat", 1))
    for _ in range(runs):
        result = runner.run(case.spec())
        verify(case, result)
        assert survivors(result) == []
    if "pair" in case.directives:
        partner = by_name(case.directives["pair"])
        verify(partner, runner.run(partner.spec()))
    assert run_folders(runner.base_dir) == set()


def test_cases_folder_is_what_the_catalogue_reads():
    assert sorted(p.name for p in CASES.iterdir() if not p.name.startswith((".", "_"))) == sorted(
        c.name for c in ALL)
    assert os.access(CASES, os.R_OK)
