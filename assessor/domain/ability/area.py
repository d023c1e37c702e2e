"""One area's scoring model: its items, precomputed tables on the grid, prior and level scale.

Built once per bank and area (``bank.area("programmering")``). Everything a request needs —
the posterior after some responses, one more response, the information of every item at θ —
is a lookup in these tables, so it costs microseconds, not milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from assessor.domain.ability.estimation import GRID, Posterior, likelihood_table
from assessor.domain.ability.items import BankItem, ItemError, Response
from assessor.domain.ability.levels import LevelScale, derive_scale
from assessor.domain.ability.model import information


@dataclass(frozen=True, eq=False)
class AreaModel:
    """An area's items with likelihood and information tables on :data:`GRID`."""

    area: str
    bank_version: str
    items: tuple[BankItem, ...]
    index: dict[str, int]
    prior: Posterior
    log_likelihoods: np.ndarray  #: log P(X = k | θ), shape (items, max_score + 2, grid)
    likelihoods: np.ndarray  #: P(X = k | θ), the same shape
    info: np.ndarray  #: I(θ), shape (items, grid)
    scale: LevelScale | None

    @classmethod
    def build(cls, area: str, items: Sequence[BankItem], population: tuple[float, float],
              bank_version: str) -> AreaModel:
        """Precompute the tables for these items and the population prior N(mean, SD²)."""
        params = [item.params for item in items]
        table = likelihood_table(params, GRID)
        return cls(area, bank_version, tuple(items),
                   {item.id: row for row, item in enumerate(items)},
                   Posterior.normal(*population), table, np.exp(table),
                   np.array([information(p, GRID) for p in params]),
                   derive_scale(area, items))

    def row(self, response: Response) -> int:
        """The table row of a response's item, after checking item and score."""
        row = self.index.get(response.item_id)
        if row is None:
            raise ItemError(f"item {response.item_id!r} is not in area {self.area}")
        top = self.items[row].meta.max_score
        if not 0 <= response.score <= top:
            raise ItemError(f"item {response.item_id}: score {response.score} is outside 0…{top}")
        return row

    def update(self, posterior: Posterior, response: Response) -> Posterior:
        """The posterior after one more response."""
        return posterior.updated(self.likelihoods[self.row(response), response.score])

    def posterior(self, responses: Iterable[Response]) -> Posterior:
        """The posterior after these responses, starting from the area's prior."""
        posterior = self.prior
        for response in responses:
            posterior = self.update(posterior, response)
        return posterior

    def information_at(self, theta: float) -> np.ndarray:
        """Every item's information at θ (linear between grid points)."""
        position = np.interp(theta, GRID, np.arange(len(GRID)))
        low = int(position)
        high = min(low + 1, len(GRID) - 1)
        share = position - low
        return (1 - share) * self.info[:, low] + share * self.info[:, high]
