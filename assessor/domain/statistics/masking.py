"""Small counts masked, and the other counts that would give them away hidden too.

Any count from 1 to k−1 (k = 3 by default) is shown as "<3" (*small*). A count is also
hidden ("–", *hidden*) when the counts that are shown would otherwise let someone work out a
masked one: secondary suppression. Counts are related by ``Line``s (a total and the parts it
is the sum of; a table's rows and columns, a funnel's steps), possibly across tables that
share a count.

The check is the attacker's own: whole numbers, every shown count as it is, a "<3" between 1
and k−1, a "–" anything from 0 up, and every line adding up. A small count (1 to k−1) is safe
when two such solutions give it different values (``scipy.optimize.milp`` looks for them). A
"–" that hides a 0 or a count of k or more may be worked out: that gives away no small count.
While a small count is not safe, the smallest shown count (k or more, else any) in one of its
lines is hidden too; when none is left there, one further along its lines; when none is
left at all, a "<3" becomes "–".
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

K = 3  #: the smallest count that is shown


class Mask(enum.StrEnum):
    """How a count is shown."""

    SHOWN = "shown"
    SMALL = "small"  #: from 1 to k−1: "<k"
    HIDDEN = "hidden"  #: hidden so that no masked count can be worked out: "–"


@dataclass(frozen=True)
class Line:
    """A total and the counts it is the sum of."""

    total: Hashable
    parts: tuple[Hashable, ...]


@dataclass(frozen=True)
class Count:
    """A count as a report shows it. ``value`` is for the caller's own arithmetic before
    masking; what leaves the program is ``text`` (or ``shown_value``)."""

    value: int
    mask: Mask
    k: int = K

    @property
    def shown(self) -> bool:
        """Whether the number itself may be shown."""
        return self.mask is Mask.SHOWN

    @property
    def shown_value(self) -> int | None:
        """The number when it is shown, else None."""
        return self.value if self.shown else None

    @property
    def text(self) -> str:
        """"12", "<3" or "–"."""
        if self.mask is Mask.SMALL:
            return f"<{self.k}"
        return str(self.value) if self.shown else "–"


def mask(counts: Mapping[Hashable, int], lines: Sequence[Line], k: int = K,
         ) -> dict[Hashable, Count]:
    """Every count masked so that none from 1 to k−1 is shown and none that is masked can be
    worked out from the rest. ``counts`` must add up along ``lines``; ``k`` is at least 3
    (with k = 2, "<2" would say 1)."""
    if k < 3:
        raise ValueError("k is at least 3")
    _check_sums(counts, lines)
    masks = {key: Mask.SMALL if 0 < value < k else Mask.SHOWN for key, value in counts.items()}
    solved: dict[tuple, set[Hashable]] = {}  # a group's answer stays while its masks do
    while (exposed := first_exposed(counts, masks, lines, k, solved)) is not None:
        _hide_one_more(exposed, counts, masks, lines, k)
    return {key: Count(value, masks[key], k) for key, value in counts.items()}


def first_exposed(counts: Mapping[Hashable, int], masks: Mapping[Hashable, Mask],
                  lines: Sequence[Line], k: int = K,
                  solved: dict[tuple, set[Hashable]] | None = None) -> Hashable | None:
    """The first small count (in the order of ``counts``) that the shown ones determine, or
    None when every small count is safe. ``solved`` keeps answers between calls."""
    solved = {} if solved is None else solved
    unknown = [name for name, how in masks.items() if how is not Mask.SHOWN]
    protected = {name for name in unknown if 0 < counts[name] < k}
    alone = {next(n for n in (line.total, *line.parts) if masks[n] is not Mask.SHOWN)
             for line in lines
             if sum(masks[n] is not Mask.SHOWN for n in (line.total, *line.parts)) == 1}
    if alone & protected:  # a line with one masked count gives it away: no solver needed
        return next(name for name in unknown if name in alone & protected)
    exposed = set()
    for group in _groups(unknown, lines, masks):
        signature = tuple((name, masks[name]) for name in group)
        if signature not in solved:
            solved[signature] = _fixed(group, counts, masks, lines, k)
        exposed |= solved[signature]
    return next((name for name in unknown if name in exposed), None)


def _groups(unknown: Sequence[Hashable], lines: Sequence[Line],
            masks: Mapping[Hashable, Mask]) -> list[list[Hashable]]:
    """The masked counts in groups that share no line (each is solved on its own)."""
    group_of = {name: name for name in unknown}

    def root(name: Hashable) -> Hashable:
        while group_of[name] != name:
            name = group_of[name]
        return name

    for line in lines:
        masked = [n for n in (line.total, *line.parts) if masks[n] is not Mask.SHOWN]
        for other in masked[1:]:
            group_of[root(other)] = root(masked[0])
    groups: dict[Hashable, list[Hashable]] = {}
    for name in unknown:
        groups.setdefault(root(name), []).append(name)
    return list(groups.values())


def _fixed(group: Sequence[Hashable], counts: Mapping[Hashable, int],
           masks: Mapping[Hashable, Mask], lines: Sequence[Line], k: int) -> set[Hashable]:
    """The small counts of ``group`` that have one possible value. Each round asks the solver
    for a solution that moves as many of the undecided ones as it can; the ones it moves are
    safe. When it can move none, the rest are fixed. A "–" may range up to the sum of all
    counts and k: an alternative found in that box is a real one, so the answer errs only
    towards hiding more."""
    n = len(group)
    index = {name: i for i, name in enumerate(group)}
    true = np.array([counts[name] for name in group], dtype=float)
    low = np.array([1 if masks[name] is Mask.SMALL else 0 for name in group], dtype=float)
    top = sum(counts.values()) + k
    high = np.array([k - 1 if masks[name] is Mask.SMALL else top for name in group],
                    dtype=float)
    rows, sums = [], []
    for line in lines:
        row, known = np.zeros(3 * n), 0
        for name, sign in [(line.total, -1), *((part, 1) for part in line.parts)]:
            if name in index:
                row[index[name]] += sign
            else:
                known += sign * counts[name]
        if row.any():
            rows.append(row)
            sums.append(-known)
    # up_i = 1 forces x_i >= true_i + 1; down_i = 1 forces x_i <= true_i - 1; not both
    for i in range(n):
        up, down, both = np.zeros(3 * n), np.zeros(3 * n), np.zeros(3 * n)
        up[i], up[n + i] = 1, -(true[i] + 1 - low[i])
        down[i], down[2 * n + i] = 1, high[i] - true[i] + 1
        both[n + i] = both[2 * n + i] = 1
        rows += [up, down, both]
        sums += [(low[i], np.inf), (-np.inf, high[i]), (-np.inf, 1)]
    lower = [s[0] if isinstance(s, tuple) else s for s in sums]
    upper = [s[1] if isinstance(s, tuple) else s for s in sums]
    constraints = LinearConstraint(np.array(rows), lower, upper)
    bounds = Bounds(np.concatenate([low, np.zeros(2 * n)]),
                    np.concatenate([high, np.ones(2 * n)]))
    undecided = {i for i, name in enumerate(group) if 0 < counts[name] < k}
    while undecided:
        goal = np.zeros(3 * n)
        for i in undecided:
            goal[n + i] = goal[2 * n + i] = -1
        result = milp(goal, integrality=np.ones(3 * n), bounds=bounds,
                      constraints=constraints)
        if result.x is None:
            raise ValueError("the counts do not add up along the lines")
        moved = {i for i in undecided if round(result.x[n + i] + result.x[2 * n + i]) >= 1}
        if not moved:
            break
        undecided -= moved
    return {group[i] for i in undecided}


def _hide_one_more(exposed: Hashable, counts: Mapping[Hashable, int],
                   masks: dict[Hashable, Mask], lines: Sequence[Line], k: int) -> None:
    """Hide the smallest shown count (k or more first; a part before a total, since totals
    tell the most) in a line of ``exposed``, else further along its lines; with none left
    anywhere, turn a "<k" (``exposed`` first) into "–"."""
    totals = Counter(line.total for line in lines)
    reach, names = {exposed}, [exposed]
    while True:
        around = [name for line in lines if reach & {line.total, *line.parts}
                  for name in (line.total, *line.parts)]
        shown = [name for name in dict.fromkeys(around) if masks[name] is Mask.SHOWN]
        for pool in ([name for name in shown if counts[name] >= k], shown):
            if pool:
                masks[min(pool, key=lambda name: (totals[name], counts[name]))] = Mask.HIDDEN
                return
        names = [name for name in dict.fromkeys(around) if name not in reach]
        if not names:
            break
        reach |= set(names)
    small = [name for name in dict.fromkeys([exposed, *reach]) if masks[name] is Mask.SMALL]
    if not small:
        raise ValueError("nothing is left to hide")  # cannot happen: all "–" are free
    masks[small[0]] = Mask.HIDDEN


def _check_sums(counts: Mapping[Hashable, int], lines: Iterable[Line]) -> None:
    for line in lines:
        if counts[line.total] != sum(counts[part] for part in line.parts):
            raise ValueError(f"the parts of {line.total!r} do not add up to it")
        if any(counts[name] < 0 for name in (line.total, *line.parts)):
            raise ValueError("a count is never negative")


def percent(numerator: Count, denominator: Count) -> int | None:
    """numerator / denominator as a whole per cent, or None when either is masked or the
    denominator is 0 (a share of masked counts would give them back)."""
    if not (numerator.shown and denominator.shown) or denominator.value == 0:
        return None
    return int(numerator.value * 100 / denominator.value + 0.5)
