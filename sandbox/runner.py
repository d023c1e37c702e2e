"""The port every backend implements, and the errors they share."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from sandbox.spec import RunResult, RunSpec


@runtime_checkable
class SandboxRunner(Protocol):
    """Runs one RunSpec and reports what it observed; ``close`` frees pools and threads."""

    name: str

    def run(self, spec: RunSpec) -> RunResult:
        """Run ``spec``; raises ``InvalidSpecError`` for a bad spec, never for a bad program."""
        ...

    def close(self) -> None:
        """Release everything the runner holds; it may not be used afterwards."""
        ...


class SandboxConfigError(RuntimeError):
    """The requested backend cannot be used here (e.g. the process backend in production)."""
