"""Grading: seven kinds of grader (io, function, sql, web, network, notebook, choice), all
returning a ``GradeResult``.

``grade_submission(challenge, files, seed, visible_only=False, runner=None)`` is the entry
point (``runner``: the sandbox, which the caller hands in; graders that run code need it);
``candidate_view(result)`` is what a candidate may see of a result.
"""

from assessor.domain.grading.registry import GRADERS, get_grader
from assessor.domain.grading.result import GradeResult, TestOutcome, Visibility, candidate_view
from assessor.domain.grading.service import grade_submission

__all__ = ["GRADERS", "GradeResult", "TestOutcome", "Visibility", "candidate_view", "get_grader",
           "grade_submission"]
