"""The adaptive test: which challenge to suggest next, and when an area is "klar" (done).

**Which steps decide the level now.** While the estimate is higher than the evidence (an "at
least" level), the lowest step above the highest one shown that still has open items, past
used-up steps that were not mostly failed: passing its items is the only way the level can go
up, so a new person starts at the first step. Otherwise, the level's own step and the next
step above it that has items: the items that tell those two levels apart; when those are used
up and the step above is a tie (as many items passed as not), the next step up that has open
items. Items further away tell little about that boundary and, when passed by luck, lift the
estimate for nothing.

**Suggestion.** Among the deciding steps with open items, those where the fewest items were
attempted so far (so a boundary gets evidence from both sides, not five fails above it against
one pass below); among their open items (all open items when those are used up) the most
informative at the current EAP, with randomesque exposure control: drawn
at random among the :data:`TOP_K` best, so that everyone does not get the same sequence. The
draw is seeded (for example by person and area), so the same person sees the same suggestion
until they answer. Candidates can still choose freely; this is only a suggestion.

**Klar** after :data:`DONE_AFTER` items or when every item is attempted; and, after at least
:data:`MIN_ITEMS` items, when the 90 % interval lies inside one band (and the level is not an
"at least"), or when the deciding steps have no open item left. ``bench/levels.py`` shows how
often this lands on the right step.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Collection

import numpy as np

from assessor.domain.ability.area import AreaModel
from assessor.domain.ability.estimation import Posterior
from assessor.domain.ability.levels import LevelResult

TOP_K = 3
MIN_ITEMS = 3  #: nobody is classified from one or two answers
DONE_AFTER = 12


def deciding_steps(model: AreaModel, level: LevelResult,
                   attempted: Collection[str]) -> tuple[int, ...]:
    """The steps (1…) whose items decide the level now, lowest first (see the module doc)."""
    if level.at_least:
        return _climb(model, level, attempted, level.shown + 1)
    above = _step_above(model, level.rank)
    steps = tuple(step for step in (level.rank, above) if step)
    if above and level.balance[above - 1] == 0 and not _open_rows(model, attempted, set(steps)):
        return _climb(model, level, attempted, above + 1)
    return steps


def _climb(model: AreaModel, level: LevelResult, attempted: Collection[str],
           start: int) -> tuple[int, ...]:
    """The lowest step from ``start`` up with open items, past used-up steps that were not
    failed (as many passed as not, or no items); none past a step mostly failed."""
    for step in range(start, len(level.balance) + 1):
        if _open_rows(model, attempted, {step}):
            return (step,)
        if level.balance[step - 1] < 0:
            return ()
    return ()


def is_done(model: AreaModel, level: LevelResult | None, attempted: Collection[str]) -> bool:
    """"Klar": enough is known about the area's level (see the module doc)."""
    n_items = len(attempted)
    if n_items >= DONE_AFTER or not _open_rows(model, attempted):
        return True
    if level is None or n_items < MIN_ITEMS:
        return False
    if not level.at_least and level.interval90[0] == level.interval90[1]:
        return True
    return not _open_rows(model, attempted, set(deciding_steps(model, level, attempted)))


def suggest_next(model: AreaModel, posterior: Posterior, attempted: Collection[str], *,
                 seed: int | str | None = None, top_k: int = TOP_K,
                 steps: Collection[int] = ()) -> str | None:
    """The id of the suggested next item, or None when every item has been attempted.
    With ``steps``, only items of those steps are considered while any of them is open."""
    open_rows = _open_rows(model, attempted, _least_asked(model, attempted, steps)) or \
        _open_rows(model, attempted)
    if not open_rows:
        return None
    info = model.information_at(posterior.mean)[open_rows]
    best = [open_rows[i] for i in np.argsort(-info, kind="stable")[:top_k]]
    return model.items[_rng(seed).choice(best)].id


def _open_rows(model: AreaModel, attempted: Collection[str],
               steps: set[int] | None = None) -> list[int]:
    """Rows of the items not yet attempted (only those of ``steps`` when given)."""
    return [row for row, item in enumerate(model.items) if item.id not in attempted
            and (steps is None or (model.scale is not None
                                   and model.scale.rank_of(item.meta) in steps))]


def _least_asked(model: AreaModel, attempted: Collection[str], steps: Collection[int]) -> set[int]:
    """Of ``steps``, those with open items and the fewest items attempted so far: evidence
    on both sides of a boundary, not five fails above it against one pass below."""
    counts = {step: sum(model.scale.rank_of(item.meta) == step for item in model.items
                        if item.id in attempted)
              for step in steps if _open_rows(model, attempted, {step})}
    return {step for step, count in counts.items() if count == min(counts.values())}


def _step_above(model: AreaModel, rank: int) -> int | None:
    """The next step above ``rank`` that has items in the bank; None at the top."""
    if model.scale is None:
        return None
    return next((step for step in range(rank + 1, len(model.scale.steps) + 1)
                 if model.scale.steps[step - 1].anchors), None)


def _rng(seed: int | str | None) -> random.Random:
    """A generator that gives the same draw for the same seed in every process."""
    if isinstance(seed, str):
        seed = int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big")
    return random.Random(seed)
