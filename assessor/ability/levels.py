"""θ in the caseworker's language: course levels per area, with how sure we are.

Each area has a ladder of course grade steps (:data:`LADDERS`); below the first step the
result is "no level shown yet". The cut point of a step is where a person at the bottom of that
level is expected to earn two thirds of the points on a typical item authored for it:

1. For each item tagged with the step's course and grade, find the θ at which its expected
   score is 67 % of its maximum (the "RP67" point of the bookmark method), using the bank's
   fitted parameters.
2. The step's cut is the mean of those θ over its items.
3. If the items' order contradicts the authors' (an "A" step easier than a "C" step), the
   steps are pooled (pool-adjacent-violators, weighted by item count) and a warning is logged:
   such items need review.
4. A step without items is placed by linear interpolation between its neighbours, or 1 logit
   beyond the last anchored step at either end; every cut is at least 0.2 logit above the one
   below it.

The level shown is the band with the largest posterior probability; that probability is the
confidence. The area is *klar* (done) when the 90 % interval lies inside one band (after at
least :data:`MIN_ITEMS` items), or after :data:`DONE_AFTER` items.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq

from assessor.ability.estimation import Posterior
from assessor.ability.items import GRADES, BankItem
from assessor.ability.model import ItemParams, expected_score
from assessor.vocabulary import AREA_COURSES

log = logging.getLogger(__name__)


def _ladder(*courses: str) -> tuple[tuple[str, str], ...]:
    return tuple((course, grade) for course in courses for grade in GRADES)


LADDERS: dict[str, tuple[tuple[str, str], ...]] = {
    area.value: _ladder(*courses) for area, courses in AREA_COURSES.items()}
RESPONSE_PROBABILITY = 0.67
DEFAULT_GAP = 1.0  #: logits between steps when nothing anchors the outer ones
MIN_GAP = 0.2
MIN_ITEMS = 3  #: nobody is classified from one or two answers
DONE_AFTER = 12
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
    label: str | None  #: e.g. "Programmering 1 C"; None = below the first step
    rank: int  #: 0 = below the first step, 1… = step on the ladder
    ladder: tuple[str, ...]  #: every step's label, lowest first
    confidence: float  #: posterior probability that ``rank`` is right
    confidence_key: str  #: "very_sure", "sure", "fairly_sure" or "unsure"
    runner_up: int  #: the next most probable rank (for "between B and C")
    probabilities: tuple[float, ...]  #: per rank, 0 first
    interval90: tuple[int, int]  #: ranks at the ends of the 90 % interval
    n_items: int
    done: bool  #: "klar"
    theta: float  #: technical appendix only: θ, its SE and its 90 % interval
    se: float
    theta_interval90: tuple[float, float]
    bank_version: str

    @property
    def confidence_percent(self) -> int:
        """The confidence in whole per cent."""
        return round(100 * self.confidence)

    @property
    def runner_up_label(self) -> str | None:
        """The label of the next most probable level (None = below the first step)."""
        return self.ladder[self.runner_up - 1] if self.runner_up > 0 else None

    @property
    def ladder_size(self) -> int:
        """How many steps the ladder has."""
        return len(self.ladder)


def confidence_key(probability: float) -> str:
    """The word band for a confidence: very_sure ≥ 95 %, sure ≥ 85 %, fairly_sure ≥ 75 %."""
    return next(key for lowest, key in CONFIDENCE_WORDS if probability >= lowest)


def level_result(scale: LevelScale, posterior: Posterior, n_items: int,
                 bank_version: str = "") -> LevelResult:
    """The level, confidence, interval and done-ness for one area's posterior."""
    probs = scale.probabilities(posterior)
    order = np.argsort(-probs, kind="stable")
    low, high = posterior.interval(0.9)
    interval = (scale.band(low), scale.band(high))
    done = n_items >= DONE_AFTER or (n_items >= MIN_ITEMS and interval[0] == interval[1])
    rank = int(order[0])
    return LevelResult(
        area=scale.area, label=scale.label(rank), rank=rank,
        ladder=tuple(step.label for step in scale.steps), confidence=float(probs[rank]),
        confidence_key=confidence_key(float(probs[rank])), runner_up=int(order[1]),
        probabilities=tuple(float(p) for p in probs), interval90=interval, n_items=n_items,
        done=done, theta=posterior.mean, se=posterior.sd, theta_interval90=(low, high),
        bank_version=bank_version)


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
