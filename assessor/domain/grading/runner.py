"""The sandbox as graders see it: one call, timed, with our own failures made explicit."""

from __future__ import annotations

import logging
import time
from typing import Protocol

from sandbox.spec import RunResult, RunSpec, Status

log = logging.getLogger(__name__)


class Runner(Protocol):
    """Anything with ``run(spec) -> RunResult``: the Docker, process or fake backend."""

    def run(self, spec: RunSpec) -> RunResult: ...


class SandboxUnavailableError(RuntimeError):
    """The sandbox failed (engine down, image missing): not the candidate's fault; retry."""


class TimedRunner:
    """Wraps a runner, adds up the time spent inside it and turns our failures into errors."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.seconds = 0.0

    def run(self, spec: RunSpec) -> RunResult:
        """Run ``spec``; raises ``SandboxUnavailableError`` when the sandbox itself failed."""
        start = time.perf_counter()
        try:
            result = self.runner.run(spec)
        except Exception as error:  # any backend failure is ours, never the candidate's
            log.exception("sandbox run failed")
            raise SandboxUnavailableError(f"{type(error).__name__}: {error}") from error
        finally:
            self.seconds += time.perf_counter() - start
        if result.status == Status.SANDBOX_ERROR:
            log.warning("sandbox error: %s", result.error)
            raise SandboxUnavailableError(result.error or "sandbox error")
        return result


class NoRunner:
    """Stands in when the caller gave no sandbox: a run is our failure, never the candidate's
    (whoever grades hands the sandbox in). Checks before any run still work."""

    def run(self, spec: RunSpec) -> RunResult:
        """Refuse: there is no sandbox to run ``spec`` in."""
        raise SandboxUnavailableError("no sandbox runner was given")
