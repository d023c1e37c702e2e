"""The hostile submissions in ``cases/`` and what each must produce.

Every case is a real file whose header comments say what is expected (the numbers refer to the
attack list in ``shared/research/sandboxes.md``)::

    # case: 1 Python fork bomb
    # expect: time_limit wall_limit runtime_error   (any of these statuses)
    # stdout-has: SAFE        # stdout-lacks: root:  # exit: 3   # signal: 11
    # files: targets.txt      (fixtures the test adds; see ``fixture``)
    # wall: 30                (seconds of wall time instead of the default 4)
    # argv: sqlite3 -bail fixture.db ".read {file}"  (default: by extension)
    # repeat: 2               (run again: the second run must see a pristine sandbox)
    # pair: persist_read.py   (run that case right after this one)
    # check: no-survivor | no-host-file | forged-frame   (extra checks by the test)
    # process: contained (why) | not contained: why
    # note: anything worth saying      (an indented comment line continues a directive)

A case's stdout must never contain ``LEAK``: the programs print it when a defence failed.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import shlex
import socket
import sqlite3
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from sandbox.spec import Limits, RunResult, RunSpec, Status

CASES = Path(__file__).parent / "cases"
COMMENT = {".py": "#", ".sh": "#", ".sql": "--", ".js": "//"}
INTERPRETER = {".py": "python3 {file}", ".sh": "bash {file}",
               ".sql": 'sqlite3 -bail -batch :memory: ".read {file}"', ".js": "node {file}"}
#: short limits: hostile cases end quickly, with room for a loaded CI machine
LIMITS = Limits(cpu_seconds=2.0, wall_seconds=4.0)
HOST_SERVICE_PORTS = (5432, 6379, 5000, 2375, 22)
DIRECTIVES = ("case", "expect", "stdout-has", "stdout-lacks", "exit", "signal", "files", "argv",
              "repeat", "pair", "check", "process", "wall", "note")


@dataclass
class Case:
    """One hostile submission and its expectations."""

    path: Path
    title: str = ""
    expect: set[Status] = field(default_factory=set)
    directives: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def contained_by_process_backend(self) -> bool:
        return self.directives.get("process", "").startswith("contained")

    @property
    def checks(self) -> set[str]:
        return set(self.directives.get("check", "").split())

    def spec(self) -> RunSpec:
        """The RunSpec that submits this case."""
        argv = self.directives.get("argv", INTERPRETER[self.path.suffix])
        files = {self.name: self.path.read_bytes()}
        for name in self.directives.get("files", "").split():
            files[name] = fixture(name)
        wall = float(self.directives.get("wall", str(LIMITS.wall_seconds)).split()[0])
        return RunSpec(files=files, argv=shlex.split(argv.replace("{file}", self.name)),
                       limits=replace(LIMITS, wall_seconds=wall))


def parse(path: Path) -> Case:
    """Read a case's header comments."""
    prefix = COMMENT[path.suffix]
    case = Case(path)
    key = ""
    for line in path.read_text().splitlines():
        if not line.startswith(prefix):
            break
        text = line[len(prefix):]
        if text.startswith("   ") and key:  # a continuation of the previous directive
            case.directives[key] += " " + text.strip()
            continue
        key, _, value = text.strip().partition(":")
        if key in DIRECTIVES:
            case.directives[key] = value.strip()
    case.title = case.directives.get("case", path.stem)
    case.expect = {Status(word) for word in case.directives["expect"].split()}
    return case


def all_cases() -> list[Case]:
    """Every case file, in name order."""
    return [parse(path) for path in sorted(CASES.iterdir()) if path.suffix in COMMENT]


def host_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback (where its services listen)."""
    found = set()
    with contextlib.suppress(OSError):
        found |= {i[4][0] for i in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing address
        found.add(probe.getsockname()[0])
    return sorted(a for a in found if not a.startswith("127."))


def fixture(name: str) -> bytes:
    """Files some cases need: the host's addresses to attack, a database to damage."""
    if name == "targets.txt":
        return "\n".join(f"{a}:{p}" for a in host_addresses() for p in HOST_SERVICE_PORTS
                         ).encode()
    if name == "fixture.db":
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, name)
            with sqlite3.connect(path) as db:
                db.execute("create table t(x)")
                db.executemany("insert into t values (?)", [(1,), (2,), (3,)])
            db.close()
            return path.read_bytes()
    raise KeyError(f"no fixture named {name}")


def verify(case: Case, result: RunResult) -> None:
    """Assert what every backend must observe for ``case``."""
    said = f"{case.name}: {result.status} {result.error} stdout={result.stdout[:300]!r} " \
           f"stderr={result.stderr[-300:]!r}"
    assert result.status in case.expect, said
    assert b"LEAK" not in result.stdout, said
    json.dumps(result.to_dict())  # any output (binary, NUL, invalid UTF-8) encodes
    d = case.directives
    if "stdout-has" in d:
        assert d["stdout-has"].encode() in result.stdout, said
    if "stdout-lacks" in d:
        assert d["stdout-lacks"].encode() not in result.stdout, said
    if "exit" in d:
        assert result.exit_code == int(d["exit"]), said
    if "signal" in d:
        assert result.signal == int(d["signal"]), said
    if "forged-frame" in case.checks:  # the forged report arrived as plain output, and no more
        assert b'{"status": "ok", "exit_code": 0}' in result.stdout, said
    if "no-host-file" in case.checks:
        assert set(result.output_files) == {"honest.json"}, said
    if result.status == Status.OUTPUT_LIMIT:
        assert result.stdout_truncated or result.stderr_truncated, said
        assert max(len(result.stdout), len(result.stderr)) == case.spec().limits.output_bytes


def survivors(result: RunResult) -> list[int]:
    """Pids a case printed as ``daemon PID`` that still run on this host."""
    words = result.stdout.decode(errors="replace").split()
    pids = [int(w) for k, w in itertools.pairwise(words) if k == "daemon" and w.isdigit()]
    return [pid for pid in pids if Path(f"/proc/{pid}").exists()]
