"""The real grader behind the queue: a challenge from the bank, graded in the sandbox."""

from __future__ import annotations

import logging

from assessor.domain.grading import grade_submission
from assessor.domain.grading.registry import field_labels
from assessor.domain.grading.result import GradeResult, TestOutcome, Visibility, candidate_view
from assessor.domain.grading.runner import Runner
from assessor.models import Submission
from assessor.services.catalogue import Catalogue
from assessor.services.jobs.grading_job import GradeOutcome

log = logging.getLogger(__name__)


class ChallengeGrader:
    """Grades a submission's files for a challenge of ``catalogue``, running code in ``runner``
    (a ``Grader`` for the queues and the staff preview)."""

    def __init__(self, catalogue: Catalogue, runner: Runner) -> None:
        self.catalogue = catalogue
        self.runner = runner

    def __call__(self, challenge_id: str, files: dict[str, str], seed: int,
                 visible_only: bool, locale: str = "sv") -> GradeOutcome:
        """Grade one submission's files; our own failures come back as ``our_error``."""
        challenge = self.catalogue.challenge(challenge_id)
        if challenge is None:
            return GradeOutcome(our_error=f"unknown challenge {challenge_id!r}")
        result = grade_submission(challenge, {k: v.encode("utf-8") for k, v in files.items()},
                                  seed, visible_only=visible_only, runner=self.runner,
                                  locale=locale)
        if result.our_error:
            return GradeOutcome(our_error=result.our_error)
        return GradeOutcome(score=result.score, gradable=result.gradable,
                            result=result.to_dict())


def result_from_dict(data: dict):
    """A stored result (``GradeResult.to_dict()``) as a ``GradeResult`` again."""
    tests = tuple(
        TestOutcome(**{k: v for k, v in t.items() if k != "points"}
                    | {"visibility": Visibility(t["visibility"])})
        for t in data.get("tests", []))
    fields = {k: v for k, v in data.items() if k not in ("tests", "score", "counts")}
    return GradeResult(**fields, tests=tests)


def candidate_result(submission: Submission, locale: str, catalogue: Catalogue):
    """What the candidate may see of a graded submission, or None while it is not graded.
    The tests of a form task are named by their fields' labels (from ``catalogue``)."""
    if submission.status != "graded" or not submission.result:
        return None
    challenge = catalogue.challenge(submission.challenge_id)
    labels = field_labels(challenge.variant(submission.seed), locale) if challenge else {}
    return candidate_view(result_from_dict(submission.result), locale, labels)
