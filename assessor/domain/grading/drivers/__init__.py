"""Drivers: small stdlib-only programs that run *inside* the sandbox.

A driver reads its plan (inputs only, never expected values) from its stdin into memory,
exercises the candidate's code in separate processes and writes one JSON line per test to its
own stdout. The host judges those observations. See ``assessor/domain/grading/README.md`` for what a
submission can and cannot reach.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMMON = "_kodprov_observe.py"
#: files a driver needs besides itself and ``COMMON``
HELPERS = {"_kodprov_function.py": ("_kodprov_rpc.py", "_kodprov_callee.py", "_kodprov_lent.py",
                                     "_kodprov_forkserver.py")}


@cache
def _read(name: str) -> bytes:
    return (HERE / name).read_bytes()


def driver_files(name: str) -> dict[str, bytes]:
    """The files a run of driver ``name`` (e.g. ``"_kodprov_io.py"``) needs."""
    return {file: _read(file) for file in (name, COMMON, *HELPERS.get(name, ()))}


def driver_argv(name: str) -> list[str]:
    """The command that starts driver ``name`` in the run's working folder."""
    return ["python3", "-B", "-X", "utf8", name]
