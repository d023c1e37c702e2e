"""One call for the web layer: everything the report and the next-challenge hint need per area.

:func:`area_standing` is the level, "klar" and the next suggestion — what the report, the
candidate's start page, the supervised/home comparison and ``kodprov levels`` all show, so
they cannot disagree. :func:`assess_area` adds the ability estimate and person fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

from assessor.domain.ability.adaptive import deciding_steps, is_done, suggest_next
from assessor.domain.ability.area import AreaModel
from assessor.domain.ability.bank import ItemBank
from assessor.domain.ability.estimation import AbilityEstimate, Posterior
from assessor.domain.ability.items import Response
from assessor.domain.ability.levels import LevelResult, level_result, shown_rank, step_balance
from assessor.domain.ability.personfit import PersonFit, person_fit


@dataclass(frozen=True)
class AreaStanding:
    """Where a person stands in one area: level, "klar" and the suggested next item."""

    area: str
    bank_version: str
    level: LevelResult | None  #: None when the area has no ladder or no anchored items
    done: bool  #: "klar": see :mod:`assessor.domain.ability.adaptive`
    next_item: str | None  #: suggested next item; None when all are attempted
    posterior: Posterior
    n_items: int


@dataclass(frozen=True)
class AreaAssessment(AreaStanding):
    """The standing plus ability and person fit in one area."""

    ability: AbilityEstimate
    person_fit: PersonFit


def latest_per_item(responses: Sequence[Response]) -> list[Response]:
    """One response per item, the latest, in the order those were made."""
    latest = {r.item_id: r for r in responses}
    return [r for r in responses if latest[r.item_id] is r]


def area_level(bank: ItemBank, area: str, responses: Sequence[Response]) -> LevelResult | None:
    """Only the level in one area (no suggestion, no person fit), as ``assess_area`` finds it;
    for comparing parts of a person's work, such as supervised against home."""
    responses = latest_per_item(responses)
    model = bank.area(area)
    return _level(model, model.posterior(responses), responses)


def _level(model: AreaModel, posterior: Posterior,
           responses: list[Response]) -> LevelResult | None:
    if model.scale is None:
        return None
    results = [(meta, r.score == meta.max_score)
               for r in responses for meta in (model.items[model.row(r)].meta,)]
    balance = step_balance(model.scale, results)
    return level_result(model.scale, posterior, len(responses), model.bank_version,
                        shown=shown_rank(balance), balance=balance)


def area_standing(bank: ItemBank, area: str, responses: Sequence[Response], *,
                  seed: int | str | None = None) -> AreaStanding:
    """Level, "klar" and next suggestion from the person's responses in one area (oldest first;
    a retried item counts by its latest response). ``seed`` (e.g. person id + area) steadies
    the suggestion, which aims at the steps that decide the level (for a new person, the
    first step)."""
    model = bank.area(area)
    responses = latest_per_item(responses)
    posterior = model.posterior(responses)
    level = _level(model, posterior, responses)
    attempted = {r.item_id for r in responses}
    steps = deciding_steps(model, level, attempted) if level else ()
    return AreaStanding(area, bank.version, level, is_done(model, level, attempted),
                        suggest_next(model, posterior, attempted, seed=seed, steps=steps),
                        posterior, len(responses))


def assess_area(bank: ItemBank, area: str, responses: Sequence[Response], *,
                seed: int | str | None = None) -> AreaAssessment:
    """Assess one area from the person's responses in it (oldest first; a retried item counts
    by its latest response). ``seed`` (e.g. person id + area) steadies the suggestion."""
    standing = area_standing(bank, area, responses, seed=seed)
    return AreaAssessment(**{f.name: getattr(standing, f.name) for f in fields(standing)},
                          ability=standing.posterior.estimate(standing.n_items),
                          person_fit=person_fit(bank.area(area), latest_per_item(responses)))
