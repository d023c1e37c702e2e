"""Simulated persons and items for the ability model's tests."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from assessor.domain.ability.items import BankItem, ItemMeta
from assessor.domain.ability.model import ItemParams, probabilities


def simulate_scores(params: Sequence[ItemParams], thetas: np.ndarray,
                    rng: np.random.Generator) -> np.ndarray:
    """(persons, items) scores drawn from the model."""
    scores = np.zeros((len(thetas), len(params)), dtype=int)
    for column, item in enumerate(params):
        cumulative = np.cumsum(probabilities(item, thetas), axis=0)
        scores[:, column] = (rng.random(len(thetas))[None, :] > cumulative).sum(axis=0)
    return np.minimum(scores, [p.max_score for p in params])


def mixed_items(rng: np.random.Generator, count: int = 30,
                prior_sd: float = 1.0) -> tuple[list[ItemMeta], list[ItemParams]]:
    """Half challenges scored 0–3, a quarter choice items (4 options), the rest code reading;
    author priors at 0, true difficulties N(0, 1)."""
    metas, truth = [], []
    for index in range(count):
        kind = "challenge" if index < count // 2 else (
            "choice" if index < 3 * count // 4 else "code_reading")
        top = 3 if kind == "challenge" else 1
        meta = ItemMeta(f"{kind}-{index}", "programmering", "Programmering 1", "E", top, 0.0,
                        kind, prior_sd)
        location = rng.normal()
        steps = np.array([-0.8, 0.0, 0.8]) + rng.normal(0, 0.2, 3) if top == 3 else np.zeros(1)
        metas.append(meta)
        truth.append(ItemParams(meta.id, tuple(location + steps), meta.guessing))
    return metas, truth


def ladder_item(item_id: str, course: str, level: str, difficulty: float,
                area: str = "programmering", kind: str = "code_reading") -> BankItem:
    """A bank item at its prior, tagged with a course grade step."""
    top = 3 if kind == "challenge" else 1
    meta = ItemMeta(item_id, area, course, level, top, difficulty, kind)
    thresholds = (difficulty - 1, difficulty, difficulty + 1) if top == 3 else (difficulty,)
    return BankItem(meta, ItemParams(item_id, thresholds, meta.guessing))
