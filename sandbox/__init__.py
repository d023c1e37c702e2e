"""Runs untrusted files under limits and reports what it observed (see issue 4).

``get_runner(name, config=...)`` makes a runner; ``LazyRunner(config)`` makes the configured one
on first use and carries the admin banner text while the unisolated process backend is in use.
The sandbox knows nothing of challenges and reads no settings: its caller hands it a
``SandboxConfig``.
"""

from sandbox.backends import LazyRunner, get_runner
from sandbox.config import SandboxConfig
from sandbox.runner import SandboxConfigError, SandboxRunner
from sandbox.spec import MAXIMA, Limits, RunResult, RunSpec, Status
from sandbox.validation import InvalidSpecError, validate_files

__all__ = [
    "MAXIMA", "InvalidSpecError", "LazyRunner", "Limits", "RunResult", "RunSpec",
    "SandboxConfig", "SandboxConfigError", "SandboxRunner", "Status", "get_runner",
    "validate_files",
]
