"""Speed of the ability model, as ratios to a baseline measured in the same run.

Baseline: one numpy evaluation on the θ grid (the N(0, 1) density at 161 points), the smallest
unit of work the model does. A web request that records a response and suggests the next
challenge does one posterior update and one suggestion; the issue asks for "a few
milliseconds" at most. Run: ``.venv/bin/python bench/ability.py``.
"""

from __future__ import annotations

import sys
import time
import timeit
from datetime import date
from pathlib import Path

import numpy as np

sys.path.remove(str(Path(__file__).resolve().parent))  # bench/ must not shadow packages
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assessor.domain.ability import ItemBank, ItemMeta, Response, assess_area
from assessor.domain.ability.adaptive import suggest_next
from assessor.domain.ability.calibration import fit_area
from assessor.domain.ability.estimation import GRID
from assessor.domain.ability.items import prior_params
from assessor.domain.ability.levels import LADDERS
from assessor.domain.ability.model import probabilities

ITEMS_PER_STEP = 10  # 60 programming items: 2 challenges and 8 knowledge items per step


def bank_metas() -> list[ItemMeta]:
    """A programming bank larger than the first year's: 60 items over six steps."""
    metas = []
    for step, (course, grade) in enumerate(LADDERS["programmering"]):
        for k in range(ITEMS_PER_STEP):
            kind = "challenge" if k < 2 else ("choice" if k < 5 else "code_reading")
            metas.append(ItemMeta(f"{course[-1]}{grade}-{k}", "programmering", course, grade,
                                  3 if kind == "challenge" else 1, step * 0.6 - 1.5 + k * 0.05,
                                  kind))
    return metas


def per_call(statement, number: int) -> float:
    """Best of five runs, seconds per call."""
    return min(timeit.repeat(statement, number=number, repeat=5)) / number


def main() -> None:
    bank = ItemBank.from_priors(bank_metas(), created=date(2026, 1, 1))
    started = time.perf_counter()
    model = bank.area("programmering")
    build = time.perf_counter() - started
    responses = [Response(item.id, item.meta.max_score // 2 + (i % 2))
                 for i, item in enumerate(model.items[::5])]  # 12 responses
    posterior = model.posterior(responses[:-1])
    attempted = {r.item_id for r in responses}

    baseline = per_call(lambda: np.exp(-0.5 * GRID**2), 20_000)
    update = per_call(lambda: model.update(posterior, responses[-1]), 20_000)
    suggest = per_call(lambda: suggest_next(model, posterior, attempted, seed="p:prog"), 5_000)
    both = per_call(lambda: suggest_next(model, model.update(posterior, responses[-1]),
                                         attempted, seed="p:prog"), 5_000)
    assess = per_call(lambda: assess_area(bank, "programmering", responses, seed="p"), 50)

    rng = np.random.default_rng(1)
    metas = bank_metas()[::2]  # 30 items
    thetas = rng.normal(size=2000)
    truth = [prior_params(meta) for meta in metas]
    scores = np.array([(rng.random(2000)[None, :] > np.cumsum(probabilities(p, thetas), axis=0))
                       .sum(axis=0) for p in truth]).T
    started = time.perf_counter()
    fit = fit_area(metas, scores, range(2000))
    calibration = time.perf_counter() - started

    print(f"baseline, one numpy grid evaluation (161 points): {baseline * 1e6:8.2f} µs")
    print(f"posterior update after one response:              {update * 1e6:8.2f} µs "
          f"({update / baseline:.1f}×)")
    print(f"next suggestion among 60 items:                   {suggest * 1e6:8.2f} µs "
          f"({suggest / baseline:.1f}×)")
    print(f"full area assessment, 12 responses (level, next,  {assess * 1e3:8.2f} ms "
          f"({assess / baseline:.0f}×)")
    print("  person fit with 1,000 bootstrap patterns)")
    print(f"area model build, once per bank and area:         {build * 1e3:8.2f} ms")
    print(f"calibration, 2,000 persons × 30 items:            {calibration:8.2f} s "
          f"({fit.cycles} EM cycles)")
    print(f"ratio: update + next suggestion = {both / baseline:.1f}× one numpy grid evaluation "
          f"({both * 1e6:.1f} µs vs {baseline * 1e6:.2f} µs)")


if __name__ == "__main__":
    main()
