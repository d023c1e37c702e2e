"""Expected and printed output side by side, line by line, with the first difference marked.

Lines are compared the way the test compared them (``exact``, ``whitespace`` or ``numbers``);
``regex`` and ``unordered`` tests have no lines to pair, so they get no diff. Pure functions:
the page renders the rows (``web/templates/challenges/_diff.html``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from itertools import zip_longest

from assessor.domain.grading import compare

#: rows shown before the first difference, and at most in all
CONTEXT = 3
MAX_ROWS = 40
DIFFABLE = ("exact", "whitespace", "numbers")


@dataclass(frozen=True)
class Row:
    """One line of each side; None where that side has no such line."""

    expected: str | None
    got: str | None
    same: bool
    #: 1-based line numbers on each side (None where the side has no line)
    expected_line: int | None = None
    got_line: int | None = None
    #: where the two lines start to differ (the first differing row only), else None
    at: int | None = None

    def parts(self, side: str) -> tuple[str, str]:
        """``side``'s text split where the difference starts: (alike, differing)."""
        line = self.expected if side == "expected" else self.got
        if line is None or self.at is None:
            return line or "", ""
        return line[: self.at], line[self.at:]


@dataclass(frozen=True)
class OutputDiff:
    """The rows to show and how many were left out before and after them."""

    rows: tuple[Row, ...]
    left_out_before: int = 0
    left_out_after: int = 0

    @property
    def first(self) -> Row | None:
        """The first row that differs."""
        return next((row for row in self.rows if row.at is not None), None)


def output_diff(expected: str, got: str, mode: str = "whitespace",
                tolerance: float | None = None) -> OutputDiff | None:
    """The line diff of ``expected`` and ``got`` under ``mode``; None when the mode pairs no
    lines or nothing differs line by line."""
    if mode not in DIFFABLE:
        return None
    want, have = _lines(expected, mode), _lines(got, mode)
    if mode == "numbers":
        options = compare.Options.with_tolerance(tolerance)
        rows = [_row(w, h, i, i, compare.numbers(w or "", h or "", options)
                     and w is not None and h is not None)
                for i, (w, h) in enumerate(zip_longest(want, have))]
    else:
        rows = _aligned(want, have)
    return _window(_mark_first(rows))


def _lines(text: str, mode: str) -> list[str]:
    if mode == "exact":
        normal = compare.normalise_newlines(text)
        return normal.split("\n") if normal else []
    return compare.normalised_lines(text)


def _row(want: str | None, have: str | None, i: int | None, j: int | None, same: bool) -> Row:
    return Row(want, have, same, None if want is None or i is None else i + 1,
               None if have is None or j is None else j + 1)


def _aligned(want: list[str], have: list[str]) -> list[Row]:
    """Rows from difflib's opcodes: equal runs side by side, changed runs paired in order."""
    rows: list[Row] = []
    matcher = difflib.SequenceMatcher(None, want, have, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [_row(want[i], have[j], i, j, True)
                     for i, j in zip(range(i1, i2), range(j1, j2), strict=True)]
            continue
        pairs = zip_longest(range(i1, i2), range(j1, j2))
        rows += [_row(want[i] if i is not None else None, have[j] if j is not None else None,
                      i, j, False) for i, j in pairs]
    return rows


def _mark_first(rows: list[Row]) -> list[Row]:
    """The rows with the first differing one told where its lines part."""
    for index, row in enumerate(rows):
        if not row.same:
            at = _common_prefix(row.expected or "", row.got or "")
            rows[index] = Row(row.expected, row.got, False, row.expected_line, row.got_line, at)
            break
    return rows


def _common_prefix(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                min(len(a), len(b)))


def _window(rows: list[Row]) -> OutputDiff | None:
    """A few alike rows before the first difference, and at most ``MAX_ROWS`` rows."""
    first = next((i for i, row in enumerate(rows) if row.at is not None), None)
    if first is None:
        return None
    start = max(0, first - CONTEXT)
    shown = rows[start: start + MAX_ROWS]
    return OutputDiff(tuple(shown), start, len(rows) - start - len(shown))
