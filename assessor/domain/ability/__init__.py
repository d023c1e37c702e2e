"""The ability model: partial credit IRT, EAP per area, levels, suggestions, person fit.

Pure numpy/scipy; no Flask, no database. The web layer typically calls::

    bank = load_cached(path)                        # or ItemBank.from_priors(metas)
    result = assess_area(bank, "programmering", [Response("p1-fizzbuzz", 3), ...],
                         seed=f"{person.public_id}:programmering")
    result.level.label, result.level.confidence_percent, result.level.confidence_key
    result.next_item, result.done, result.person_fit.flagged, result.bank_version
"""

from assessor.domain.ability.adaptive import suggest_next
from assessor.domain.ability.assessment import AreaAssessment, area_level, assess_area
from assessor.domain.ability.bank import BankError, ItemBank, load_cached
from assessor.domain.ability.calibration import Calibration, calibrate
from assessor.domain.ability.estimation import AbilityEstimate, Posterior, eap
from assessor.domain.ability.items import (
    BankItem,
    ItemError,
    ItemMeta,
    Response,
    category_from_fraction,
)
from assessor.domain.ability.levels import LADDERS, LevelResult, LevelScale
from assessor.domain.ability.model import ItemParams
from assessor.domain.ability.personfit import PersonFit, person_fit

__all__ = [
    "LADDERS", "AbilityEstimate", "AreaAssessment", "BankError", "BankItem", "Calibration",
    "ItemBank", "ItemError", "ItemMeta", "ItemParams", "LevelResult", "LevelScale", "PersonFit",
    "Posterior", "Response", "area_level", "assess_area", "calibrate", "category_from_fraction",
    "eap", "load_cached", "person_fit", "suggest_next",
]
