"""The grading job: reload the submission by id, grade it, record the outcome.

Idempotent: a submission that is already done, or that another worker holds, is left alone,
so a job delivered twice (a Celery redelivery, a requeue after a crash, two web workers
recovering it) changes nothing (see ``claims``). Our own failures (sandbox down)
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
from assessor.services.jobs import claims
from assessor.services.jobs.timing import DEFAULT_TIMING, JobTiming

log = logging.getLogger(__name__)
#: tries in all; our own failures are retried after 2, 4, 8 and 16 s (``JobTiming``): 30 s,
#: longer than a Docker engine takes to restart (tests/jobs/test_docker_restart.py)
MAX_TRIES = 5


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


def run_grading_job(database: Database, submission_id: int, grader: Grader,
                    timing: JobTiming = DEFAULT_TIMING) -> str:
    """Grade one submission; returns its status afterwards (``queued`` means retry it).
    Two units of work (see ``assessor.infra.unit_of_work``): the claim is committed before
    the sandbox runs, the outcome after it; no transaction is open while it runs. The claim is
    atomic (``claims``): a submission another worker holds is left alone, and only the try
    that holds the claim stores its outcome, so a submission gets one result however often
    its id is delivered."""
    with unit_of_work(database) as session:
        claimed = _claim(session, submission_id, timing)
        if isinstance(claimed, str):
            return claimed
        submission, token = claimed
    outcome = _grade_safely(grader, submission)
    with unit_of_work(database) as session:
        if not claims.finish(session, submission_id, token,
                             _outcome_values(outcome, submission.tries)):
            log.warning("submission %s: try %s was taken over; its outcome is dropped",
                        submission_id, submission.tries)
        current = session.get(Submission, submission_id)
        return current.status if current is not None else "missing"


def _claim(session: Session, submission_id: int,
           timing: JobTiming) -> tuple[Submission, str] | str:
    """The claimed submission and its token; else its status as it is (done, another
    worker's, ``withheld`` now because its person has no yes to the tests, or ``missing``)."""
    submission = session.get(Submission, submission_id)
    if submission is None:
        return "missing"
    if submission.done:
        return submission.status
    now = utcnow()
    if not policy.check(session, policy.SYSTEM, policy.Action.USE_RESULTS, submission.person):
        if claims.withhold(session, submission_id, now, timing.stale_after):
            log.info("submission %s withheld: no yes to the tests", submission_id)
        session.refresh(submission)
        return submission.status
    token = claims.claim(session, submission_id, now, timing.stale_after)
    session.refresh(submission)
    if token is None:
        return submission.status
    return submission, token


def _grade_safely(grader: Grader, submission: Submission) -> GradeOutcome:
    try:
        return grader(submission.challenge_id, dict(submission.files), submission.seed,
                      submission.kind == "precheck", locale=submission.locale)
    except Exception as error:  # a bug of ours must not cost the candidate an attempt
        log.exception("grading submission %s failed", submission.id)
        return GradeOutcome(our_error=f"{type(error).__name__}: {error}")


def _outcome_values(outcome: GradeOutcome, tries: int) -> dict:
    """The columns a try's outcome sets: a result, or our failure (queued again for a retry
    while tries are left, else ``error``)."""
    if outcome.our_error:
        retry = tries < MAX_TRIES
        log.warning("our error (try %s): %s", tries, outcome.our_error)
        return {"error": outcome.our_error[:1000], "claim_token": None,
                "status": SubmissionStatus.QUEUED if retry else SubmissionStatus.ERROR,
                "finished_at": None if retry else utcnow()}
    return {"status": SubmissionStatus.GRADED, "score": max(0.0, min(1.0, outcome.score)),
            "gradable": outcome.gradable, "result": outcome.result, "error": "",
            "claim_token": None, "finished_at": utcnow()}
