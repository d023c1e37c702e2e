"""The outcome dashboard's figures: the cohort funnel (found → screened → verified → matched
→ placed → still placed after six months), where people stopped, and the levels per area,
each split by gender and masked together (``masking``): the tables share their totals, so
one masking keeps every figure on the page consistent.

A person counts at every step up to the furthest they reached (someone placed without a
proposal in Kodprov counts as matched), so the funnel only narrows and "stopped here" is the
difference between two steps.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from assessor.domain.statistics.masking import Count, K, Line, mask
from assessor.domain.statistics.tables import COLUMNS, column_lines, count_rows, row_lines

STAGES = ("found", "screened", "verified", "matched", "placed", "still_placed")
NO_LEVEL = "none"


@dataclass(frozen=True)
class Member:
    """What the dashboard counts of one person: gender, the furthest step reached, and the
    level per area (areas without a level are left out)."""

    gender: str
    furthest: str
    levels: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Dashboard:
    """``funnel[(stage, column)]``, ``stopped[(stage, column)]`` (all but the last stage),
    ``levels[area][(level, column)]`` with the levels in ladder order, then NO_LEVEL."""

    k: int
    funnel: dict[tuple[str, str], Count]
    stopped: dict[tuple[str, str], Count]
    levels: dict[str, dict[tuple[str, str], Count]]
    ladders: dict[str, tuple[str, ...]]


def dashboard(members: Iterable[Member], ladders: Mapping[str, Sequence[str]],
              k: int = K) -> Dashboard:
    """The masked funnel and level tables of ``members``. ``ladders``: area -> the level
    names in order."""
    members = list(members)
    ladders = {area: (*levels, NO_LEVEL) for area, levels in ladders.items()}
    reached = [(stage, m.gender) for m in members
               for stage in STAGES[:STAGES.index(m.furthest) + 1]]
    counts = count_rows("f", STAGES, reached)
    counts |= count_rows("s", STAGES[:-1], [(m.furthest, m.gender) for m in members
                                            if m.furthest != STAGES[-1]])
    lines = [*row_lines("f", STAGES), *row_lines("s", STAGES[:-1])]
    lines += [Line(("f", stage, column), (("f", after, column), ("s", stage, column)))
              for stage, after in itertools.pairwise(STAGES) for column in COLUMNS]
    found = [("f", "found", column) for column in COLUMNS]
    for area, levels in ladders.items():
        table = ("l", area)
        counts |= count_rows(table, levels, [(m.levels.get(area, NO_LEVEL), m.gender)
                                              for m in members])
        lines += [*row_lines(table, levels), *column_lines(table, levels, found)]
    masked = mask(counts, lines, k)
    return Dashboard(
        k, {(s, c): masked[("f", s, c)] for s in STAGES for c in COLUMNS},
        {(s, c): masked[("s", s, c)] for s in STAGES[:-1] for c in COLUMNS},
        {area: {(level, c): masked[(("l", area), level, c)] for level in levels
                for c in COLUMNS} for area, levels in ladders.items()}, ladders)
