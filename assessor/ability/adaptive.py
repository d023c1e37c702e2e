"""Which challenge to suggest next: the most informative one not yet attempted, give or take.

Maximum information at the current EAP, with randomesque exposure control: the suggestion is
drawn at random among the :data:`TOP_K` most informative unattempted items of the area, so
that everyone does not get the same sequence. The draw is seeded (for example by person and
area), so the same person sees the same suggestion until they answer. Candidates can still
choose freely; this is only a suggestion.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Collection

import numpy as np

from assessor.ability.area import AreaModel
from assessor.ability.estimation import Posterior

TOP_K = 3


def suggest_next(model: AreaModel, posterior: Posterior, attempted: Collection[str], *,
                 seed: int | str | None = None, top_k: int = TOP_K) -> str | None:
    """The id of the suggested next item, or None when every item has been attempted."""
    open_rows = [row for row, item in enumerate(model.items) if item.id not in attempted]
    if not open_rows:
        return None
    info = model.information_at(posterior.mean)[open_rows]
    best = [open_rows[i] for i in np.argsort(-info, kind="stable")[:top_k]]
    return model.items[_rng(seed).choice(best)].id


def _rng(seed: int | str | None) -> random.Random:
    """A generator that gives the same draw for the same seed in every process."""
    if isinstance(seed, str):
        seed = int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big")
    return random.Random(seed)
