"""A test double for the sandbox: runs a RunSpec as a local subprocess in a temp folder.

Only for unit tests of host-side logic; it isolates nothing. Integration tests use the real
process and Docker backends.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from sandbox.spec import RunResult, RunSpec, Status


class LocalRunner:
    """Runs specs with subprocess, following the sandbox contract (cwd, KODPROV_OUT)."""

    def __init__(self) -> None:
        self.specs: list[RunSpec] = []

    def run(self, spec: RunSpec) -> RunResult:
        self.specs.append(spec)
        with tempfile.TemporaryDirectory() as root:  # root/work, root/out, root/tmp as in the harness
            work, out, tmp = (Path(root, name) for name in ("work", "out", "tmp"))
            for folder in (work, out, tmp):
                folder.mkdir()
            for name, content in spec.files.items():
                path = work / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
            argv = [sys.executable if arg == "python3" else arg for arg in spec.argv]
            env = {"PATH": os.environ["PATH"], "KODPROV_OUT": str(out), "HOME": str(work),
                   "TMPDIR": str(tmp)}
            try:
                done = subprocess.run(argv, cwd=work, input=spec.stdin, capture_output=True,
                                      timeout=spec.limits.wall_seconds, env=env)
            except subprocess.TimeoutExpired as stopped:
                return RunResult(status=Status.WALL_LIMIT, stdout=stopped.stdout or b"",
                                 output_files=_collect(out))
            status = Status.OK if done.returncode == 0 else Status.RUNTIME_ERROR
            return RunResult(status=status, exit_code=done.returncode, stdout=done.stdout,
                             stderr=done.stderr, output_files=_collect(out))


def _collect(folder: str) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in Path(folder).iterdir() if p.is_file()}


class BrokenRunner:
    """A sandbox that is down: every run is a sandbox error."""

    def run(self, spec: RunSpec) -> RunResult:
        return RunResult(status=Status.SANDBOX_ERROR, error="engine not answering")
