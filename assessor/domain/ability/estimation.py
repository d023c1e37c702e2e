"""Ability by EAP on a fixed grid: the posterior mean, its SD as standard error, and intervals.

The posterior lives on :data:`GRID` (161 points, −8…8 logits, step 0.1). Moments are grid
sums; the CDF, from which intervals and level probabilities come, is interpolated with the
density as its slope. Updating after a response multiplies the weights by one row of a
precomputed likelihood table, so it costs a few microseconds.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assessor.domain.ability.model import ItemParams, log_probabilities, logsumexp

GRID = np.linspace(-8.0, 8.0, 161)
MISSING = -1  #: category code for "not answered"; indexes the table's all-zero last column


@dataclass(frozen=True)
class AbilityEstimate:
    """θ (posterior mean) with its standard error (posterior SD) and 90 % interval."""

    theta: float
    se: float
    interval90: tuple[float, float]
    n_items: int


@dataclass(frozen=True, eq=False)
class Posterior:
    """A distribution of θ on a grid; weights sum to 1."""

    grid: np.ndarray
    weights: np.ndarray

    @classmethod
    def normal(cls, mean: float = 0.0, sd: float = 1.0, grid: np.ndarray = GRID) -> Posterior:
        """The normal prior N(mean, sd²) on the grid."""
        return cls.from_log(grid, -0.5 * ((grid - mean) / sd) ** 2)

    @classmethod
    def from_log(cls, grid: np.ndarray, log_weights: np.ndarray) -> Posterior:
        """A posterior from unnormalised log weights."""
        return cls(grid, np.exp(log_weights - logsumexp(log_weights)))

    def updated(self, likelihood: np.ndarray) -> Posterior:
        """The posterior after one more response with this likelihood on the grid."""
        weights = self.weights * likelihood
        return Posterior(self.grid, weights / weights.sum())

    @property
    def mean(self) -> float:
        """The EAP estimate of θ."""
        return float(self.weights @ self.grid)

    @property
    def sd(self) -> float:
        """The posterior SD, reported as the standard error."""
        return float(np.sqrt(self.weights @ (self.grid - self.mean) ** 2))

    def cdf(self, theta: float | np.ndarray) -> np.ndarray:
        """P(θ ≤ x) for each x: cubic Hermite between grid points (error well below 0.1 %)."""
        x = np.atleast_1d(np.asarray(theta, dtype=float))
        grid, h = self.grid, self.grid[1] - self.grid[0]
        density, knots = self._knots
        i = np.clip(np.searchsorted(grid, x) - 1, 0, len(grid) - 2)
        t = (x - grid[i]) / h
        value = ((2 * t**3 - 3 * t**2 + 1) * knots[i] + (t**3 - 2 * t**2 + t) * h * density[i]
                 + (3 * t**2 - 2 * t**3) * knots[i + 1] + (t**3 - t**2) * h * density[i + 1])
        value = np.where(x < grid[0], 0.0, np.where(x > grid[-1], 1.0, value))
        return np.clip(value, 0.0, 1.0)

    @functools.cached_property
    def _knots(self) -> tuple[np.ndarray, np.ndarray]:
        """The density and the CDF at the grid points, computed once per posterior."""
        h = self.grid[1] - self.grid[0]
        density = self.weights / h
        # trapezoid sums with the Euler–Maclaurin end correction, exact to O(h⁴)
        knots = h * (np.cumsum(density) - density / 2) - h**2 / 12 * np.gradient(density, h)
        return density, knots

    def share_below(self, theta: float | np.ndarray) -> np.ndarray:
        """P(θ ≤ x) from the cumulative weights, linear between grid points (midpoint rule).

        Coarser than :meth:`cdf` (O(h²)), but each value is a fixed positive mix of cumulative
        sums, so a response whose likelihood rises with θ never makes it larger: decisions
        taken on it (the level's band) never move down after a pass or up after a fail.
        """
        cumulative = np.cumsum(self.weights) - self.weights / 2
        return np.interp(theta, self.grid, cumulative, left=0.0, right=1.0)

    def quantile(self, q: float) -> float:
        """The θ below which the share q of the posterior lies (to 0.01 logit: the CDF on ten
        steps per grid step, evaluated only in the grid step where q is crossed)."""
        coarse = np.maximum.accumulate(np.clip(self._knots[1], 0.0, 1.0))
        cell = int(np.clip(np.searchsorted(coarse, q), 1, len(self.grid) - 1))
        fine = np.linspace(self.grid[cell - 1], self.grid[cell], 11)
        values = np.maximum.accumulate(np.maximum(self.cdf(fine), coarse[cell - 1]))
        return float(np.interp(q, values, fine))

    def interval(self, level: float = 0.9) -> tuple[float, float]:
        """The equal-tailed credible interval."""
        tail = (1 - level) / 2
        return self.quantile(tail), self.quantile(1 - tail)

    def estimate(self, n_items: int) -> AbilityEstimate:
        """θ, SE and the 90 % interval as plain numbers."""
        return AbilityEstimate(self.mean, self.sd, self.interval(0.9), n_items)


def likelihood_table(items: Sequence[ItemParams], grid: np.ndarray = GRID) -> np.ndarray:
    """log P(X = k | θ) for every item, shape (items, max_score + 2, grid).

    Categories above an item's max_score are −inf; the last column is 0 for missing answers.
    """
    top = max(item.max_score for item in items)
    table = np.full((len(items), top + 2, len(grid)), -np.inf)
    for row, item in enumerate(items):
        table[row, : item.max_score + 1] = log_probabilities(item, grid)
    table[:, MISSING] = 0.0
    return table


def log_posteriors(table: np.ndarray, scores: np.ndarray, log_prior: np.ndarray) -> np.ndarray:
    """Normalised log posteriors, one row per person; ``scores`` is (persons, items)."""
    total = np.tile(log_prior, (scores.shape[0], 1))
    for column in range(scores.shape[1]):
        total += table[column, scores[:, column]]
    return total - logsumexp(total, axis=1, keepdims=True)


def eap(items: Sequence[ItemParams], scores: Sequence[int],
        prior: Posterior | None = None) -> Posterior:
    """The posterior of θ after these scored items (an N(0, 1) prior unless given)."""
    prior = prior or Posterior.normal()
    if not items:
        return prior
    table = likelihood_table(items, prior.grid)
    log_prior = np.log(np.maximum(prior.weights, np.finfo(float).tiny))
    row = log_posteriors(table, np.asarray([scores], dtype=int), log_prior)[0]
    return Posterior.from_log(prior.grid, row)
