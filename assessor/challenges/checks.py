"""Checks that need a built challenge: each seed's variant renders and suits its grader."""

from __future__ import annotations

from assessor.challenges.model import Challenge
from assessor.challenges.problems import FormatProblem
from assessor.challenges.variants import TemplateError


def check_challenge(challenge: Challenge, seeds: range = range(1)) -> list[FormatProblem]:
    """Problems in the grader fields and templates of every variant in ``seeds`` (deduplicated)."""
    from assessor.challenges.loader import with_folder
    from assessor.grading.registry import get_grader

    grader = get_grader(challenge.grader)
    found: dict[str, FormatProblem] = {}
    for seed in seeds if challenge.generated else range(1):
        problems: list[FormatProblem] = []
        try:
            variant = challenge.variant(seed)
        except TemplateError as error:
            problems.append(FormatProblem("generate.py", "generate", f"gives no value for "
                                          f"{{{{ {error.args[0]} }}}} (seed {seed}).",
                                          f"Return a {error.args[0]!r} key from generate(), "
                                          "or fix the placeholder."))
        except Exception as error:  # an author's generator may fail in any way
            problems.append(FormatProblem("generate.py", "generate", f"failed for seed {seed}: "
                                          f"{type(error).__name__}: {error}",
                                          "Run generate() with that seed to see why."))
        else:
            grader.check(variant, problems)
        for problem in problems:
            problem = with_folder(problem, challenge.path.name)
            found.setdefault(str(problem), problem)
    return list(found.values())
