"""One call per area for the report: level, confidence, next challenge, fit, bank version."""

from __future__ import annotations

from datetime import date

import pytest

from assessor.domain.ability import ItemBank, ItemError, ItemMeta, Response, area_level, assess_area
from assessor.domain.ability.assessment import latest_per_item


def test_no_responses_give_the_prior_and_a_first_suggestion(programming_bank):
    result = assess_area(programming_bank, "programmering", [], seed="p1")
    assert result.ability.theta == pytest.approx(0.0, abs=1e-6)
    assert result.ability.n_items == 0 and not result.done
    assert result.next_item is not None
    assert result.person_fit.lz is None


def test_a_strong_candidate_is_placed_high_with_the_bank_version(programming_bank):
    responses = [Response(item.id, item.meta.max_score)
                 for item in programming_bank.items if item.meta.course == "Programmering 1"]
    result = assess_area(programming_bank, "programmering", responses, seed="p2")
    assert result.level.rank >= 3
    assert result.level.label.startswith("Programmering")
    assert result.bank_version == programming_bank.version == result.level.bank_version
    assert result.next_item not in {r.item_id for r in responses}


@pytest.mark.parametrize("scores", [(3, 3, 2), (0, 1, 0), (3, 0, 3, 1)])
def test_the_level_alone_is_the_level_of_the_full_assessment(programming_bank, scores):
    items = [item.id for item in programming_bank.items if item.meta.max_score == 3]
    responses = [Response(items[i], score) for i, score in enumerate(scores)]
    assert area_level(programming_bank, "programmering", responses) == assess_area(
        programming_bank, "programmering", responses, seed="x").level


def test_a_retried_item_counts_by_its_latest_response(programming_bank):
    latest_only = assess_area(programming_bank, "programmering",
                              [Response("ch-1c", 1), Response("ch-1e", 3)])
    retried = assess_area(programming_bank, "programmering",
                          [Response("ch-1e", 0), Response("ch-1c", 1), Response("ch-1e", 3)])
    assert retried.ability.n_items == 2
    assert latest_per_item([Response("a", 0), Response("b", 1), Response("a", 1)]) == [
        Response("b", 1), Response("a", 1)]
    assert retried.ability.theta == pytest.approx(latest_only.ability.theta, abs=1e-12)


def test_done_after_twelve_items_whatever_the_pattern(programming_bank):
    responses = [Response(item.id, 1 if item.meta.max_score == 1 else 2)
                 for item in programming_bank.items[:12]]
    assert assess_area(programming_bank, "programmering", responses).done


def test_an_area_without_a_ladder_still_gets_ability_but_no_level():
    bank = ItemBank.from_priors([ItemMeta("x", "övrigt", "", "", difficulty=0.0)],
                                created=date(2026, 1, 1))
    result = assess_area(bank, "övrigt", [Response("x", 1)])
    assert result.level is None and result.ability.theta > 0


def test_an_unknown_item_or_an_impossible_score_is_an_item_error(programming_bank):
    with pytest.raises(ItemError, match="not in area"):
        assess_area(programming_bank, "programmering", [Response("nope", 1)])
    with pytest.raises(ItemError, match="outside"):
        assess_area(programming_bank, "programmering", [Response("mc-1e", 2)])
