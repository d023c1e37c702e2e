"""Comparing result sets: order only when asked, columns by name when their order is free,
numbers compared by value (3 equals 3.0), text exactly."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from assessor.domain.grading.compare import show

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


#: rows and cell length a result table shows on the page
SHOWN_ROWS = 30
SHOWN_CELL = 80


def shown_table(result: Any) -> dict | None:
    """A result set cut to what the page shows: ``columns``, ``rows`` as text, and how many
    rows were ``left_out``; None for anything that is not a result set (an error)."""
    if not isinstance(result, dict) or not isinstance(result.get("columns"), list):
        return None
    rows = result.get("rows") if isinstance(result.get("rows"), list) else []
    shown = [[show_cell(cell) for cell in row] if isinstance(row, list) else [show_cell(row)]
             for row in rows[:SHOWN_ROWS]]
    left_out = len(rows) - len(shown) + (1 if result.get("more") is True else 0)
    return {"columns": [str(c)[:SHOWN_CELL] for c in result["columns"]], "rows": shown,
            "left_out": left_out}


def show_cell(value: Any) -> str:
    """One cell as SQLite prints it: NULL, numbers as they are, text without quotes."""
    if value is None:
        return "NULL"
    text = f"x'{value['$bytes']}'" if isinstance(value, dict) and "$bytes" in value else str(value)
    return text if len(text) <= SHOWN_CELL else text[: SHOWN_CELL - 1] + "…"
