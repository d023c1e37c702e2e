"""Runs one submission and reports what happened: the harness inside every sandbox.

The launcher starts before the submission is known (so its interpreter is warm), reads one request
on stdin, runs the command under limits, streams the capped output back as frames on stdout and
exits. It runs as the container's main process (``--container``) or, on machines without Docker,
under the development process backend (``--process ROOT``).

The program runs as the same user as the launcher, so the launcher makes itself non-dumpable (the
program can neither ptrace it nor open its descriptors to forge a report) and becomes the reaper
of every orphan, so that nothing the program starts outlives the run.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import math
import os
import resource
import selectors
import signal
import stat
import sys
import time
import traceback

try:
    from . import protocol
except ImportError:  # run as a script inside the image
    import protocol

CONTAINER_ROOT = "/tmp"
PATH = "/usr/local/bin:/usr/bin:/bin"
CHUNK = 65536
NOFILE = 256
CPU_CHECK_EVERY = 0.1
DRAIN_SECONDS = 1.0
MAX_SCANNED = 1000
PR_SET_DUMPABLE, PR_SET_CHILD_SUBREAPER = 4, 36
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
OOM_COUNTERS = ("/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control")


def harden() -> None:
    """Become non-dumpable and the reaper of orphans (see the module docstring)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


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
            fd = os.open(path, flags, 0o644)
            with open(fd, "wb") as handle:
                handle.write(data)

    def environment(self) -> dict[str, str]:
        """The whole environment of the program: nothing of the host leaks in."""
        return {
            "PATH": PATH, "LANG": "C.UTF-8", "HOME": self.work, "TMPDIR": self.tmp,
            "KODPROV_OUT": self.out, "PYTHONDONTWRITEBYTECODE": "1",
        }


def lowered(resource_id: int, soft: int, hard: int) -> tuple[int, int]:
    """``(soft, hard)`` capped by the current hard limit (an unprivileged user cannot raise it)."""
    current = resource.getrlimit(resource_id)[1]
    if current != resource.RLIM_INFINITY:
        soft, hard = min(soft, current), min(hard, current)
    return soft, hard


def tasks_of_user(uid: int) -> int:
    """How many tasks (threads count) ``uid`` runs now: RLIMIT_NPROC counts them all."""
    count = 0
    for entry in os.listdir("/proc"):
        with contextlib.suppress(OSError):
            if entry.isdigit() and os.stat(f"/proc/{entry}").st_uid == uid:
                count += len(os.listdir(f"/proc/{entry}/task"))
    return count


def child_rlimits(limits: dict, process_mode: bool) -> list[tuple[int, tuple[int, int]]]:
    """Per-process limits for the program; the container's cgroup covers memory and pids."""
    cpu = math.ceil(limits["cpu_seconds"]) + 1
    size = int(limits["file_size_bytes"])
    wanted = [
        (resource.RLIMIT_CPU, cpu, cpu + 1), (resource.RLIMIT_FSIZE, size, size),
        (resource.RLIMIT_CORE, 0, 0), (resource.RLIMIT_NOFILE, NOFILE, NOFILE),
    ]
    if process_mode:  # no cgroup here: approximate memory and processes per process and user
        memory = int(limits["memory_mib"]) << 20
        tasks = tasks_of_user(os.getuid()) + int(limits["processes"])
        wanted += [(resource.RLIMIT_AS, memory, memory), (resource.RLIMIT_NPROC, tasks, tasks)]
    return [(rid, lowered(rid, soft, hard)) for rid, soft, hard in wanted]


def exec_child(argv: list[str], paths: Paths, rlimits: list, fds: tuple[int, int, int]) -> None:
    """In the forked child: new session, pipes on 0-2, limits, clean signals, then exec."""
    try:
        os.setsid()
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        signal.set_wakeup_fd(-1)
        for signum in (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGCHLD):
            signal.signal(signum, signal.SIG_DFL)
        with contextlib.suppress(OSError), open("/proc/self/oom_score_adj", "w") as adj:
            adj.write("1000")  # out of memory, the kernel kills the program, not the launcher
        for resource_id, values in rlimits:
            resource.setrlimit(resource_id, values)
        for fd in os.listdir("/proc/self/fd"):
            if int(fd) > 2:
                with contextlib.suppress(OSError):
                    os.close(int(fd))
        os.chdir(paths.work)
        os.execvpe(argv[0], argv, paths.environment())
    except BaseException as exc:
        reason = getattr(exc, "strerror", None) or exc
        with contextlib.suppress(OSError):
            os.write(2, f"kodprov: cannot run {argv[0]!r}: {reason}\n".encode())
    finally:
        os._exit(127)


def process_table() -> dict[int, list[tuple[int, list[bytes]]]]:
    """Parent pid -> [(pid, stat fields after the command name)] for every visible process."""
    children: dict[int, list[tuple[int, list[bytes]]]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        fields = data[data.rindex(b")") + 2:].split()
        children.setdefault(int(fields[1]), []).append((int(entry), fields))
    return children


def descendants() -> list[tuple[int, list[bytes]]]:
    """Every process below the launcher (orphans come back to it: it is their subreaper)."""
    table, found, todo = process_table(), [], [os.getpid()]
    while todo:
        for pid, fields in table.get(todo.pop(), ()):
            found.append((pid, fields))
            todo.append(pid)
    return found


def oom_kills() -> int | None:
    """The container's out-of-memory kill counter, or None when no cgroup file shows it."""
    for path in OOM_COUNTERS:
        with contextlib.suppress(OSError, ValueError), open(path) as handle:
            for line in handle:
                key, _, value = line.partition(" ")
                if key == "oom_kill":
                    return int(value)
    return None


class Supervisor:
    """Runs the program once: feeds stdin, forwards capped output, enforces CPU and wall time."""

    def __init__(self, request: dict, paths: Paths, process_mode: bool) -> None:
        self.argv, self.limits, self.paths = request["argv"], request["limits"], paths
        self.process_mode = process_mode
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
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        in_r, in_w = os.pipe()
        rlimits = child_rlimits(self.limits, self.process_mode)
        self.started = time.monotonic()
        self.pid = os.fork()
        if self.pid == 0:
            exec_child(self.argv, self.paths, rlimits, (in_r, out_w, err_w))
        for fd in (in_r, out_w, err_w):
            os.close(fd)
        emit(protocol.STARTED, b"")
        for fd, kind in ((out_r, protocol.STDOUT), (err_r, protocol.STDERR)):
            self.selector.register(fd, selectors.EVENT_READ, self.reader(fd, kind))
            self.outputs.add(fd)
        os.set_blocking(in_w, False)
        if self.stdin:
            self.selector.register(in_w, selectors.EVENT_WRITE, lambda: self.feed(in_w))
        else:
            os.close(in_w)  # EOF at once: input() raises EOFError instead of blocking

    def supervise(self) -> None:
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
            emit(kind, data[:room])
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
        ticks = sum(sum(int(f) for f in fields[11:15]) for _, fields in descendants())
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
        status = self.status
        if status is None or (os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0):
            return "ok" if status is not None else "runtime_error"
        signum = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
        if self.oom_killed(signum):
            return "memory_limit"
        cpu_limit = float(self.limits["cpu_seconds"])
        if signum == signal.SIGXCPU or (signum == signal.SIGKILL and self.cpu_used() >= cpu_limit):
            return "time_limit"
        return "runtime_error"

    def oom_killed(self, signum: int) -> bool:
        if self.process_mode:  # RLIMIT_AS makes allocation fail instead of killing
            return b"MemoryError" in self.stderr_tail.strip().rsplit(b"\n", 1)[-1]
        after = oom_kills()
        if self.oom_before is None or after is None:
            return signum == signal.SIGKILL  # nobody but the kernel sent it: we had not stopped it
        return after > self.oom_before

    def summary(self) -> dict:
        """The ``RESULT`` frame's JSON."""
        status = self.status
        return {
            "status": self.verdict(),
            "exit_code": os.WEXITSTATUS(status) if status is not None and os.WIFEXITED(status)
            else None,
            "signal": os.WTERMSIG(status) if status is not None and os.WIFSIGNALED(status)
            else None,
            "cpu_seconds": round(self.cpu_used(), 4),
            "wall_seconds": round(self.ended - self.started, 4),
            "stdout_truncated": self.truncated[protocol.STDOUT],
            "stderr_truncated": self.truncated[protocol.STDERR],
        }


def output_files(root: str, max_count: int, max_bytes: int):
    """Yield ``(name, bytes)`` for regular files under ``root``, never following a link.

    Stops early (yielding ``None``) when the count, the total size or the number of entries
    scanned passes its bound; a file that does not fit whole is left out rather than cut.
    """
    todo, count, total, scanned = [""], 0, 0, 0
    while todo:
        prefix = todo.pop()
        with os.scandir(os.path.join(root, prefix)) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                scanned += 1
                name = f"{prefix}{entry.name}"
                if scanned > MAX_SCANNED or protocol.name_problem(name):
                    yield None
                    return
                if entry.is_dir(follow_symlinks=False):
                    todo.append(name + "/")
                    continue
                data = read_regular(entry.path, max_bytes - total)
                if data is None:
                    continue
                count, total = count + 1, total + len(data)
                if count > max_count or total > max_bytes:
                    yield None
                    return
                yield name, data


def read_regular(path: str, budget: int) -> bytes | None:
    """The bytes of ``path`` if it is a regular file (not a link, fifo or device), else None."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with open(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return handle.read(max(budget, 0) + 1)


def send_outputs(paths: Paths, limits: dict) -> bool:
    """Send the output folder's files as frames; True when some had to be left out."""
    count = int(limits.get("output_file_count", 32))
    size = int(limits.get("output_files_bytes", 1 << 20))
    for item in output_files(paths.out, count, size):
        if item is None:
            return True
        emit(protocol.FILE, protocol.encode_file(*item))
    return False


def main(argv: list[str]) -> int:
    """Entry point: ``launcher.py --container`` or ``launcher.py --process ROOT``."""
    process_mode = argv[:1] == ["--process"]
    root = argv[1] if process_mode else CONTAINER_ROOT
    harden()
    supervisor = None
    try:
        request = protocol.decode_request(read_exact)
        paths = Paths(root)
        paths.place(request["files"])
        supervisor = Supervisor(request, paths, process_mode)
        supervisor.execute()
        summary = supervisor.summary()
        summary["output_files_truncated"] = send_outputs(paths, request["limits"])
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
