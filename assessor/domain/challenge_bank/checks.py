"""Checks that need a built challenge: each seed's variant renders and suits its grader."""

from __future__ import annotations

import contextlib

from assessor.domain.challenges.model import Challenge
from assessor.domain.challenges.problems import FormatProblem, with_folder
from assessor.domain.challenges.variants import TemplateError
from assessor.domain.grading.registry import GRADERS, get_grader


def check_challenge(challenge: Challenge, seeds: range = range(1)) -> list[FormatProblem]:
    """Problems in the grader fields and templates of every variant in ``seeds`` (deduplicated)."""
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
    problems = list(found.values())
    better = _better_grader(challenge, len(problems))
    if better:
        problems.insert(0, FormatProblem(
            f"{challenge.path.name}/challenge.toml", "grader",
            f"is {challenge.grader!r}, but the tests look written for {better!r}.",
            f'Check grader first (grader = "{better}"?); the problems below may all come '
            "from it."))
    return problems


def _better_grader(challenge: Challenge, problem_count: int) -> str | None:
    """A grader kind the tests fit with no problems, when the chosen one finds many."""
    if problem_count < 3:
        return None
    try:
        variant = challenge.variant(0)
    except Exception:  # the generator's problems are reported already
        return None
    for kind in GRADERS:
        if kind == challenge.grader:
            continue
        found: list[FormatProblem] = []
        with contextlib.suppress(Exception):  # another grader may not expect these options
            get_grader(kind).check(variant, found)
            if not found:
                return kind
    return None
