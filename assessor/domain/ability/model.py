"""The item response model: partial credit (Rasch family) with a fixed guessing floor.

An item scored 0…m has thresholds δ_1…δ_m (logits). In the Partial Credit Model

    P(X = k | θ) ∝ exp(Σ_{j ≤ k} a (θ − δ_j)),   k = 0…m,

so a right/wrong item (m = 1) is the Rasch model with difficulty δ_1. A right/wrong item with a
guessing floor c (a 3PL whose c is fixed, not estimated) has

    P(X = 1 | θ) = c + (1 − c) / (1 + exp(−a (θ − δ_1))).

The slope a stays 1 (Rasch) unless an author sets it; calibration never estimates it.
All functions take θ as an array (a grid) and return one row per category.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import expit, log_expit


@dataclass(frozen=True)
class ItemParams:
    """Fitted (or prior) parameters of one item."""

    id: str
    thresholds: tuple[float, ...]  #: δ_1…δ_m, one per score step
    guessing: float = 0.0  #: lower asymptote c, right/wrong items only
    slope: float = 1.0

    @property
    def max_score(self) -> int:
        """The highest category m."""
        return len(self.thresholds)

    @property
    def difficulty(self) -> float:
        """The item's location: the mean of its thresholds."""
        return float(np.mean(self.thresholds))


def logsumexp(values: np.ndarray, axis: int = 0, keepdims: bool = False) -> np.ndarray:
    """log Σ exp(values) along an axis, without overflow (scipy's costs ~0.5 ms a call)."""
    top = np.max(values, axis=axis, keepdims=True)
    total = top + np.log(np.sum(np.exp(values - top), axis=axis, keepdims=True))
    return total if keepdims else np.squeeze(total, axis=axis)


def _as_grid(theta: np.ndarray | float) -> np.ndarray:
    return np.atleast_1d(np.asarray(theta, dtype=float))


def log_probabilities(item: ItemParams, theta: np.ndarray | float) -> np.ndarray:
    """log P(X = k | θ), shape (m + 1, len(θ))."""
    grid = _as_grid(theta)
    steps = item.slope * (grid[None, :] - np.asarray(item.thresholds)[:, None])
    if item.guessing > 0.0:
        right = np.logaddexp(np.log(item.guessing), np.log1p(-item.guessing) + log_expit(steps))
        wrong = np.log1p(-item.guessing) + log_expit(-steps)
        return np.vstack([wrong, right])
    numerators = np.vstack([np.zeros_like(grid), np.cumsum(steps, axis=0)])
    return numerators - logsumexp(numerators, axis=0)


def probabilities(item: ItemParams, theta: np.ndarray | float) -> np.ndarray:
    """P(X = k | θ), shape (m + 1, len(θ))."""
    return np.exp(log_probabilities(item, theta))


def expected_score(item: ItemParams, theta: np.ndarray | float) -> np.ndarray:
    """E[X | θ], one value per θ."""
    return np.arange(item.max_score + 1) @ probabilities(item, theta)


def information(item: ItemParams, theta: np.ndarray | float) -> np.ndarray:
    """Fisher information I(θ), one value per θ."""
    p = probabilities(item, theta)
    if item.guessing > 0.0:
        c = item.guessing
        return item.slope**2 * ((p[1] - c) / (1 - c)) ** 2 * p[0] / p[1]
    k = np.arange(item.max_score + 1)[:, None]
    mean = (k * p).sum(axis=0)
    return item.slope**2 * ((k - mean) ** 2 * p).sum(axis=0)


def threshold_gradient(item: ItemParams, theta: np.ndarray | float) -> np.ndarray:
    """∂ log P(X = k | θ) / ∂δ_j, shape (m + 1, len(θ), m); calibration's score function."""
    grid = _as_grid(theta)
    a = item.slope
    if item.guessing > 0.0:
        c = item.guessing
        s = expit(a * (grid - item.thresholds[0]))
        p_right = c + (1 - c) * s
        d_right = -a * (1 - c) * s * (1 - s)
        return np.stack([-d_right / (1 - p_right), d_right / p_right])[:, :, None]
    p = probabilities(item, grid)
    at_least = np.cumsum(p[::-1], axis=0)[::-1][1:]  # S_j = P(X ≥ j), j = 1…m
    k = np.arange(item.max_score + 1)[:, None]
    reached = (k >= np.arange(1, item.max_score + 1)[None, :]).astype(float)
    return -a * (reached[:, None, :] - at_least.T[None, :, :])
