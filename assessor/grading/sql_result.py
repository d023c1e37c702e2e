"""Comparing result sets: order only when asked, columns by name when their order is free,
numbers compared by value (3 equals 3.0), text exactly."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from assessor.grading.compare import show

COLUMN_MODES = ("any", "names", "position")


@dataclass(frozen=True)
class Mismatch:
    """Why two result sets differ: a message code and its parameters."""

    code: str
    params: dict[str, Any]


def cell_key(value: Any) -> Any:
    """A hashable, type-normalised form of one cell."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return round(float(value), 6) + 0.0
    if isinstance(value, dict):
        return ("bytes", str(value.get("$bytes", value)))
    if isinstance(value, list):
        return ("list", repr(value))
    return value


def row_key(row: Any) -> tuple:
    """A hashable form of one row (a non-list row becomes one odd cell)."""
    return tuple(cell_key(v) for v in row) if isinstance(row, list) else (("bad", repr(row)),)


def _columns(result: dict) -> list[str]:
    columns = result.get("columns")
    return [str(c) for c in columns] if isinstance(columns, list) else []


def _align(expected: list[str], got: list[str], rows: list, mode: str) -> list | Mismatch:
    """``rows`` with columns put in the expected order (by name when names allow it)."""
    want = [c.lower() for c in expected]
    have = [c.lower() for c in got]
    mismatch = Mismatch("sql_columns", {"got": ", ".join(got), "expected": ", ".join(expected)})
    if mode == "position" or want == have:
        return rows if len(want) == len(have) else mismatch
    if Counter(want) == Counter(have):
        order = [have.index(name) for name in want]
        return [[row[i] for i in order] if isinstance(row, list) and len(row) == len(have)
                else row for row in rows]
    if mode == "names" or len(want) != len(have):
        return mismatch
    return rows


def compare_results(expected: dict, got: dict, *, ordered: bool,
                    columns: str = "any") -> Mismatch | None:
    """None when ``got`` matches ``expected``; else the first reason it does not."""
    rows = got.get("rows") if isinstance(got.get("rows"), list) else []
    aligned = _align(_columns(expected), _columns(got), rows, columns)
    if isinstance(aligned, Mismatch):
        return aligned
    want = [row_key(r) for r in expected.get("rows", [])]
    have = [row_key(r) for r in aligned]
    if len(want) != len(have):
        return Mismatch("sql_row_count", {"got": len(have), "expected": len(want)})
    if Counter(want) != Counter(have):
        missing = next(iter(Counter(want) - Counter(have)))
        return Mismatch("sql_missing_row", {"row": _show_row(missing)})
    if ordered and want != have:
        return Mismatch("sql_order", {})
    return None


def _show_row(row: tuple) -> str:
    return "(" + ", ".join(show(v, 40) for v in row) + ")"
