"""One home for the shared words: areas, courses, grade steps, locales and evidence kinds; and
words in the web for every value a page names."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor.domain.ability.levels import LADDERS
from assessor.domain.screening.scoring import OUTCOMES
from assessor.domain.vocabulary import AREA_COURSES, AREAS, COURSES, GRADES, LOCALES, Area, Evidence
from assessor.models import (
    ConsentPurpose,
    FollowUp,
    FollowUpOutcome,
    Role,
    Submission,
    SubmissionStatus,
    User,
)
from assessor.services.policy.actions import EMPLOYER_ROLE
from web.challenges.answer_form import is_form
from web.facilitator.words import FOLLOW_UP_OUTCOMES
from web.handins.words import STATUS_NAMES
from web.questionnaire.words import OUTCOME_NAMES
from web.words import AREA_BLURBS, AREA_NAMES, EVIDENCE_NAMES, EVIDENCE_PLACES, PURPOSES, ROLE_NAMES

MIGRATIONS = Path(__file__).resolve().parents[2] / "assessor" / "infra" / "migrations" / "versions"


def test_every_area_has_a_ladder_of_its_courses_in_grade_steps():
    assert list(LADDERS) == list(AREAS)
    for area, courses in AREA_COURSES.items():
        assert LADDERS[area] == tuple((c, g) for c in courses for g in GRADES)
    assert sorted(COURSES) == sorted(c for courses in AREA_COURSES.values() for c in courses)


def test_every_area_and_evidence_kind_has_words_in_the_web():
    assert set(AREA_NAMES) == set(AREA_BLURBS) == set(AREAS)
    assert set(EVIDENCE_NAMES) == set(EVIDENCE_PLACES) == {e.value for e in Evidence}


def test_every_role_purpose_and_outcome_has_words_in_the_web():
    # an employer opens a profile link without an account: a role of the access log only
    assert set(ROLE_NAMES) == {role.value for role in Role} | {EMPLOYER_ROLE}
    assert set(PURPOSES) == {purpose.value for purpose in ConsentPurpose}
    assert set(OUTCOME_NAMES) == set(OUTCOMES)
    assert set(FOLLOW_UP_OUTCOMES) == {outcome.value for outcome in FollowUpOutcome}
    assert set(STATUS_NAMES) == {status.value for status in SubmissionStatus} | {"not_gradable"}


@pytest.mark.parametrize(("model", "constraint", "values"), [
    (FollowUp, "area_known", Area),
    (User, "locale_known", LOCALES),
    (Submission, "evidence_known", Evidence),
])
def test_a_database_constraint_lists_the_vocabulary_as_a_migration_wrote_it(model, constraint,
                                                                             values):
    """Changing the vocabulary needs a migration: this fails until one says the same."""
    column = constraint.removesuffix("_known")
    wanted = f"{column} IN ({', '.join(repr(str(v)) for v in values)})"
    [check] = [c for c in model.__table__.constraints if str(c.name).endswith(constraint)]
    assert str(check.sqltext) == wanted
    assert any(wanted in path.read_text(encoding="utf-8") for path in MIGRATIONS.glob("*.py"))


class _Challenge:
    def __init__(self, grader: str, options: dict) -> None:
        self.grader, self.options = grader, options


@pytest.mark.parametrize(("grader", "options", "form"), [
    ("network", {}, True),                    # "form" is the network grader's default mode
    ("network", {"mode": "form"}, True),
    ("network", {"mode": "server"}, False),
    ("choice", {}, False),                    # answered in answers.toml in the editor
    ("io", {}, False),
])
def test_the_grader_says_whether_a_challenge_is_answered_in_a_form(grader, options, form):
    assert is_form(_Challenge(grader, options)) is form
