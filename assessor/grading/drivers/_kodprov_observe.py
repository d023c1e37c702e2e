"""Shared by the drivers inside the sandbox: read the plan, encode values, write observations.

Standard library only. Nothing here knows what the right answer is.
"""

import contextlib
import io
import json
import math
import os
import signal
import sys

PLAN_FILE = "_kodprov_plan.json"
OBSERVATIONS_FILE = "observations.jsonl"
MAX_TEXT = 16 * 1024
MAX_RECORD = 256 * 1024
MAX_ITEMS = 2000
OOM_COUNTERS = ("/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control")
_OUT = os.environ.get("KODPROV_OUT", "")
_STDOUT = sys.stdout


def load_plan():
    """The plan the host wrote for this run."""
    with open(PLAN_FILE, encoding="utf-8") as handle:
        return json.load(handle)


def emit(record):
    """Append one observation as a JSON line (a too-large record is replaced by a marker)."""
    line = json.dumps(record, ensure_ascii=False)
    if len(line) > MAX_RECORD:
        line = json.dumps({"id": record.get("id"), "too_large": True})
    path = os.path.join(_OUT, OBSERVATIONS_FILE) if _OUT else None
    if path is None:
        _STDOUT.write(line + "\n")
        return
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def clip(text, limit=MAX_TEXT):
    """At most ``limit`` characters of ``text``."""
    return text if len(text) <= limit else text[:limit]


def encode(value, depth=0):
    """A JSON-safe, tagged form of a returned value (tuples, sets and dicts keep their kind)."""
    if depth > 20:
        return {"$repr": "...", "$type": type(value).__name__}
    if value is None or isinstance(value, (bool, int, str)):
        return clip(value) if isinstance(value, str) else value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}
    if isinstance(value, (list, tuple)):
        items = [encode(v, depth + 1) for v in list(value)[:MAX_ITEMS]]
        return items if isinstance(value, list) else {"$tuple": items}
    if isinstance(value, (set, frozenset)):
        return {"$set": [encode(v, depth + 1) for v in list(value)[:MAX_ITEMS]]}
    if isinstance(value, dict):
        pairs = list(value.items())[:MAX_ITEMS]
        return {"$dict": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in pairs]}
    try:
        text = repr(value)
    except Exception:
        text = "?"
    return {"$repr": clip(text, 300), "$type": type(value).__name__}


def describe(error):
    """The exception's type name and a short message."""
    try:
        message = str(error)
    except Exception:
        message = ""
    return {"raised": type(error).__name__, "detail": clip(message, 300),
            "kinds": [kind.__name__ for kind in type(error).__mro__]}


class Timeout(BaseException):
    """Raised in the candidate's code when a call runs past its time (BaseException on purpose)."""


def _on_alarm(signum, frame):
    raise Timeout()


@contextlib.contextmanager
def time_limit(seconds):
    """Interrupt the body with ``Timeout`` after ``seconds`` of wall time."""
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


class CappedText(io.StringIO):
    """A text stream that keeps only the first ``MAX_TEXT`` characters written to it."""

    def write(self, text):
        room = MAX_TEXT - self.tell()
        if room > 0:
            super().write(text[:room])
        return len(text)


def environment(home="/tmp"):
    """A small, predictable environment for the candidate's program (no KODPROV_OUT)."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LANG": "C.UTF-8",
            "PYTHONUTF8": "1", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1"}


def _read_start(handle, limit):
    handle.seek(0)
    data = handle.read(limit + 1)
    return data[:limit].decode("utf-8", "replace"), len(data) > limit


def _oom_kills():
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


def limits_reached(out, err, oom_before, returncode):
    """Which limits stopped the program: output at the file-size limit, or memory ran out
    (the kernel's out-of-memory killer sent the SIGKILL that ended it)."""
    import resource

    found = {}
    size_limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    sizes = (os.fstat(out.fileno()).st_size, os.fstat(err.fileno()).st_size)
    if size_limit != resource.RLIM_INFINITY and max(sizes) >= size_limit:
        found["output_limit"] = True
    oom_after = _oom_kills() if returncode == -signal.SIGKILL else None
    if oom_before is not None and oom_after is not None and oom_after > oom_before:
        found["memory_limit"] = True
    return found


def run_program(argv, stdin_text, seconds, cwd="."):
    """Run ``argv`` with ``stdin_text``; output goes to files, so a flood cannot fill memory."""
    import subprocess
    import tempfile

    record = {}
    oom_before = _oom_kills()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        try:
            done = subprocess.run(argv, input=stdin_text.encode("utf-8"), stdout=out, stderr=err,
                                  cwd=cwd, env=environment(os.path.abspath(cwd)), timeout=seconds)
            record["exit_code"] = done.returncode
        except subprocess.TimeoutExpired:
            record["timeout"] = seconds
        except OSError as error:  # e.g. no processes left to start it with
            record["spawn_error"] = clip(str(error), 200)
        record["stdout"], record["stdout_truncated"] = _read_start(out, MAX_TEXT)
        record["stderr"] = _read_start(err, 64 * 1024)[0][-2000:]
        record.update(limits_reached(out, err, oom_before, record.get("exit_code")))
    return record
