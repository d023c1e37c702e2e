"""An in-memory runner for tests of code that uses the sandbox: records calls, runs nothing."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from sandbox.spec import RunResult, RunSpec, Status
from sandbox.validation import prepare

Answer = RunResult | Callable[[RunSpec], RunResult]


class FakeRunner:
    """Answers ``answer`` (a RunResult or a function of the spec); keeps every spec in ``calls``.

    Specs are validated like the real backends do, so a test still sees ``InvalidSpecError``.
    """

    name = "fake"

    def __init__(self, answer: Answer | None = None) -> None:
        self.answer = answer or RunResult(Status.OK, exit_code=0)
        self.calls: list[RunSpec] = []
        self.closed = False

    def run(self, spec: RunSpec) -> RunResult:
        """Record ``spec`` and answer without running anything."""
        spec = prepare(spec)
        self.calls.append(spec)
        result = self.answer(spec) if callable(self.answer) else self.answer
        return dataclasses.replace(result, backend=result.backend or self.name)

    def close(self) -> None:
        """Mark the fake closed (tests may assert it)."""
        self.closed = True
