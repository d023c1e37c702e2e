"""One call for the web layer: everything the report and the next-challenge hint need per area."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assessor.ability.adaptive import suggest_next
from assessor.ability.bank import ItemBank
from assessor.ability.estimation import AbilityEstimate, Posterior
from assessor.ability.items import Response
from assessor.ability.levels import DONE_AFTER, LevelResult, level_result
from assessor.ability.personfit import PersonFit, person_fit


@dataclass(frozen=True)
class AreaAssessment:
    """Ability, level, next suggestion and person fit in one area, with the bank version."""

    area: str
    bank_version: str
    ability: AbilityEstimate
    level: LevelResult | None  #: None when the area has no ladder or no anchored items
    done: bool  #: "klar": the 90 % interval lies in one level band, or 12 items
    next_item: str | None  #: suggested next item; None when all are attempted
    person_fit: PersonFit


def latest_per_item(responses: Sequence[Response]) -> list[Response]:
    """One response per item, the latest, in the order those were made."""
    latest = {r.item_id: r for r in responses}
    return [r for r in responses if latest[r.item_id] is r]


def area_level(bank: ItemBank, area: str, responses: Sequence[Response]) -> LevelResult | None:
    """Only the level in one area (no suggestion, no person-fit bootstrap), as ``assess_area``
    finds it; for comparing parts of a person's work, such as supervised against home."""
    return _level(bank, area, latest_per_item(responses))[1]


def _level(bank: ItemBank, area: str,
           responses: list[Response]) -> tuple[Posterior, LevelResult | None]:
    model = bank.area(area)
    posterior = model.posterior(responses)
    n_items = len(responses)
    level = level_result(model.scale, posterior, n_items, bank.version) if model.scale else None
    return posterior, level


def assess_area(bank: ItemBank, area: str, responses: Sequence[Response], *,
                seed: int | str | None = None) -> AreaAssessment:
    """Assess one area from the person's responses in it (oldest first; a retried item counts
    by its latest response). ``seed`` (e.g. person id + area) steadies the suggestion."""
    model = bank.area(area)
    responses = latest_per_item(responses)
    posterior, level = _level(bank, area, responses)
    n_items = len(responses)
    return AreaAssessment(
        area=area, bank_version=bank.version, ability=posterior.estimate(n_items), level=level,
        done=level.done if level else n_items >= DONE_AFTER,
        next_item=suggest_next(model, posterior, {r.item_id for r in responses}, seed=seed),
        person_fit=person_fit(model, responses))
