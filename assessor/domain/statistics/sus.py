"""The SUS section of the funder report: the period's participants as SUS registers them (in
full, or anonymous: gender and budget year only), who was registered out, and for those
registered out in full their occupation before and after in SUS's categories, with the change
in per cent of full time (40 h a week = 100 %). By gender, masked like every other count
(``masking``), all tables together: they share their totals.

An anonymous registration counts only in the rows that need nothing but the gender (the
registrations and who was registered out); the occupation tables count the full ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assessor.domain.funder.sus import OCCUPATIONS, Worksheet
from assessor.domain.statistics.masking import Count, K, Line, mask
from assessor.domain.statistics.tables import COLUMNS, TOTAL, column_lines, count_rows, row_lines

NOT_RECORDED = "not_recorded"
#: the registrations of the period's participants (TOTAL: everyone who took part)
REGISTRATION_ROWS = ("full", "anonymous")
#: where the participants are at the period's end (they add up to the participants)
EXIT_ROWS = ("out_full", "out_anonymous", "still_in")
#: the occupation before or after of those registered out in full (TOTAL: ``out_full``)
OCCUPATION_ROWS: tuple[str, ...] = (*OCCUPATIONS, NOT_RECORDED)
#: the change in per cent of full time from before to after (TOTAL: ``out_full``)
CHANGE_ROWS = ("increased", "same", "decreased", NOT_RECORDED)


@dataclass(frozen=True)
class SusMember:
    """A participant of the period counted in statistics: the gender the report splits by,
    whether they were registered out in the period, and their worksheet (``anonymous`` ones
    carry nothing else)."""

    gender: str
    left: bool
    sheet: Worksheet


@dataclass(frozen=True)
class SusFigures:
    """The masked tables, each ``[(row, column)]`` with its TOTAL row: ``registrations``
    (TOTAL: the participants), ``exits`` (TOTAL: the participants), ``before``, ``after``
    and ``change`` (TOTAL: those registered out in full)."""

    registrations: dict[tuple[str, str], Count]
    exits: dict[tuple[str, str], Count]
    before: dict[tuple[str, str], Count]
    after: dict[tuple[str, str], Count]
    change: dict[tuple[str, str], Count]


def extent(occupation: str | None, percent: int | None) -> int | None:
    """The occupation in per cent of full time: as recorded, 0 for "no occupation" without
    hours, else None (not known)."""
    if percent is not None:
        return percent
    return 0 if occupation == "ingen" else None


def change_row(sheet: Worksheet) -> str:
    """Whether the occupation grew, stayed or shrank in per cent of full time."""
    reg = sheet.registration
    before = extent(reg.occupation_before, sheet.percent_before) if reg else None
    after = extent(reg.occupation_after, sheet.percent_after) if reg else None
    if before is None or after is None:
        return NOT_RECORDED
    return "increased" if after > before else "same" if after == before else "decreased"


def _occupation(code: str | None) -> str:
    return code if code in OCCUPATIONS else NOT_RECORDED


def _rows(member: SusMember) -> list[tuple[str, str]]:
    """(table, row) pairs the member counts in."""
    full = not member.sheet.anonymous
    rows = [("s", "full" if full else "anonymous"), ("s", TOTAL),
            ("x", ("out_full" if full else "out_anonymous") if member.left else "still_in")]
    if full and member.left:
        reg = member.sheet.registration
        rows += [("b", _occupation(reg.occupation_before)),
                 ("a", _occupation(reg.occupation_after)), ("c", change_row(member.sheet))]
    return rows


#: the tables, each with its rows (the keys ``sus_figures`` masks are ``(table, row, column)``)
SHAPES = {"s": (*REGISTRATION_ROWS, TOTAL), "x": EXIT_ROWS, "b": OCCUPATION_ROWS,
          "a": OCCUPATION_ROWS, "c": CHANGE_ROWS}
_PARTICIPANTS = [("s", TOTAL, c) for c in COLUMNS]
_OUT_FULL = [("x", "out_full", c) for c in COLUMNS]


def sus_lines() -> list[Line]:
    """The lines that tie the SUS tables together: every row sums its genders, the
    registrations and the exits each add up to the participants, and each occupation table
    to those registered out in full."""
    lines = [*row_lines("s", SHAPES["s"]), *column_lines("s", REGISTRATION_ROWS),
             *row_lines("x", EXIT_ROWS), *column_lines("x", EXIT_ROWS, _PARTICIPANTS)]
    for table in ("b", "a", "c"):
        lines += [*row_lines(table, SHAPES[table]),
                  *column_lines(table, SHAPES[table], _OUT_FULL)]
    return lines


def sus_figures(members: Iterable[SusMember], k: int = K) -> SusFigures:
    """The SUS tables counted by gender and masked together."""
    members = list(members)
    counts: dict = {}
    for table, rows in SHAPES.items():
        counts |= count_rows(table, rows, [(row, m.gender) for m in members
                                           for t, row in _rows(m) if t == table])
    masked = mask(counts, sus_lines(), k)

    def table_of(table: str, rows: tuple[str, ...], totals: list) -> dict:
        cells = {(row, c): masked[(table, row, c)] for row in rows for c in COLUMNS}
        return cells | {(TOTAL, c): masked[key] for c, key in zip(COLUMNS, totals,
                                                                  strict=True)}

    return SusFigures(table_of("s", REGISTRATION_ROWS, _PARTICIPANTS),
                      table_of("x", EXIT_ROWS, _PARTICIPANTS),
                      table_of("b", OCCUPATION_ROWS, _OUT_FULL),
                      table_of("a", OCCUPATION_ROWS, _OUT_FULL),
                      table_of("c", CHANGE_ROWS, _OUT_FULL))
