"""The bank itself: at least 30 well-formed challenges in four areas, each proving itself."""

from __future__ import annotations

from collections import Counter

import pytest

from assessor.domain.challenge_bank import load_bank
from assessor.domain.challenge_bank.loading import challenge_dirs, read_challenge
from assessor.domain.challenge_bank.validate import validate
from assessor.domain.grading.registry import GRADERS, get_grader
from tests.challenges.conftest import BANK
from tests.challenges.local_runner import BrokenRunner


@pytest.fixture(scope="module")
def bank():
    return load_bank(BANK)


@pytest.mark.parametrize("folder", challenge_dirs(BANK), ids=lambda p: p.name)
def test_every_folder_is_well_formed_over_twenty_seeds(folder):
    _, problems = read_challenge(folder, range(20))
    assert [str(p) for p in problems] == []


def test_at_least_thirty_challenges_and_six_per_area(bank):
    per_area = Counter(c.area.value for c in bank)
    assert len(bank) >= 30
    assert set(per_area) == {"programmering", "webb", "natverk", "databas"}
    assert min(per_area.values()) >= 6


def test_every_area_has_levels_e_c_and_a(bank):
    for area in ("programmering", "webb", "natverk", "databas"):
        assert {c.level for c in bank if c.area.value == area} == {"E", "C", "A"}, area


def test_every_course_and_every_kind_of_grader_is_used(bank):
    assert {c.course for c in bank} == {"Programmering 1", "Programmering 2",
                                        "Webbutveckling 1", "Databasteknik", "Nätverksteknik"}
    assert {c.grader for c in bank} == set(GRADERS)


def test_subnetting_tasks_are_seeded(bank):
    seeded = {c.id for c in bank if c.generated}
    assert {"n-adresser-i-natet", "n-dela-natet", "n-vlsm"} <= seeded


def test_every_statement_says_what_to_do_shows_an_example_and_how_it_is_checked(bank):
    for challenge in bank:
        sv, en = challenge.descriptions["sv"], challenge.descriptions["en"]
        assert "## Exempel" in sv and "## Så rättas det" in sv, challenge.id
        assert "## Example" in en and "## How it is checked" in en, challenge.id


def test_every_challenge_has_a_reference_and_two_realistic_mistakes(bank):
    for challenge in bank:
        assert len(challenge.wrongs) >= 2, challenge.id
        assert all(len(w.expectation.mistake) > 20 for w in challenge.wrongs), challenge.id


def test_host_only_challenges_prove_themselves_without_a_sandbox(bank):
    folders = [c.path for c in bank
               if not get_grader(c.grader).uses_sandbox(c.options)]
    reports = validate(folders, BrokenRunner(), seeds=20)
    assert len(reports) >= 12
    assert [line for r in reports for line in r.reasons()] == []


def test_some_challenges_prove_other_correct_solutions_too(bank):
    proved = {c.id for c in bank if c.also_right}
    assert {"p2-binarsokning", "d-dyrare-an-snittet", "n-adresser-i-natet",
            "w1-tillganglig-form"} <= proved
