"""Person fit: does this pattern of results look like one person's steady ability?

In plain words: people who manage hard tasks usually also manage the easy ones. When someone
fails easy items and then succeeds on hard ones, the pattern is unusual. That can mean help
from someone else, but just as well a bad day, a misunderstood question, nerves, or a skill
that the area's items do not all measure. So it is a reason to talk — for example in a
supervised follow-up — and never a verdict.

The statistic is lz (Drasgow, Levine & Williams 1985, in its polytomous form): the
log-likelihood of the observed scores at the EAP θ, standardised by its expectation and
variance. Low values mean an unlikely pattern. Because θ is estimated from few items, the usual
normal reference is off, so the p-value comes from a parametric bootstrap: patterns simulated
at θ, each re-scored, give the distribution that the observed lz is compared with.

A signal is raised only when both hold: lz is low (p < :data:`ALPHA`) *and* an unexpected
success on a harder item follows an unexpected failure on an easier one (standardised residuals
beyond ±:data:`UNEXPECTED`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assessor.domain.ability.area import AreaModel
from assessor.domain.ability.estimation import GRID
from assessor.domain.ability.items import Response

ALPHA = 0.05
UNEXPECTED = 1.5  #: |standardised residual| that counts as unexpected
MIN_ITEMS = 5
SIMULATIONS = 1000


@dataclass(frozen=True)
class PersonFit:
    """The person-fit statistic of one area, and the responses that made it unusual."""

    lz: float | None  #: None with fewer than MIN_ITEMS responses
    p_value: float | None
    flagged: bool
    unexpected_successes: tuple[str, ...]
    unexpected_failures: tuple[str, ...]
    n_items: int

    @property
    def facts(self) -> dict:
        """The facts behind the signal, for ``Signal("person_fit", facts)``."""
        return {"lz": self.lz, "p_value": self.p_value, "n_items": self.n_items,
                "unexpected_successes": list(self.unexpected_successes),
                "unexpected_failures": list(self.unexpected_failures)}


def person_fit(model: AreaModel, responses: Sequence[Response], *,
               simulations: int = SIMULATIONS, seed: int = 0) -> PersonFit:
    """lz with a bootstrap p-value; ``responses`` in the order they were made."""
    if len(responses) < MIN_ITEMS:
        return PersonFit(None, None, False, (), (), len(responses))
    rows = np.array([model.row(r) for r in responses])
    scores = np.array([r.score for r in responses])
    theta = model.posterior(responses).mean
    observed = _lz(model, rows, scores[None, :], np.array([theta]))[0]
    simulated = _simulated_lz(model, rows, theta, simulations, np.random.default_rng(seed))
    p_value = float((1 + np.sum(simulated <= observed)) / (simulations + 1))
    residuals = _residuals(model, rows, scores, theta)
    successes, failures = residuals >= UNEXPECTED, residuals <= -UNEXPECTED
    pattern = _success_after_easier_failure(model, rows, successes, failures)
    ids = [r.item_id for r in responses]
    return PersonFit(float(observed), p_value, bool(p_value < ALPHA and pattern),
                     tuple(i for i, s in zip(ids, successes, strict=True) if s),
                     tuple(i for i, f in zip(ids, failures, strict=True) if f), len(responses))


def _probabilities_at(model: AreaModel, rows: np.ndarray, thetas: np.ndarray) -> np.ndarray:
    """P(X = k | θ) by linear interpolation on the grid, shape (items, categories, thetas)."""
    table = model.likelihoods[rows, :-1]
    position = np.interp(thetas, GRID, np.arange(len(GRID)))
    low = np.minimum(position.astype(int), len(GRID) - 2)
    share = position - low
    return (1 - share) * table[:, :, low] + share * table[:, :, low + 1]


def _lz(model: AreaModel, rows: np.ndarray, scores: np.ndarray, thetas: np.ndarray) -> np.ndarray:
    """lz for each pattern (row of ``scores``) at its own θ."""
    p = _probabilities_at(model, rows, thetas)
    log_p = np.log(np.maximum(p, 1e-300))
    picked = np.take_along_axis(log_p, scores.T[:, None, :], axis=1)[:, 0, :]
    expected = (p * log_p).sum(axis=1)
    variance = (p * log_p**2).sum(axis=1) - expected**2
    return (picked.sum(axis=0) - expected.sum(axis=0)) / np.sqrt(variance.sum(axis=0))


def _simulated_lz(model: AreaModel, rows: np.ndarray, theta: float, count: int,
                  rng: np.random.Generator) -> np.ndarray:
    """lz of patterns simulated at θ, each re-scored by EAP."""
    cumulative = np.cumsum(_probabilities_at(model, rows, np.array([theta]))[:, :, 0], axis=1)
    draws = rng.random((count, len(rows)))
    scores = (draws[:, :, None] > cumulative[None, :, :]).sum(axis=2)
    tops = np.array([model.items[row].meta.max_score for row in rows])
    scores = np.minimum(scores, tops[None, :])
    log_weights = np.tile(np.log(model.prior.weights + 1e-300), (count, 1))
    for column, row in enumerate(rows):
        log_weights += model.log_likelihoods[row, scores[:, column]]
    weights = np.exp(log_weights - log_weights.max(axis=1, keepdims=True))
    thetas = (weights @ GRID) / weights.sum(axis=1)
    return _lz(model, rows, scores, thetas)


def _residuals(model: AreaModel, rows: np.ndarray, scores: np.ndarray,
               theta: float) -> np.ndarray:
    """(score − expected) / SD for each response at θ."""
    p = _probabilities_at(model, rows, np.array([theta]))[:, :, 0]
    k = np.arange(p.shape[1])
    mean = p @ k
    sd = np.sqrt(p @ k**2 - mean**2)
    return (scores - mean) / sd


def _success_after_easier_failure(model: AreaModel, rows: np.ndarray, successes: np.ndarray,
                                  failures: np.ndarray) -> bool:
    difficulty = np.array([model.items[row].params.difficulty for row in rows])
    for later in np.flatnonzero(successes):
        earlier = np.flatnonzero(failures[:later])
        if np.any(difficulty[earlier] < difficulty[later]):
            return True
    return False
