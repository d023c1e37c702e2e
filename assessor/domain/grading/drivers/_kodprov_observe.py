"""Shared by the drivers inside the sandbox: take the plan, encode values, report observations.

Standard library only. Nothing here knows what the right answer is. A driver is trusted and
the candidate's code never runs in its process. ``start`` makes the driver non-dumpable (a
process of the same user can then neither read its memory nor open its descriptors) and the
reaper of every process it starts, drops the work folder from ``sys.path`` (modules imported
inside functions come from the read-only standard library), and reads the plan from stdin into
memory: no plan is ever on disk. Observations leave on the driver's own stdout, which no
candidate process holds.
"""

import contextlib
import ctypes
import io
import json
import math
import os
import signal
import sys
import time

MAX_TEXT = 16 * 1024
MAX_RECORD = 256 * 1024
MAX_ITEMS = 2000
OOM_COUNTERS = ("/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control")
#: bytes kept free on stdout for each test not yet reported, so one large record cannot take
#: the room of the records after it
RESERVE = 2048
PR_SET_DUMPABLE, PR_SET_CHILD_SUBREAPER = 4, 36


class Report:
    """The observation stream: one JSON line per record, within the host's byte budget."""

    budget = 60 * 1024
    pending = 0


def _prctl(option, value):
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(option, value, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl failed")


def set_dumpable(dumpable):
    """Whether processes of the same user may read this one's memory and descriptors."""
    _prctl(PR_SET_DUMPABLE, int(dumpable))


def harden():
    """Non-dumpable, and the reaper of orphans: before any candidate process exists."""
    set_dumpable(False)
    _prctl(PR_SET_CHILD_SUBREAPER, 1)


def start():
    """Harden this driver, stop importing from the work folder, and take the plan from stdin."""
    harden()
    here = os.path.dirname(os.path.abspath(sys.argv[0]))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
    plan = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    Report.budget = int(plan.get("max_output", Report.budget))
    Report.pending = len(plan.get("tests", []))
    return plan


def submitted_files(folder="."):
    """The candidate's files in the work folder, read before any of them runs."""
    files = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if not name.startswith("_kodprov_") and os.path.isfile(path):
            with open(path, "rb") as handle:
                files[name] = handle.read()
    return files


def emit(record):
    """Write one observation; a record that does not fit is replaced by a marker."""
    Report.pending = max(Report.pending - 1, 0)
    line = json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"
    room = min(MAX_RECORD, Report.budget - Report.pending * RESERVE)
    if len(line) > room:
        line = json.dumps({"id": record.get("id"), "too_large": True}).encode("utf-8") + b"\n"
    Report.budget -= len(line)
    sys.stdout.buffer.write(line)
    sys.stdout.buffer.flush()


def clip(text, limit=MAX_TEXT):
    """At most ``limit`` characters of ``text``."""
    return text if len(text) <= limit else text[:limit]


def encode(value, depth=0, special=None):
    """A JSON-safe, tagged form of a value (tuples, sets and dicts keep their kind).

    ``special(value)`` may return a replacement for a value (a tag of its own), or None.
    """
    found = special(value) if special is not None else None
    if found is not None:
        return found
    if depth > 20:
        return {"$repr": "...", "$type": type(value).__name__}
    if value is None or isinstance(value, (bool, int, str)):
        return clip(value) if isinstance(value, str) else value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}
    inner = depth + 1
    if isinstance(value, (list, tuple)):
        items = [encode(v, inner, special) for v in list(value)[:MAX_ITEMS]]
        return items if isinstance(value, list) else {"$tuple": items}
    if isinstance(value, (set, frozenset)):
        return {"$set": [encode(v, inner, special) for v in list(value)[:MAX_ITEMS]]}
    if isinstance(value, dict):
        pairs = list(value.items())[:MAX_ITEMS]
        return {"$dict": [[encode(k, inner, special), encode(v, inner, special)]
                          for k, v in pairs]}
    try:
        text = repr(value)
    except Exception:
        text = "?"
    return {"$repr": clip(text, 300), "$type": type(value).__name__}


def describe(error):
    """The exception's type name and a short message; for ``SystemExit``, also how it would
    have ended the program (``exit``)."""
    try:
        message = str(error)
    except Exception:
        message = ""
    record = {"raised": type(error).__name__, "detail": clip(message, 300),
              "kinds": [kind.__name__ for kind in type(error).__mro__]}
    if isinstance(error, SystemExit):
        record["exit"] = exit_of(error.code)
    return record


def exit_of(code):
    """How Python ends a program on ``SystemExit(code)``: None is exit code 0, a number is the
    exit code (as the system keeps it, 0-255), anything else is printed and the code is 1."""
    if code is None:
        return {"exit_code": 0}
    if isinstance(code, int):
        return {"exit_code": code & 0xFF}
    try:
        text = str(code)
    except Exception:
        text = "?"
    return {"exit_code": 1, "stderr": clip(text, 300)}


def ending(status, oom_before):
    """How a process ended, from its wait status: its exit code (negative: the signal that
    ended it), and whether the out-of-memory killer sent that signal."""
    code = os.waitstatus_to_exitcode(status)
    return {"exit_code": code, **({"memory_limit": True} if oom_killed(oom_before, code) else {})}


class CappedText(io.StringIO):
    """A text stream that keeps only the first ``MAX_TEXT`` characters written to it."""

    def write(self, text):
        room = MAX_TEXT - self.tell()
        if room > 0:
            super().write(text[:room])
        return len(text)


def environment(home="/tmp"):
    """A small, predictable environment for the candidate's program (nothing of the driver's)."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LANG": "C.UTF-8",
            "PYTHONUTF8": "1", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1"}


def _process_table():
    """Parent pid -> [(pid, whether it has ended but is not yet reaped)]."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    data = handle.read()
            except OSError:
                continue
            fields = data[data.rindex(b")") + 2:].split()
            children.setdefault(int(fields[1]), []).append((int(entry), fields[0] == b"Z"))
    return children


def descendants():
    """Every live process below this driver (orphans come back to it: it is their reaper)."""
    table, found, todo = _process_table(), [], [os.getpid()]
    while todo:
        for pid, ended in table.get(todo.pop(), ()):
            if not ended:
                found.append(pid)
            todo.append(pid)
    return found


def end_all(keep=()):
    """Kill and reap everything this driver started (but the pids in ``keep``; their children
    too), so nothing outlives its test. Call it only after ``subprocess`` has collected the
    status of the processes it waits for."""
    for _ in range(200):
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
        found = [pid for pid in descendants() if pid not in keep]
        if not found:
            return
        for pid in found:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.002)


def fresh_folder(files):
    """A new folder under TMPDIR holding ``files`` (name -> bytes), for one run."""
    import tempfile  # here, not at the top: the function driver does without it

    folder = tempfile.mkdtemp(prefix="run-")
    for name, content in files.items():
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(content)
    return folder


def _read_start(handle, limit):
    handle.seek(0)
    data = handle.read(limit + 1)
    return data[:limit].decode("utf-8", "replace"), len(data) > limit


def oom_kills():
    """The container's out-of-memory kill counter (cgroup v2 or v1), or None outside one."""
    for path in OOM_COUNTERS:
        try:
            with open(path) as handle:
                for line in handle:
                    key, _, value = line.partition(" ")
                    if key == "oom_kill":
                        return int(value)
        except (OSError, ValueError):
            continue
    return None


def oom_killed(oom_before, returncode):
    """Whether the kernel's out-of-memory killer ended a program: a SIGKILL ended it and the
    counter rose since ``oom_before`` (a counter shared with other processes alone cannot)."""
    if returncode != -signal.SIGKILL or oom_before is None:
        return False
    after = oom_kills()
    return after is not None and after > oom_before


def limits_reached(out, err, oom_before, returncode):
    """Which limits stopped the program: output at the file-size limit, or memory ran out
    (the kernel's out-of-memory killer sent the SIGKILL that ended it)."""
    import resource

    found = {}
    size_limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    sizes = (os.fstat(out.fileno()).st_size, os.fstat(err.fileno()).st_size)
    if size_limit != resource.RLIM_INFINITY and max(sizes) >= size_limit:
        found["output_limit"] = True
    if oom_killed(oom_before, returncode):
        found["memory_limit"] = True
    return found


def run_program(argv, stdin_text, seconds, cwd="."):
    """Run ``argv`` with ``stdin_text``; output goes to files, so a flood cannot fill memory."""
    import subprocess  # here, like tempfile: only the io and socket drivers run programs
    import tempfile

    record = {}
    oom_before = oom_kills()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        try:
            done = subprocess.run(argv, input=stdin_text.encode("utf-8"), stdout=out, stderr=err,
                                  cwd=cwd, env=environment(os.path.abspath(cwd)), timeout=seconds,
                                  start_new_session=True)
            record["exit_code"] = done.returncode
        except subprocess.TimeoutExpired:
            record["timeout"] = seconds
        except OSError as error:  # e.g. no processes left to start it with
            record["spawn_error"] = clip(str(error), 200)
        end_all()
        record["stdout"], record["stdout_truncated"] = _read_start(out, MAX_TEXT)
        record["stderr"] = _read_start(err, 64 * 1024)[0][-2000:]
        record.update(limits_reached(out, err, oom_before, record.get("exit_code")))
    return record
