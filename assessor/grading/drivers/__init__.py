"""Drivers: small stdlib-only programs that run *inside* the sandbox.

A driver reads its plan (inputs only, never expected values) from ``_kodprov_plan.json``,
exercises the candidate's code and appends one JSON line per test to
``$KODPROV_OUT/observations.jsonl``. The host judges those observations.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLAN_FILE = "_kodprov_plan.json"
OBSERVATIONS_FILE = "observations.jsonl"
COMMON = "_kodprov_observe.py"


@cache
def _read(name: str) -> bytes:
    return (HERE / name).read_bytes()


def driver_files(name: str, plan: dict) -> dict[str, bytes]:
    """The files a run needs for driver ``name`` (e.g. ``"_kodprov_io.py"``) and its plan."""
    return {name: _read(name), COMMON: _read(COMMON),
            PLAN_FILE: json.dumps(plan, ensure_ascii=False).encode("utf-8")}


def driver_argv(name: str) -> list[str]:
    """The command that starts driver ``name`` in the run's working folder."""
    return ["python3", "-B", "-X", "utf8", name]
