"""Supervising one run: feed stdin, forward capped output, enforce CPU and wall time, and leave
no process behind."""

from __future__ import annotations

import contextlib
import os
import resource
import selectors
import signal
import time
from collections.abc import Callable

from . import protocol
from .processes import child_rlimits, cpu_ticks, descendants, exec_child, oom_kills

CHUNK = 65536
CPU_CHECK_EVERY = 0.1
DRAIN_SECONDS = 1.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class Supervisor:
    """Runs the program once: feeds stdin, forwards capped output, enforces CPU and wall time."""

    def __init__(self, request: dict, cwd: str, env: dict[str, str], process_mode: bool,
                 emit: Callable[[bytes, bytes], None]) -> None:
        self.argv, self.limits, self.cwd, self.env = request["argv"], request["limits"], cwd, env
        self.process_mode, self.emit = process_mode, emit
        self.stdin = memoryview(request["stdin"])
        self.cap = int(self.limits["output_bytes"])
        self.sent = {protocol.STDOUT: 0, protocol.STDERR: 0}
        self.truncated = {protocol.STDOUT: False, protocol.STDERR: False}
        self.stderr_tail = b""
        self.reason: str | None = None  # set when the launcher stops the run
        self.status: int | None = None  # the program's wait status
        self.oom_before = None if process_mode else oom_kills()
        self.selector = selectors.DefaultSelector()
        self.outputs: set[int] = set()
        self.pid = 0
        self.started = self.ended = 0.0

    def execute(self) -> None:
        """Start the program, supervise it, then make sure nothing it started is left."""
        wake_r, wake_w = os.pipe()
        os.set_blocking(wake_w, False)
        signal.signal(signal.SIGCHLD, lambda *_: None)
        signal.set_wakeup_fd(wake_w)
        self.selector.register(wake_r, selectors.EVENT_READ, lambda: os.read(wake_r, 512))
        self.spawn()
        self.supervise()
        self.ended = time.monotonic()
        self.kill_all()
        self.drain()
        self.kill_all()

    def spawn(self) -> None:
        """Fork and exec the program with pipes for its stdin, stdout and stderr."""
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        in_r, in_w = os.pipe()
        rlimits = child_rlimits(self.limits, self.process_mode)
        self.started = time.monotonic()
        self.pid = os.fork()
        if self.pid == 0:
            exec_child(self.argv, self.cwd, self.env, rlimits, (in_r, out_w, err_w))
        for fd in (in_r, out_w, err_w):
            os.close(fd)
        self.emit(protocol.STARTED, b"")
        for fd, kind in ((out_r, protocol.STDOUT), (err_r, protocol.STDERR)):
            self.selector.register(fd, selectors.EVENT_READ, self.reader(fd, kind))
            self.outputs.add(fd)
        os.set_blocking(in_w, False)
        if self.stdin:
            self.selector.register(in_w, selectors.EVENT_WRITE, lambda: self.feed(in_w))
        else:
            os.close(in_w)  # EOF at once: input() raises EOFError instead of blocking

    def supervise(self) -> None:
        """Pump the pipes until the program ends or a limit stops it."""
        deadline = self.started + float(self.limits["wall_seconds"])
        next_check = self.started + CPU_CHECK_EVERY
        while self.status is None and self.reason is None:
            now = time.monotonic()
            if now >= deadline:
                self.reason = "wall_limit"
                break
            for key, _ in self.selector.select(min(deadline, next_check) - now):
                key.data()
            self.reap()
            if time.monotonic() >= next_check:
                next_check += CPU_CHECK_EVERY
                if self.cpu_used() > float(self.limits["cpu_seconds"]):
                    self.reason = "time_limit"

    def reader(self, fd: int, kind: bytes):
        def read() -> None:
            data = os.read(fd, CHUNK)
            if data:
                self.forward(kind, data)
            else:
                self.selector.unregister(fd)
                self.outputs.discard(fd)
                os.close(fd)
        return read

    def forward(self, kind: bytes, data: bytes) -> None:
        """Pass output on up to the cap; past it, stop the run."""
        room = self.cap - self.sent[kind]
        if room > 0:
            self.emit(kind, data[:room])
            self.sent[kind] += min(room, len(data))
        if kind == protocol.STDERR:
            self.stderr_tail = (self.stderr_tail + data)[-256:]
        if len(data) > room:
            self.truncated[kind] = True
            self.reason = self.reason or "output_limit"

    def feed(self, fd: int) -> None:
        try:
            written = os.write(fd, self.stdin[:CHUNK])
        except OSError:  # the program closed its stdin or exited
            written = len(self.stdin)
        self.stdin = self.stdin[written:]
        if not self.stdin:
            self.selector.unregister(fd)
            os.close(fd)

    def reap(self) -> None:
        """Collect every finished child (orphans included); remember the program's status."""
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            if pid == self.pid:
                self.status = status

    def cpu_used(self) -> float:
        """CPU seconds of the program and everything it started, finished or running."""
        ticks = sum(cpu_ticks(fields) for _, fields in descendants())
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime + ticks / CLOCK_TICKS

    def kill_all(self) -> None:
        """SIGKILL every descendant until none is left (new forks are caught on the next pass)."""
        for _ in range(200):
            self.reap()
            found = descendants()
            if not found:
                return
            for pid, _ in found:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.002)

    def drain(self) -> None:
        """Forward what the program wrote before it ended; its writers are gone, so EOF comes."""
        deadline = time.monotonic() + DRAIN_SECONDS
        while self.outputs and time.monotonic() < deadline:
            for key, _ in self.selector.select(deadline - time.monotonic()):
                key.data()

    def verdict(self) -> str:
        """The status word for the result (see ``sandbox.spec.Status``)."""
        if self.reason:
            return self.reason
        if self.status is None:  # could not be reaped (should not happen)
            return "runtime_error"
        if os.WIFEXITED(self.status) and os.WEXITSTATUS(self.status) == 0:
            return "ok"
        signum = os.WTERMSIG(self.status) if os.WIFSIGNALED(self.status) else 0
        if self.oom_killed(signum):
            return "memory_limit"
        cpu_limit = float(self.limits["cpu_seconds"])
        if signum == signal.SIGXCPU or (signum == signal.SIGKILL and self.cpu_used() >= cpu_limit):
            return "time_limit"
        return "runtime_error"

    def oom_killed(self, signum: int) -> bool:
        """Whether memory ran out: the cgroup's OOM counter rose (in a container)."""
        if self.process_mode:  # RLIMIT_AS makes allocation fail instead of killing
            return b"MemoryError" in self.stderr_tail.strip().rsplit(b"\n", 1)[-1]
        after = oom_kills()
        if self.oom_before is None or after is None:
            return signum == signal.SIGKILL  # nobody but the kernel sent it: we had not stopped it
        return after > self.oom_before

    def summary(self) -> dict:
        """The ``RESULT`` frame's JSON."""
        status = self.status
        exited = status is not None and os.WIFEXITED(status)
        signalled = status is not None and os.WIFSIGNALED(status)
        return {
            "status": self.verdict(),
            "exit_code": os.WEXITSTATUS(status) if exited else None,
            "signal": os.WTERMSIG(status) if signalled else None,
            "cpu_seconds": round(self.cpu_used(), 4),
            "wall_seconds": round(self.ended - self.started, 4),
            "stdout_truncated": self.truncated[protocol.STDOUT],
            "stderr_truncated": self.truncated[protocol.STDERR],
        }
