"""The versioned item bank: JSON round trip, versions that name their content."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import date

import pytest

from assessor.domain.ability.bank import BankError, ItemBank, load_cached
from assessor.domain.ability.items import BankItem, ItemError, ItemMeta
from assessor.domain.ability.model import ItemParams

METAS = [ItemMeta("p1-loop", "programmering", "Programmering 1", "E", 3, -0.5, "challenge"),
         ItemMeta("p1-quiz", "programmering", "Programmering 1", "C", 1, 0.4, "choice",
                  options=3),
         ItemMeta("db-join", "databas", "Databasteknik", "C", 1, 0.0, "code_reading", 0.5)]


@pytest.fixture
def bank() -> ItemBank:
    return ItemBank.from_priors(METAS, cohort="Författarnas skattning", created=date(2026, 1, 15))


def test_a_bank_from_author_priors_uses_their_difficulties(bank):
    assert bank.item("p1-loop").params.thresholds == (-1.5, -0.5, 0.5)
    assert bank.item("p1-quiz").params.guessing == pytest.approx(1 / 3)
    assert bank.population("programmering") == (0.0, 1.0)


def test_the_version_names_date_cohort_and_content(bank):
    assert bank.version.startswith("2026-01-15-forfattarnas-skattning-")
    assert len(bank.version.rsplit("-", 1)[1]) == 8


def test_a_bank_survives_a_json_round_trip(bank, tmp_path):
    path = tmp_path / "bank.json"
    bank.save(path)
    loaded = ItemBank.load(path)
    assert loaded == bank
    assert loaded.version == bank.version


def test_other_parameters_give_another_version(bank):
    moved = replace(bank.items[0], params=ItemParams("p1-loop", (-1.4, -0.5, 0.5)))
    other = ItemBank.build([moved, *bank.items[1:]], {}, cohort=bank.cohort,
                           created=bank.created)
    assert other.version != bank.version


def test_a_bank_whose_content_was_changed_is_refused(bank):
    data = bank.to_dict()
    data["items"][0]["thresholds"][0] = 2.0
    with pytest.raises(BankError, match="does not match its version"):
        ItemBank.from_dict(data)


@pytest.mark.parametrize("text", ["not json", "[]", '{"version": "x"}'])
def test_text_that_is_not_a_bank_is_refused_with_a_clear_error(text):
    with pytest.raises(BankError):
        ItemBank.from_json(text)


def test_thresholds_must_match_max_score(bank):
    data = bank.to_dict()
    data["items"][0]["thresholds"] = [0.0]
    with pytest.raises(BankError, match="thresholds"):
        ItemBank.from_dict(data)


def test_json_carries_version_cohort_creation_date_and_populations(bank):
    data = json.loads(bank.to_json())
    assert {"version", "cohort", "created", "model", "populations", "items"} <= set(data)
    assert data["created"] == "2026-01-15"


def test_area_models_are_built_once_per_bank(bank):
    assert bank.area("programmering") is bank.area("programmering")
    assert bank.areas == ("databas", "programmering")


def test_asking_for_an_unknown_item_or_area_is_an_item_error(bank):
    with pytest.raises(ItemError):
        bank.item("nope")
    with pytest.raises(ItemError):
        bank.area("natverk")


def test_bank_items_keep_their_response_counts(bank):
    counted = ItemBank.build([BankItem(item.meta, item.params, 42) for item in bank.items], {},
                             cohort="x", created=date(2026, 2, 1))
    assert ItemBank.from_json(counted.to_json()).item("db-join").n_responses == 42


def test_a_cached_bank_is_read_again_only_when_its_file_changes(bank, tmp_path):
    path = tmp_path / "bank.json"
    bank.save(path)
    first = load_cached(path)
    assert load_cached(path) is first
    other = ItemBank.from_priors(METAS[:1], cohort="x", created=date(2026, 3, 1))
    other.save(path)
    os.utime(path, ns=(1, path.stat().st_mtime_ns + 1_000_000))
    assert load_cached(path).version == other.version
