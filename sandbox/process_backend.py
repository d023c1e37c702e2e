"""Development fallback: the launcher as a local process. NOT a security boundary.

It gives the same observations as Docker for honest programs: a fresh folder per run, limits by
setrlimit, its own session, every descendant killed at the end. It cannot hide the host's files or
network, and memory is limited per process (RLIMIT_AS), not per run. When Kodprov runs as root,
runs drop to uid 65534 so they cannot write the host's files. Production refuses this backend.
"""

from __future__ import annotations

import contextlib
import logging
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import weakref
from pathlib import Path

from sandbox.exchange import Conversation, converse
from sandbox.image.build import HARNESS_FILES
from sandbox.spec import RunResult, RunSpec, Status
from sandbox.validation import prepare

log = logging.getLogger(__name__)

NOBODY = 65534
PATH = "/usr/local/bin:/usr/bin:/bin"
HARNESS = Path(__file__).resolve().parent / "image" / "harness"

DIAGNOSTICS = 8192


def find_python() -> str:
    """The system interpreter (never a version-manager shim), else the current one."""
    return shutil.which("python3", path=PATH) or sys.executable


class PipeChannel:
    """The launcher's stdin, stdout (the report) and stderr (kept as a short diagnostic)."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.proc, self.closed = proc, False
        self.diagnostics = b""
        self.selector = selectors.DefaultSelector()
        self.selector.register(proc.stdout, selectors.EVENT_READ)
        self.selector.register(proc.stderr, selectors.EVENT_READ)

    def send(self, chunks: list[bytes]) -> None:
        with contextlib.suppress(BrokenPipeError):
            for chunk in chunks:
                self.proc.stdin.write(chunk)
            self.proc.stdin.close()

    def recv(self, timeout: float) -> bytes:
        data = b""
        for key, _ in self.selector.select(timeout):
            chunk = os.read(key.fd, 65536)
            if key.fileobj is self.proc.stderr:
                self.diagnostics = (self.diagnostics + chunk)[-DIAGNOSTICS:]
            else:
                data += chunk
                self.closed = self.closed or not chunk
            if not chunk:
                self.selector.unregister(key.fileobj)
        return data

    def close(self) -> None:
        self.selector.close()


class ProcessRunner:
    """Runs specs with the local launcher. Development only (see the module docstring)."""

    name = "process"

    def __init__(self, python: str | None = None, base_dir: Path | None = None) -> None:
        self.python = python or find_python()
        self.drop_to_nobody = os.geteuid() == 0
        #: where run folders are made: the given folder, else a private one made for this
        #: runner (so nothing else on the machine shares it) and removed with the runner. It
        #: must be traversable by uid 65534 when runs drop to it.
        self.base_dir = Path(base_dir) if base_dir else private_folder()
        self._private = None if base_dir else weakref.finalize(
            self, remove_folder, self.base_dir)

    def run(self, spec: RunSpec) -> RunResult:
        """Run ``spec`` in a fresh temporary folder and remove the folder afterwards."""
        spec = prepare(spec)
        root = self.make_folder()
        try:
            return self.run_in(root, spec)
        except OSError as exc:
            log.error("process sandbox failed: %s", exc)
            return RunResult(Status.SANDBOX_ERROR, error=f"process sandbox: {exc}",
                             backend=self.name)
        finally:
            remove_folder(root)

    def close(self) -> None:
        """Remove the runner's private base folder (a folder given to it stays)."""
        if self._private is not None:
            self._private()

    def make_folder(self) -> Path:
        root = Path(tempfile.mkdtemp(prefix="kodprov-run-", dir=self.base_dir))
        root.chmod(0o755)
        (root / "harness").mkdir()
        for name in HARNESS_FILES:  # a private copy: uid 65534 may not be able to read ours
            shutil.copyfile(HARNESS / name, root / "harness" / name)
        run = root / "run"
        run.mkdir(mode=0o700)
        if self.drop_to_nobody:
            os.chown(run, NOBODY, NOBODY)
        return root

    def run_in(self, root: Path, spec: RunSpec) -> RunResult:
        argv = [self.python, "-E", "-s", "-B", "-m", "harness.launcher", "--process",
                str(root / "run")]
        user = {"user": NOBODY, "group": NOBODY, "extra_groups": []} if self.drop_to_nobody else {}
        with subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=root, env={"PATH": PATH, "LANG": "C.UTF-8"}, start_new_session=True,
            **user,
        ) as proc:
            channel = PipeChannel(proc)
            try:
                talk = converse(channel, spec, self.name)
            finally:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                channel.close()
            proc.wait()
            return self.outcome(talk, proc.returncode, channel.diagnostics)

    def outcome(self, talk: Conversation, returncode: int, diagnostics: bytes) -> RunResult:
        """The result, also when the report was cut short."""
        if talk.finished:
            return talk.reader.result()
        if talk.timed_out:
            return talk.reader.partial(Status.WALL_LIMIT, wall=talk.seconds)
        if talk.reader.started:  # the program killed its launcher (same user): its doing
            return talk.reader.partial(Status.RUNTIME_ERROR, wall=talk.seconds,
                                       error=f"the program stopped the harness ({returncode})")
        detail = diagnostics.decode("utf-8", "replace").strip()[-500:]
        log.error("process sandbox launcher ended without a report: %s", detail)
        return talk.reader.partial(Status.SANDBOX_ERROR, wall=talk.seconds,
                                   error=f"harness ended without a report: {detail}")


def private_folder() -> Path:
    """A new folder of one runner's own in the system temp folder, traversable by uid 65534."""
    folder = Path(tempfile.mkdtemp(prefix="kodprov-sandbox-"))
    folder.chmod(0o755)
    return folder


def remove_folder(root: Path) -> None:
    """Delete a run's folder; a run may have made parts unreadable to its own user."""
    shutil.rmtree(root, ignore_errors=True)
    if root.exists():
        subprocess.run(["chmod", "-R", "u+rwX", str(root)], check=False)
        shutil.rmtree(root, ignore_errors=True)
    if root.exists():
        log.warning("could not remove the run folder %s", root)
