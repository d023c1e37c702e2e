"""Running a driver in the sandbox and reading back its observations."""

from __future__ import annotations

from collections.abc import Mapping

from assessor.challenges.model import TestCase
from assessor.grading.base import Context
from assessor.grading.drivers import driver_argv, driver_files
from assessor.grading.endings import run_ending
from assessor.grading.observations import read_observations
from assessor.grading.result import TestOutcome
from sandbox.spec import RunResult, RunSpec


def run_driver(ctx: Context, driver: str, plan: dict,
               files: Mapping[str, bytes]) -> tuple[RunResult, dict[str, dict]]:
    """Run ``driver`` with ``plan`` next to ``files``; the result and observations by test id."""
    assert ctx.runner is not None, "a sandboxed grader needs a runner"
    spec = RunSpec(files={**files, **driver_files(driver, plan)}, argv=driver_argv(driver),
                   limits=ctx.variant.challenge.limits, language="python")
    result = ctx.runner.run(spec)
    return result, read_observations(result)


def unobserved(ctx: Context, test: TestCase, result: RunResult) -> TestOutcome:
    """The outcome of a test the driver never reported on: why, from how the run ended."""
    return ctx.failed(test, ctx.msg("no_observation", why=run_ending(ctx, result)))


def ids_of(tests: tuple[TestCase, ...]) -> dict[str, TestCase]:
    """Tests keyed by the id the driver reports them under (their position)."""
    return {str(index): test for index, test in enumerate(tests)}
