"""A suggestion for a batch: at most one opening per person, as many good pairs as possible.

``scipy.optimize.linear_sum_assignment`` maximises the sum of scores over a rectangular matrix
(people × opening places, an opening with room for two appears twice). Pairs that are not
feasible get a prohibitive cost and are dropped afterwards. It is a suggestion for the
facilitator: people decide, the candidate agrees.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from assessor.domain.matching.rules import MatchResult

INFEASIBLE = -1e9


@dataclass(frozen=True)
class Assignment:
    """One suggested pair."""

    person_id: int
    opening_id: int
    score: float


def suggest_assignment(results: Iterable[MatchResult],
                       capacity: Mapping[int, int] | None = None) -> list[Assignment]:
    """The pairs with the highest total score, each person once, each opening at most its
    capacity (default 1). Only feasible results take part."""
    feasible = [r for r in results if r.feasible]
    people = sorted({r.person_id for r in feasible})
    openings = sorted({r.opening_id for r in feasible})
    if not people or not openings:
        return []
    columns = [o for o in openings for _ in range(max(0, (capacity or {}).get(o, 1)))]
    if not columns:
        return []
    row = {p: i for i, p in enumerate(people)}
    scores = np.full((len(people), len(columns)), INFEASIBLE)
    by_opening = {o: [j for j, c in enumerate(columns) if c == o] for o in openings}
    for r in feasible:
        scores[row[r.person_id], by_opening[r.opening_id]] = r.score
    rows, cols = linear_sum_assignment(scores, maximize=True)
    pairs = [Assignment(people[i], columns[j], float(scores[i, j]))
             for i, j in zip(rows, cols, strict=True) if scores[i, j] > INFEASIBLE / 2]
    return sorted(pairs, key=lambda a: (a.opening_id, -a.score, a.person_id))
