"""The shapes reports count in: genders as columns with a total, and the lines that tie a
table's rows and columns to their totals."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

from assessor.domain.statistics.masking import Line

#: the genders statistics are split by (Person.gender's values), and the total column
GENDERS = ("woman", "man", "non_binary", "undisclosed")
TOTAL = "total"
COLUMNS = (*GENDERS, TOTAL)


def row_lines(table: str, rows: Iterable[Hashable]) -> list[Line]:
    """Each row's total is the sum of its genders."""
    return [Line((table, row, TOTAL), tuple((table, row, g) for g in GENDERS)) for row in rows]


def column_lines(table: str, rows: Sequence[Hashable],
                 totals: Sequence[Hashable] | None = None) -> list[Line]:
    """Each column (every gender and the total) sums the rows to ``totals``: one key per
    column (``(table, TOTAL, column)`` when not given; a shared key ties tables together)."""
    totals = totals or [(table, TOTAL, column) for column in COLUMNS]
    return [Line(total, tuple((table, row, column) for row in rows))
            for column, total in zip(COLUMNS, totals, strict=True)]


def count_rows(table: str, rows: Iterable[Hashable],
               members: Iterable[tuple[Hashable, str]]) -> dict[Hashable, int]:
    """Counts per (table, row, column) from (row, gender) pairs, one per person counted;
    a gender not in GENDERS counts as "undisclosed"."""
    rows = list(rows)
    counts = {(table, row, column): 0 for row in rows for column in COLUMNS}
    for row, gender in members:
        counts[(table, row, gender if gender in GENDERS else "undisclosed")] += 1
        counts[(table, row, TOTAL)] += 1
    return counts
