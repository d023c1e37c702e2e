"""The indicator survey in the funder report: of those who answered at exit in the period,
how many answered positively, by gender, masked like every other count (``masking``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assessor.domain.statistics.masking import Count, K, mask, percent
from assessor.domain.statistics.tables import COLUMNS, TOTAL, column_lines, count_rows, row_lines

#: positive and not, which add up to those who answered (TOTAL)
INDICATOR_ROWS = ("positive", "not_positive")


@dataclass(frozen=True)
class IndicatorTable:
    """``counts[(row, column)]`` for INDICATOR_ROWS and TOTAL (who answered), and the
    share answering positively per column (None when masked)."""

    counts: dict[tuple[str, str], Count]
    shares: dict[str, int | None]


def indicator_table(answers: Iterable[tuple[str, bool]], k: int = K) -> IndicatorTable:
    """The masked table from (gender, answered positively) pairs, one per person."""
    counts = count_rows("i", [*INDICATOR_ROWS, TOTAL],
                        [(row, gender) for gender, positive in answers
                         for row in ("positive" if positive else "not_positive", TOTAL)])
    lines = [*row_lines("i", [*INDICATOR_ROWS, TOTAL]), *column_lines("i", INDICATOR_ROWS)]
    masked = mask(counts, lines, k)
    cells = {(row, column): masked[("i", row, column)]
             for row in (*INDICATOR_ROWS, TOTAL) for column in COLUMNS}
    return IndicatorTable(cells, {column: percent(cells[("positive", column)],
                                                  cells[(TOTAL, column)])
                                  for column in COLUMNS})
