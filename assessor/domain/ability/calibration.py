"""Item calibration by marginal maximum likelihood (Bock–Aitkin EM with quadrature).

Each area is its own scale and is fitted on its own. Persons follow N(0, σ²) with σ estimated;
item thresholds start at the authors' priors and keep them as normal priors (so the E-M steps
give the MAP, or "Bayes modal", item estimates). With few responses the prior holds an item near
the author's rating; after a few dozen responses the data overrule it. Slopes and guessing
floors stay fixed. At the end the scale is shifted so that item difficulties have mean 0, and
persons are scored by EAP with the fitted population as prior.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from assessor.domain.ability.bank import ItemBank
from assessor.domain.ability.estimation import (
    GRID,
    MISSING,
    AbilityEstimate,
    Posterior,
    likelihood_table,
    log_posteriors,
)
from assessor.domain.ability.items import (
    BankItem,
    ItemError,
    ItemMeta,
    prior_params,
    prior_thresholds,
)
from assessor.domain.ability.model import ItemParams, probabilities, threshold_gradient

log = logging.getLogger(__name__)

QUADRATURE = np.linspace(-8.0, 8.0, 81)
TOLERANCE = 1e-4  #: largest threshold change (logits) between EM cycles at convergence
MAX_CYCLES = 1000
SCORING_STEPS = 2  #: Fisher-scoring steps per item in each M-step
MAX_STEP = 1.0  #: no threshold moves more than this in one scoring step
SD_LIMITS = (0.5, 3.0)  #: keeps the population SD plausible when there are few persons


@dataclass(frozen=True)
class AreaFit:
    """One area's fitted items (centred), population and person estimates."""

    items: tuple[ItemParams, ...]
    population: tuple[float, float]  #: mean and SD of θ on the centred scale
    persons: dict[str, AbilityEstimate]
    cycles: int
    converged: bool


@dataclass(frozen=True)
class Calibration:
    """A new item bank and the person estimates it was fitted together with, per area."""

    bank: ItemBank
    persons: dict[str, dict[str, AbilityEstimate]]


def fit_area(metas: Sequence[ItemMeta], scores: np.ndarray, persons: Sequence[str]) -> AreaFit:
    """Fit one area; ``scores`` is (persons, items) with :data:`MISSING` for no answer."""
    items = [prior_params(meta) for meta in metas]
    onehot = _one_hot(scores, max(m.max_score for m in metas) + 2)
    sd, change, cycle = 1.0, np.inf, 0
    for cycle in range(1, MAX_CYCLES + 1):
        new_items, new_sd = _em_cycle(items, metas, sd, scores, onehot)
        change = max(_largest_change(items, new_items), abs(new_sd - sd))
        items, sd = new_items, new_sd
        log.debug("cycle %s: largest change %.2g", cycle, change)
        if change < TOLERANCE:
            break
    converged = change < TOLERANCE
    log.info("calibration: %s items, %s persons, %s cycles, converged %s",
             len(items), len(persons), cycle, converged)
    return _centred_fit(items, sd, scores, persons, cycle, converged)


def calibrate(metas: Sequence[ItemMeta], responses: Iterable[tuple[str, str, int]], *,
              cohort: str, created: date | None = None) -> Calibration:
    """Fit every area from (person, item, score) rows and return a new versioned bank."""
    by_id = {meta.id: meta for meta in metas}
    rows = list(responses)
    unknown = sorted({item for _, item, _ in rows} - set(by_id))
    if unknown:
        raise ItemError(f"responses to items the bank does not have: {', '.join(unknown[:5])}")
    bank_items: list[BankItem] = []
    populations: dict[str, tuple[float, float]] = {}
    persons: dict[str, dict[str, AbilityEstimate]] = {}
    for area in sorted({meta.area for meta in metas}):
        area_metas = [meta for meta in metas if meta.area == area]
        area_rows = [row for row in rows if by_id[row[1]].area == area]
        if not area_rows:
            bank_items += [BankItem(meta, prior_params(meta)) for meta in area_metas]
            continue
        people, matrix = response_matrix(area_metas, area_rows)
        fit = fit_area(area_metas, matrix, people)
        answered = (matrix != MISSING).sum(axis=0)
        bank_items += [BankItem(meta, params, int(n)) for meta, params, n in
                       zip(area_metas, fit.items, answered, strict=True)]
        populations[area], persons[area] = fit.population, fit.persons
    bank = ItemBank.build(bank_items, populations, cohort=cohort, created=created)
    return Calibration(bank, persons)


def response_matrix(metas: Sequence[ItemMeta],
                    rows: Iterable[tuple[str, str, int]]) -> tuple[list[str], np.ndarray]:
    """Persons (in first-seen order) and their (persons, items) score matrix."""
    column = {meta.id: i for i, meta in enumerate(metas)}
    people: dict[str, int] = {}
    cells = [(people.setdefault(person, len(people)), column[item], score)
             for person, item, score in rows]
    matrix = np.full((len(people), len(metas)), MISSING, dtype=int)
    for person, item, score in cells:
        if not 0 <= score <= metas[item].max_score:
            raise ItemError(f"item {metas[item].id}: score {score} is outside 0…"
                            f"{metas[item].max_score}")
        matrix[person, item] = score
    return list(people), matrix


def _em_cycle(items: list[ItemParams], metas: Sequence[ItemMeta], sd: float, scores: np.ndarray,
              onehot: np.ndarray) -> tuple[list[ItemParams], float]:
    """One E-step (posterior weights at the quadrature nodes) and one M-step."""
    weights = np.exp(log_posteriors(likelihood_table(items, QUADRATURE), scores,
                                    _log_normal(QUADRATURE, 0.0, sd)))
    counts = (onehot.T @ weights).reshape(len(items), -1, len(QUADRATURE))
    new_sd = float(np.clip(np.sqrt((weights @ QUADRATURE**2).mean()), *SD_LIMITS))
    new_items = [_m_step(item, meta, counts[i])
                 for i, (item, meta) in enumerate(zip(items, metas, strict=True))]
    return new_items, new_sd


def _one_hot(scores: np.ndarray, categories: int) -> np.ndarray:
    """(persons, items × categories) indicators; missing answers land in the last column."""
    persons, items = scores.shape
    flat = np.arange(items)[None, :] * categories + np.where(scores == MISSING,
                                                             categories - 1, scores)
    onehot = np.zeros((persons, items * categories))
    onehot[np.arange(persons)[:, None], flat] = 1.0
    return onehot


def _log_normal(grid: np.ndarray, mean: float, sd: float) -> np.ndarray:
    return -0.5 * ((grid - mean) / sd) ** 2


def _m_step(item: ItemParams, meta: ItemMeta, counts: np.ndarray) -> ItemParams:
    """A few Fisher-scoring steps on the expected log posterior of one item's thresholds."""
    observed = counts[: item.max_score + 1]
    per_node = observed.sum(axis=0)
    prior_mean = np.asarray(prior_thresholds(meta))
    precision = 1.0 / meta.prior_sd**2
    delta = np.asarray(item.thresholds)
    for _ in range(SCORING_STEPS):
        current = replace(item, thresholds=tuple(delta))
        gradient = threshold_gradient(current, QUADRATURE)
        p = probabilities(current, QUADRATURE)
        score = np.einsum("kq,kqj->j", observed, gradient) - precision * (delta - prior_mean)
        info = np.einsum("q,kq,kqj,kql->jl", per_node, p, gradient, gradient)
        step = np.linalg.solve(info + precision * np.eye(len(delta)), score)
        delta = delta + np.clip(step, -MAX_STEP, MAX_STEP)
    return replace(item, thresholds=tuple(float(d) for d in delta))


def _largest_change(old: Sequence[ItemParams], new: Sequence[ItemParams]) -> float:
    return max(float(np.max(np.abs(np.subtract(a.thresholds, b.thresholds))))
               for a, b in zip(old, new, strict=True))


def _centred_fit(items: list[ItemParams], sd: float, scores: np.ndarray,
                 persons: Sequence[str], cycles: int, converged: bool) -> AreaFit:
    """Shift so that difficulties have mean 0, then score persons by EAP on :data:`GRID`."""
    shift = float(np.mean([item.difficulty for item in items]))
    centred = tuple(replace(item, thresholds=tuple(d - shift for d in item.thresholds))
                    for item in items)
    rows = log_posteriors(likelihood_table(centred, GRID), scores,
                          _log_normal(GRID, -shift, sd))
    answered = (scores != MISSING).sum(axis=1)
    estimates = {person: Posterior.from_log(GRID, row).estimate(int(n))
                 for person, row, n in zip(persons, rows, answered, strict=True)}
    return AreaFit(centred, (-shift, sd), estimates, cycles, converged)
