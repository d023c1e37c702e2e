"""Runs one submission and reports what happened: the harness inside every sandbox.

The launcher starts before the submission is known (so its interpreter is warm), reads one request
on stdin, runs the command under limits, streams the capped output back as frames on stdout and
exits. In a container (``--container``) it is process 1, the init of the container's pid
namespace: it reaps every orphan, and the program can neither kill it (the kernel drops signals to
init that init does not handle) nor trace it. Under the development process backend
(``--process ROOT``) it is instead the subreaper of everything the program starts.

The program runs as the same user as the launcher, so the launcher also makes itself
non-dumpable: the program cannot open its descriptors to forge a report.

Run it as ``python3 -m harness.launcher`` from the folder that holds ``harness/``.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import sys
import traceback

from . import protocol
from .outputs import send_outputs
from .supervisor import Supervisor

CONTAINER_ROOT = "/tmp"
PATH = "/usr/local/bin:/usr/bin:/bin"
PR_SET_DUMPABLE, PR_SET_CHILD_SUBREAPER = 4, 36


def harden() -> None:
    """Non-dumpable, reaper of orphans, deaf to the signals a program could send it."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
        signal.signal(signum, signal.SIG_IGN)


def emit(kind: bytes, payload: bytes) -> None:
    """Write one report frame to stdout, blocking until it is all written."""
    view = memoryview(protocol.encode_frame(kind, payload))
    while view:
        view = view[os.write(1, view):]


def read_exact(size: int) -> bytes:
    """Read exactly ``size`` bytes of the request from stdin."""
    chunks = []
    while size:
        data = os.read(0, min(size, 1 << 20))
        if not data:
            raise protocol.ProtocolError("the request ended early")
        chunks.append(data)
        size -= len(data)
    return b"".join(chunks)


class Paths:
    """The run's folders: ``work`` (cwd, input files), ``out`` (KODPROV_OUT) and ``tmp``."""

    def __init__(self, root: str) -> None:
        self.work, self.out, self.tmp = (os.path.join(root, n) for n in ("work", "out", "tmp"))
        for path in (self.work, self.out, self.tmp):
            os.makedirs(path, mode=0o755, exist_ok=True)

    def place(self, files: dict[str, bytes]) -> None:
        """Write the input files under ``work``; names were checked by the protocol."""
        for name, data in files.items():
            path = os.path.join(self.work, name)
            os.makedirs(os.path.dirname(path), mode=0o755, exist_ok=True)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
            with open(os.open(path, flags, 0o644), "wb") as handle:
                handle.write(data)

    def environment(self) -> dict[str, str]:
        """The whole environment of the program: nothing of the host leaks in."""
        return {
            "PATH": PATH, "LANG": "C.UTF-8", "HOME": self.work, "TMPDIR": self.tmp,
            "KODPROV_OUT": self.out, "PYTHONDONTWRITEBYTECODE": "1",
        }


def main(argv: list[str]) -> int:
    """``python3 -m harness.launcher --container`` or ``... --process ROOT``."""
    process_mode = argv[:1] == ["--process"]
    root = argv[1] if process_mode else CONTAINER_ROOT
    harden()
    supervisor = None
    try:
        request = protocol.decode_request(read_exact)
        paths = Paths(root)
        paths.place(request["files"])
        supervisor = Supervisor(request, paths.work, paths.environment(), process_mode, emit)
        supervisor.execute()
        summary = supervisor.summary()
        summary["output_files_truncated"] = send_outputs(paths.out, request["limits"], emit)
    except Exception as exc:
        emit(protocol.FAILURE, f"{type(exc).__name__}: {exc}".encode())
        traceback.print_exc()
        if supervisor is not None:
            supervisor.kill_all()
        return 2
    emit(protocol.RESULT, json.dumps(summary).encode())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
