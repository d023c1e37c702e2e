"""θ in the caseworker's language: course levels per area, with how sure we are.

Each area has a ladder of course grade steps (:data:`LADDERS`); below the first step the
result is "no level shown yet". The cut point of a step is where a person at the bottom of that
level is expected to earn :data:`RESPONSE_PROBABILITY` of the points on a typical item authored
for it:

1. For each item tagged with the step's course and grade, find the θ at which its expected
   score is that share of its maximum, using the bank's fitted parameters.
2. The step's cut is the mean of those θ over its items.
3. If the items' order contradicts the authors' (an "A" step easier than a "C" step), the
   steps are pooled (pool-adjacent-violators, weighted by item count) and a warning is logged:
   such items need review (``kodprov challenges validate`` refuses such author priors).
4. A step without items is placed by linear interpolation between its neighbours, or 1 logit
   beyond the last anchored step at either end; every cut is at least 0.2 logit above the one
   below it.

The level shown (:func:`level_result`) follows two rules, in this order:

* **Estimate.** The band of the posterior median. A pass (full score) multiplies the posterior
  by a likelihood that rises with θ and a fail (the lowest score) by one that falls, so the
  median — unlike the most probable band — never moves down after a pass or up after a fail.
* **Evidence cap.** The level is never above the highest step the person has *shown*: passed
  (full score) more than half of the items they attempted at it (:func:`shown_rank`; so never
  above the highest step with a passed item). When the estimate points higher, the result is
  "at least" that step (``at_least``), and its confidence is the posterior probability of
  being at or above it. Otherwise the confidence is the probability of the band itself.

Both rules are monotone in a pass (full score) and a fail (the lowest score), so the level is
too: one more pass never lowers it, one more fail never raises it. A partial score counts as
not passed for the cap, and moves the estimate towards the item's level.

When the area is *klar* (done) is the adaptive test's rule: :mod:`assessor.domain.ability.adaptive`.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.optimize import brentq

from assessor.domain.ability.estimation import Posterior
from assessor.domain.ability.items import GRADES, BankItem, ItemMeta
from assessor.domain.ability.model import ItemParams, expected_score
from assessor.domain.vocabulary import AREA_COURSES

log = logging.getLogger(__name__)


def _ladder(*courses: str) -> tuple[tuple[str, str], ...]:
    return tuple((course, grade) for course in courses for grade in GRADES)


LADDERS: dict[str, tuple[tuple[str, str], ...]] = {
    area.value: _ladder(*courses) for area, courses in AREA_COURSES.items()}
RESPONSE_PROBABILITY = 0.5
DEFAULT_GAP = 1.0  #: logits between steps when nothing anchors the outer ones
MIN_GAP = 0.2
#: (lowest probability, key) from most to least sure; the web layer words the key
CONFIDENCE_WORDS = ((0.95, "very_sure"), (0.85, "sure"), (0.75, "fairly_sure"),
                    (0.0, "unsure"))


@dataclass(frozen=True)
class LevelStep:
    """One step of an area's ladder and the θ where it starts."""

    course: str
    grade: str
    cut: float
    anchors: int  #: how many items placed this cut (0 = interpolated)

    @property
    def label(self) -> str:
        """E.g. "Programmering 1 C"."""
        return f"{self.course} {self.grade}"


@dataclass(frozen=True)
class LevelScale:
    """An area's ladder with cut points; band 0 is below the first step."""

    area: str
    steps: tuple[LevelStep, ...]

    @property
    def cuts(self) -> np.ndarray:
        """The θ where each step starts."""
        return np.array([step.cut for step in self.steps])

    def band(self, theta: float) -> int:
        """0 below the first step, else the 1-based step θ falls in."""
        return int(np.searchsorted(self.cuts, theta, side="right"))

    def rank_of(self, meta: ItemMeta) -> int:
        """The step (1…) an item is tagged with; 0 when its course and grade are not on the
        ladder."""
        for rank, step in enumerate(self.steps, start=1):
            if (step.course, step.grade) == (meta.course, meta.level):
                return rank
        return 0

    def label(self, band: int) -> str | None:
        """The step label of a band, None for band 0."""
        return self.steps[band - 1].label if band > 0 else None

    def probabilities(self, posterior: Posterior) -> np.ndarray:
        """Posterior probability of each band, band 0 first."""
        return np.diff(np.concatenate([[0.0], posterior.cdf(self.cuts), [1.0]]))


@dataclass(frozen=True)
class LevelResult:
    """What a report says about one area."""

    area: str
    label: str | None  #: e.g. "Programmering 1 C"; None = no level shown
    rank: int  #: 0 = no level, 1… = step on the ladder; never above ``shown``
    ladder: tuple[str, ...]  #: every step's label, lowest first
    confidence: float  #: P(band = rank), or P(band ≥ rank) when ``at_least``
    confidence_key: str  #: "very_sure", "sure", "fairly_sure" or "unsure"
    runner_up: int | None  #: for "between B and C": a neighbour of ``rank`` no higher than
    #: ``shown``; None when there is none to name, or for an "at least" result
    probabilities: tuple[float, ...]  #: per rank, 0 first
    interval90: tuple[int, int]  #: ranks at the ends of the 90 % interval
    n_items: int
    theta: float  #: technical appendix only: θ, its SE and its 90 % interval
    se: float
    theta_interval90: tuple[float, float]
    bank_version: str
    at_least: bool = False  #: the estimate is higher than the evidence: "at least ``label``"
    estimate: int = 0  #: the band of the posterior median, before the cap
    shown: int = 0  #: the evidence cap: the highest step shown (see :func:`shown_rank`)
    balance: tuple[int, ...] = ()  #: per step: items passed minus not passed (step_balance)

    @property
    def confidence_percent(self) -> int:
        """The confidence in whole per cent."""
        return round(100 * self.confidence)

    @property
    def runner_up_label(self) -> str | None:
        """The label of the runner-up level (None = none, or below the first step)."""
        return self.ladder[self.runner_up - 1] if self.runner_up else None

    @property
    def ladder_size(self) -> int:
        """How many steps the ladder has."""
        return len(self.ladder)


def confidence_key(probability: float) -> str:
    """The word band for a confidence: very_sure ≥ 95 %, sure ≥ 85 %, fairly_sure ≥ 75 %."""
    return next(key for lowest, key in CONFIDENCE_WORDS if probability >= lowest)


def step_balance(scale: LevelScale, results: Iterable[tuple[ItemMeta, bool]]) -> tuple[int, ...]:
    """Per step, lowest first: items passed (full score) minus items not passed there.
    ``results`` are (item, passed) pairs, one per item."""
    balance = [0] * len(scale.steps)
    for meta, passed in results:
        if step := scale.rank_of(meta):
            balance[step - 1] += 1 if passed else -1
    return tuple(balance)


def shown_rank(balance: Sequence[int]) -> int:
    """The evidence cap: the highest step (1…) *shown*, that is where the person passed (full
    score) more than half of the items they attempted; 0 when no step is shown. Stricter than
    "passed at least one": a lucky pass beside a fail at the same step does not lift the cap
    (see ``bench/levels.py``)."""
    return max((step for step, margin in enumerate(balance, start=1) if margin > 0), default=0)


def level_result(scale: LevelScale, posterior: Posterior, n_items: int,
                 bank_version: str = "", *, shown: int,
                 balance: tuple[int, ...] = ()) -> LevelResult:
    """The level (the median's band, capped at the step ``shown``), its confidence and
    interval for one area's posterior."""
    probs = scale.probabilities(posterior)
    estimate = int(np.sum(posterior.share_below(scale.cuts) <= 0.5))
    rank = min(estimate, shown)
    at_least = estimate > rank
    confidence = float(probs[rank:].sum() if at_least else probs[rank])
    low, high = posterior.interval(0.9)
    interval = (scale.band(low), scale.band(high))
    return LevelResult(
        area=scale.area, label=scale.label(rank), rank=rank,
        ladder=tuple(step.label for step in scale.steps), confidence=min(confidence, 1.0),
        confidence_key=confidence_key(confidence),
        runner_up=None if at_least else _runner_up(probs, rank, shown),
        probabilities=tuple(float(p) for p in probs), interval90=interval, n_items=n_items,
        theta=posterior.mean, se=posterior.sd, theta_interval90=(low, high),
        bank_version=bank_version, at_least=at_least, estimate=estimate, shown=shown,
        balance=balance)


def _runner_up(probs: np.ndarray, rank: int, shown: int) -> int | None:
    """The likelier neighbour of ``rank``, unless that is a step not shown (above ``shown``):
    "between C and A" must not name an A that no passed task backs."""
    neighbours = [r for r in (rank - 1, rank + 1) if 0 <= r < len(probs)]
    best = max(neighbours, key=lambda r: probs[r], default=None)
    return best if best is not None and best <= shown else None


def response_probability_point(params: ItemParams, share: float = RESPONSE_PROBABILITY) -> float:
    """The θ at which the item's expected score is ``share`` of its maximum."""
    def gap(theta: float) -> float:
        return float(expected_score(params, theta)[0]) / params.max_score - share
    return float(brentq(gap, -30.0, 30.0))


def derive_scale(area: str, items: Sequence[BankItem]) -> LevelScale | None:
    """The area's ladder with cuts from its items' course/level tags; None without anchors."""
    ladder = LADDERS.get(area)
    if ladder is None:
        return None
    points: list[list[float]] = [[] for _ in ladder]
    for item in items:
        step = (item.meta.course, item.meta.level)
        if step in ladder:
            points[ladder.index(step)].append(response_probability_point(item.params))
        else:
            log.warning("item %s: %s %s is not on the %s ladder", item.id, *step, area)
    if not any(points):
        return None
    cuts = _spread(_fill(_pooled(points, area)))
    return LevelScale(area, tuple(LevelStep(course, grade, float(cut), len(anchor))
                                  for (course, grade), cut, anchor in
                                  zip(ladder, cuts, points, strict=True)))


def _pooled(points: list[list[float]], area: str) -> list[float | None]:
    """Step means made non-decreasing by pool-adjacent-violators (weights = item counts)."""
    blocks: list[list[float]] = []  # [mean, weight, first step, last step]
    for index, anchor in enumerate(points):
        if not anchor:
            continue
        blocks.append([float(np.mean(anchor)), float(len(anchor)), index, index])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            log.warning("area %s: items of a higher level are easier; steps pooled", area)
            (m1, w1, first, _), (m2, w2, _, last) = blocks[-2], blocks.pop()
            blocks[-1] = [(m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2, first, last]
    means: list[float | None] = [None] * len(points)
    for mean, _, first, last in blocks:
        for index in range(int(first), int(last) + 1):
            if points[index]:
                means[index] = mean
    return means


def _fill(means: list[float | None]) -> np.ndarray:
    known = [i for i, mean in enumerate(means) if mean is not None]
    values = [means[i] for i in known]
    filled = np.interp(np.arange(len(means)), known, values)
    filled[: known[0]] = values[0] - DEFAULT_GAP * (known[0] - np.arange(known[0]))
    after = np.arange(known[-1] + 1, len(means))
    filled[after] = values[-1] + DEFAULT_GAP * (after - known[-1])
    return filled


def _spread(cuts: np.ndarray) -> np.ndarray:
    spread = cuts.copy()
    for index in range(1, len(spread)):
        spread[index] = max(spread[index], spread[index - 1] + MIN_GAP)
    return spread


def ladder_order_problems(challenges: Iterable[Any]) -> list[tuple[str, str, str]]:
    """(challenge id, the id it must be harder than, what is wrong) for every author
    difficulty that breaks its ladder's order: each item of a step must be harder than each
    item of the nearest step below that has items, or the steps cannot be told apart (their
    cuts get pooled). ``challenges`` are anything with ``id``, ``area``, ``course``, ``level``
    and a 0…1 ``difficulty``."""
    problems = []
    challenges = list(challenges)
    for area, ladder in LADDERS.items():
        steps = [[c for c in challenges if _area(c) == area and (c.course, c.level) == step]
                 for step in ladder]
        filled = [(ladder[i], items) for i, items in enumerate(steps) if items]
        for (low_step, low), (high_step, high) in itertools.pairwise(filled):
            hardest = max(low, key=lambda c: c.difficulty)
            for challenge in sorted(high, key=lambda c: c.id):
                if challenge.difficulty <= hardest.difficulty:
                    problems.append((challenge.id, hardest.id, (
                        f"difficulty {challenge.difficulty:g} ({' '.join(high_step)}) is not "
                        f"above {hardest.id}'s {hardest.difficulty:g} ({' '.join(low_step)}): "
                        f"every task of a step must be harder than every task of the step "
                        f"below. Raise this difficulty or lower that one.")))
    return problems


def _area(challenge: Any) -> str:
    return str(getattr(challenge.area, "value", challenge.area))
