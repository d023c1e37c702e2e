"""The grading job: reload the submission by id, grade it, record the outcome.

Idempotent: a submission that is already done is left alone, so a job delivered twice (a
Celery redelivery, a requeue after a crash) changes nothing. Our own failures (sandbox down)
put the submission back in the queue up to ``MAX_TRIES`` times, then mark it ``error``: "could
not grade, not your fault" — never a failed attempt for the candidate. A submission whose person
has no yes to the tests (taken back after handing in) is ``withheld``: never graded.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy.orm import Session

from assessor.domain.clock import utcnow
from assessor.infra.db import Database
from assessor.infra.unit_of_work import unit_of_work
from assessor.models import Submission, SubmissionStatus
from assessor.services import policy

log = logging.getLogger(__name__)
MAX_TRIES = 3


@dataclass(frozen=True)
class GradeOutcome:
    """What grading found. ``our_error`` set means we failed, not the candidate."""

    score: float = 0.0
    gradable: bool = True
    result: dict = field(default_factory=dict)
    our_error: str = ""


class Grader(Protocol):
    """Grades one submission's files for a challenge."""

    def __call__(self, challenge_id: str, files: dict[str, str], seed: int,
                 visible_only: bool, locale: str = "sv") -> GradeOutcome: ...


def run_grading_job(database: Database, submission_id: int, grader: Grader) -> str:
    """Grade one submission; returns its status afterwards (``queued`` means retry it).
    Two units of work (see ``assessor.infra.unit_of_work``): the claim is committed before
    the sandbox runs, the outcome after it; no transaction is open while it runs."""
    with unit_of_work(database) as session:
        submission = _claim(session, submission_id)
        if submission is None or submission.status != SubmissionStatus.RUNNING:
            return submission.status if submission else "missing"
    outcome = _grade_safely(grader, submission)
    with unit_of_work(database) as session:
        submission = session.get(Submission, submission_id)
        if submission is None:  # erased while it was graded
            return "missing"
        _record(submission, outcome)
        return submission.status


def _claim(session: Session, submission_id: int) -> Submission | None:
    """The submission, marked ``running`` with one more try; left alone when it is done, and
    ``withheld`` when its person has no yes to the tests now."""
    submission = session.get(Submission, submission_id)
    if submission is None or submission.done:
        return submission
    if not policy.check(session, policy.SYSTEM, policy.Action.USE_RESULTS, submission.person):
        submission.status = SubmissionStatus.WITHHELD
        submission.finished_at = utcnow()
        log.info("submission %s withheld: no yes to the tests", submission.id)
        return submission
    submission.status = SubmissionStatus.RUNNING
    submission.tries += 1
    submission.started_at = utcnow()
    return submission


def _grade_safely(grader: Grader, submission: Submission) -> GradeOutcome:
    try:
        return grader(submission.challenge_id, dict(submission.files), submission.seed,
                      submission.kind == "precheck", locale=submission.locale)
    except Exception as error:  # a bug of ours must not cost the candidate an attempt
        log.exception("grading submission %s failed", submission.id)
        return GradeOutcome(our_error=f"{type(error).__name__}: {error}")


def _record(submission: Submission, outcome: GradeOutcome) -> None:
    if outcome.our_error:
        submission.error = outcome.our_error[:1000]
        retry = submission.tries < MAX_TRIES
        submission.status = SubmissionStatus.QUEUED if retry else SubmissionStatus.ERROR
        submission.finished_at = None if retry else utcnow()
        log.warning("submission %s: our error (try %s): %s", submission.id, submission.tries,
                    outcome.our_error)
        return
    submission.status = SubmissionStatus.GRADED
    submission.score = max(0.0, min(1.0, outcome.score))
    submission.gradable = outcome.gradable
    submission.result = outcome.result
    submission.error = ""
    submission.finished_at = utcnow()
