"""Running a driver in the sandbox and reading back its observations."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping

from assessor.domain.challenges.model import TestCase, Visibility
from assessor.domain.grading.base import Context
from assessor.domain.grading.drivers import driver_argv, driver_files
from assessor.domain.grading.endings import run_ending
from assessor.domain.grading.observations import read_observations
from assessor.domain.grading.result import TestOutcome
from sandbox.spec import MAXIMA, RunResult, RunSpec

#: room on the driver's stdout beyond its observations (the sandbox stops a run past the cap)
OUTPUT_MARGIN = 64 * 1024


def run_driver(ctx: Context, driver: str, plan: dict, files: Mapping[str, bytes],
               tests: Mapping[str, TestCase]) -> tuple[RunResult, dict[str, dict]]:
    """Run ``driver`` next to ``files`` with ``plan`` on its stdin (never on disk); the result
    and the observations by test id. ``tests`` maps the plan's ids to their tests."""
    assert ctx.runner is not None, "a sandboxed grader needs a runner"
    limits = dataclasses.replace(ctx.variant.challenge.limits, output_bytes=MAXIMA.output_bytes)
    plan = {**plan, "tests": visible_first(plan["tests"], tests),
            "max_output": limits.output_bytes - OUTPUT_MARGIN}
    spec = RunSpec(files={**files, **driver_files(driver)}, argv=driver_argv(driver),
                   stdin=json.dumps(plan, ensure_ascii=False).encode("utf-8"), limits=limits,
                   language="python")
    result = ctx.runner.run(spec)
    return result, read_observations(result)


def visible_first(planned: list[dict], tests: Mapping[str, TestCase]) -> list[dict]:
    """The plan's tests with the candidate's visible ones first: whatever a hidden test's run
    leaves behind (a file, a process), no run whose output the candidate sees comes after it."""
    return sorted(planned, key=lambda t: tests[t["id"]].visibility is not Visibility.CANDIDATE)


def unobserved(ctx: Context, test: TestCase, result: RunResult) -> TestOutcome:
    """The outcome of a test the driver never reported on: why, from how the run ended."""
    return ctx.failed(test, ctx.msg("no_observation", why=run_ending(ctx, result)))


def ids_of(tests: tuple[TestCase, ...]) -> dict[str, TestCase]:
    """Tests keyed by the id the driver reports them under (their position)."""
    return {str(index): test for index, test in enumerate(tests)}
