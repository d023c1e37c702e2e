"""Runs untrusted files under limits and reports what it observed (see issue 4).

``run(spec)`` uses the configured backend (``KODPROV_SANDBOX``: auto, docker, process);
``get_runner(name)`` makes a runner of one's own; ``backend_warning()`` is the admin banner text
while the unisolated process backend is in use. The sandbox knows nothing of challenges.
"""

from sandbox.backends import backend_warning, close_default_runner, get_runner, run
from sandbox.runner import SandboxConfigError, SandboxRunner
from sandbox.spec import MAXIMA, Limits, RunResult, RunSpec, Status
from sandbox.validation import InvalidSpecError, validate_files

__all__ = [
    "MAXIMA", "InvalidSpecError", "Limits", "RunResult", "RunSpec", "SandboxConfigError",
    "SandboxRunner", "Status", "backend_warning", "close_default_runner", "get_runner", "run",
    "validate_files",
]
