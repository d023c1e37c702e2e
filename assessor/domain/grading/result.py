"""What grading returns: one ``GradeResult`` with a ``TestOutcome`` per test.

Shaped like PrairieLearn's ``results.json``: a score from 0 to 1, ``gradable`` (false when the
submission could not be graded: it costs no attempt), and per test its points and visibility.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace

from assessor.domain.challenges.model import Visibility
from assessor.domain.grading.messages import text
from assessor.domain.grading.messages.hidden import hidden_message

__all__ = ["GradeResult", "TestOutcome", "Visibility", "candidate_view"]


@dataclass(frozen=True)
class TestOutcome:
    """One test: what it was worth, whether it passed and why."""

    __test__ = False  # not a pytest test class

    name: str
    max_points: float
    passed: bool
    message: str = ""
    visibility: Visibility = Visibility.CANDIDATE
    #: what went in and what was expected/observed, shown only where the test is visible
    input: str = ""
    expected: str = ""
    got: str = ""
    #: the kind of problem a failed test met (``messages.hidden.problem_of``): what a hidden
    #: test shows
    problem: str = ""
    #: how printed output was compared (``compare.TEXT_COMPARATORS``) and the tolerance of
    #: ``numbers``: the page pairs expected and printed lines the same way (``output_diff``)
    compare: str = ""
    tolerance: float | None = None
    #: an SQL test's result sets (columns, rows, more), expected and the candidate's, for a
    #: visible test only: shown side by side
    expected_table: dict | None = None
    got_table: dict | None = None

    @property
    def points(self) -> float:
        """Points earned: all or nothing per test."""
        return self.max_points if self.passed else 0.0


@dataclass(frozen=True)
class GradeResult:
    """The verdict on one submission for one challenge variant."""

    challenge_id: str
    seed: int
    tests: tuple[TestOutcome, ...] = ()
    gradable: bool = True
    #: for a submission that is not gradable: exactly what to fix
    message: str = ""
    #: set when *we* failed (sandbox down): "could not grade, not your fault", retry later
    our_error: str = ""
    version: str = ""
    sandbox_seconds: float = 0.0
    host_seconds: float = 0.0
    extra: dict = field(default_factory=dict)

    @property
    def score(self) -> float:
        """Earned points over possible points, 0..1; 0 when not gradable."""
        total = sum(t.max_points for t in self.tests)
        if not self.gradable or total <= 0:
            return 0.0
        return round(sum(t.points for t in self.tests) / total, 6)

    @property
    def failed(self) -> frozenset[str]:
        """Names of the tests that did not pass."""
        return frozenset(t.name for t in self.tests if not t.passed)

    def counts(self) -> dict[str, tuple[int, int]]:
        """Passed and total per visibility, e.g. ``{"staff": (3, 4)}``, for reports."""
        counts: dict[str, tuple[int, int]] = {}
        for test in self.tests:
            passed, total = counts.get(test.visibility.value, (0, 0))
            counts[test.visibility.value] = (passed + test.passed, total + 1)
        return counts

    def to_dict(self) -> dict:
        """Plain JSON-ready data (the full staff view), score and counts included."""
        data = asdict(self)
        data["score"] = self.score
        data["counts"] = {k: list(v) for k, v in self.counts().items()}
        data["tests"] = [dict(asdict(t), points=t.points) for t in self.tests]
        return data


def candidate_view(result: GradeResult, locale: str = "sv",
                   labels: Mapping[str, str] | None = None) -> GradeResult:
    """The result as the candidate may see it: staff tests keep only pass/fail, renamed, and
    for a failure the kind of problem (crashed with ValueError, too slow ...), never the input.

    ``labels`` names the tests of a form task by their fields ("Nätadress"), which the page
    shows anyway; such a test still shows nothing of its expected answer."""
    hidden = 0
    tests = []
    for test in result.tests:
        if test.visibility is Visibility.STAFF:
            hidden += 1
            label = (labels or {}).get(test.name)
            message = (text("hidden_passed", locale) if test.passed
                       else hidden_message(test.problem, locale, answer=bool(label)))
            name = label or text("hidden_name", locale, n=hidden)
            test = replace(test, name=name, message=message,
                           input="", expected="", got="", expected_table=None, got_table=None)
        elif labels and test.name in labels:
            test = replace(test, name=labels[test.name])
        tests.append(test)
    return replace(result, tests=tuple(tests), our_error="" if not result.our_error
                   else text("our_error", locale), extra={})
