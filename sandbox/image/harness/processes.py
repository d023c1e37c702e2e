"""Starting the program under per-process limits, and finding every process it started."""

from __future__ import annotations

import contextlib
import math
import os
import resource
import signal

NOFILE = 256
OOM_COUNTERS = ("/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control")
#: signals the launcher ignores or handles; the program gets them back at their defaults
RESET_SIGNALS = (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGCHLD, signal.SIGINT, signal.SIGTERM,
                 signal.SIGHUP, signal.SIGQUIT)


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
    """Per-process limits for the program; in a container the cgroup covers memory and pids."""
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


def exec_child(argv: list[str], cwd: str, env: dict[str, str], rlimits: list,
               fds: tuple[int, int, int]) -> None:
    """In the forked child: new session, pipes on 0-2, limits, clean signals, then exec."""
    try:
        os.setsid()
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        signal.set_wakeup_fd(-1)
        for signum in RESET_SIGNALS:
            signal.signal(signum, signal.SIG_DFL)
        with contextlib.suppress(OSError), open("/proc/self/oom_score_adj", "w") as adj:
            adj.write("1000")  # out of memory, the kernel kills the program, not the launcher
        for resource_id, values in rlimits:
            resource.setrlimit(resource_id, values)
        for fd in os.listdir("/proc/self/fd"):
            if int(fd) > 2:
                with contextlib.suppress(OSError):
                    os.close(int(fd))
        os.chdir(cwd)
        os.execvpe(argv[0], argv, env)
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
    """Every process below this one (orphans come back to it: it is their reaper)."""
    table, found, todo = process_table(), [], [os.getpid()]
    while todo:
        for pid, fields in table.get(todo.pop(), ()):
            found.append((pid, fields))
            todo.append(pid)
    return found


def cpu_ticks(fields: list[bytes]) -> int:
    """utime + stime + cutime + cstime of one ``/proc/PID/stat`` line (after the name)."""
    return sum(int(f) for f in fields[11:15])


def oom_kills() -> int | None:
    """The container's out-of-memory kill counter, or None when no cgroup file shows it."""
    for path in OOM_COUNTERS:
        with contextlib.suppress(OSError, ValueError), open(path) as handle:
            for line in handle:
                key, _, value = line.partition(" ")
                if key == "oom_kill":
                    return int(value)
    return None
