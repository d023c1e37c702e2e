"""Levels that never overstate: the evidence cap, monotone levels, honest confidence, start low.

Over the bank in use on a fresh database (the authors' priors of ``challenges/``) and over the
small synthetic bank of the other ability tests.
"""

from __future__ import annotations

import random

import pytest

from assessor.domain.ability import ItemBank, Response, area_level, assess_area
from assessor.domain.ability.assessment import area_standing
from assessor.domain.ability.estimation import Posterior
from assessor.domain.ability.levels import LevelScale, LevelStep, level_result
from assessor.services.item_banks import priors_bank
from tests.app_settings import catalogue

AREAS = ("programmering", "webb", "natverk", "databas")


@pytest.fixture(scope="module")
def bank() -> ItemBank:
    return priors_bank(catalogue)


def step_of(bank: ItemBank, item_id: str) -> int:
    item = bank.item(item_id)
    return bank.area(item.meta.area).scale.rank_of(item.meta)


def random_history(bank: ItemBank, area: str, rng: random.Random,
                   longest: int = 10) -> list[Response]:
    """Responses in any order, items may repeat, any score (partial ones too)."""
    items = [item for item in bank.items if item.meta.area == area]
    return [Response(item.id, rng.randint(0, item.meta.max_score))
            for item in rng.choices(items, k=rng.randint(0, longest))]


def test_four_easy_passes_and_one_programmering_2_c_pass_are_not_programmering_2_a(bank):
    easy = [i.id for i in bank.items if (i.meta.course, i.meta.level) == ("Programmering 1", "E")
            and i.meta.kind == "challenge"][:4]
    responses = [Response(item, 3) for item in [*easy, "p2-sortering"]]
    level = area_level(bank, "programmering", responses)
    assert level.rank <= step_of(bank, "p2-sortering") < 6
    assert level.label != "Programmering 2 A"


def test_the_level_is_never_above_the_highest_step_with_a_task_passed_in_full(bank):
    rng = random.Random(20261)
    for area in AREAS:
        for _ in range(150):
            history = random_history(bank, area, rng)
            level = area_level(bank, area, history)
            latest = {r.item_id: r.score for r in history}
            passed = [step_of(bank, item) for item, score in latest.items()
                      if score == bank.item(item).meta.max_score]
            assert level.rank <= max(passed, default=0), (area, history)
            assert level.rank <= level.shown


def test_when_the_estimate_points_higher_the_level_is_at_least_the_step_shown(bank):
    responses = [Response("p1-summa-medel", 3), Response("p1-vokaler", 3),
                 Response("p1-tick-tack", 3), Response("p1-vaxel", 3)]
    level = area_level(bank, "programmering", responses)
    assert level.estimate > level.rank == 2
    assert level.at_least and level.label == "Programmering 1 C"
    assert level.runner_up is None


def test_an_at_least_level_states_the_chance_of_being_at_or_above_it():
    scale = LevelScale("natverk", (LevelStep("Nätverksteknik", "E", -1.0, 1),
                                   LevelStep("Nätverksteknik", "C", 0.0, 1),
                                   LevelStep("Nätverksteknik", "A", 1.0, 1)))
    posterior = Posterior.normal(0.8, 0.5)
    capped = level_result(scale, posterior, 5, shown=1)
    assert (capped.rank, capped.at_least, capped.estimate) == (1, True, 2)
    assert capped.confidence == pytest.approx(sum(capped.probabilities[1:]))
    assert capped.confidence > capped.probabilities[1]
    free = level_result(scale, posterior, 5, shown=3)
    assert (free.rank, free.at_least) == (2, False)
    assert free.confidence == pytest.approx(free.probabilities[2])


def test_a_lucky_pass_beside_a_fail_at_the_same_step_does_not_lift_the_cap(bank):
    base = [Response("w1-semantisk-sida", 3), Response("w1-bilder-lankar", 3),
            Response("w1-tabell", 3), Response("w1-css-layout", 3)]
    one_of_two = area_level(bank, "webb", [*base, Response("w1-tillganglig-form", 3),
                                           Response("w1-responsiv-meny", 0)])
    assert one_of_two.shown == 2 and one_of_two.rank <= 2
    both = area_level(bank, "webb", [*base, Response("w1-tillganglig-form", 3),
                                     Response("w1-responsiv-meny", 3)])
    assert both.shown == 3 and both.rank == 3


def test_between_two_levels_never_names_a_step_that_was_not_shown(bank):
    rng = random.Random(77)
    for area in AREAS:
        for _ in range(100):
            level = area_level(bank, area, random_history(bank, area, rng))
            if level.runner_up is not None:
                assert level.runner_up <= level.shown and not level.at_least


@pytest.mark.parametrize("area", AREAS)
def test_one_more_pass_never_lowers_the_level_and_one_more_fail_never_raises_it(bank, area):
    """A seeded random search over response sequences: any history (partial scores and
    retries included), then the same item passed in full or failed (score 0)."""
    rng = random.Random(f"monotone:{area}")
    items = [item for item in bank.items if item.meta.area == area]
    for _ in range(300):
        history = random_history(bank, area, rng, longest=12)
        item = rng.choice(items)
        before = area_level(bank, area, history).rank
        passed = area_level(bank, area, [*history, Response(item.id, item.meta.max_score)])
        failed = area_level(bank, area, [*history, Response(item.id, 0)])
        assert passed.rank >= before >= failed.rank, (history, item.id)


def test_levels_are_monotone_on_the_synthetic_bank_too(programming_bank):
    rng = random.Random(5)
    for _ in range(300):
        history = random_history(programming_bank, "programmering", rng, longest=12)
        item = rng.choice(programming_bank.items)
        before = area_level(programming_bank, "programmering", history).rank
        after_pass = area_level(programming_bank, "programmering",
                                [*history, Response(item.id, item.meta.max_score)]).rank
        after_fail = area_level(programming_bank, "programmering",
                                [*history, Response(item.id, 0)]).rank
        assert after_pass >= before >= after_fail


@pytest.mark.parametrize("area", AREAS)
def test_a_new_candidate_is_first_suggested_tasks_of_the_first_step(bank, area):
    suggestions = {assess_area(bank, area, [], seed=f"person-{n}:{area}").next_item
                   for n in range(25)}
    assert suggestions and all(bank.item(s).meta.level == "E" for s in suggestions)
    assert {step_of(bank, s) for s in suggestions} == {1}


def test_after_a_first_pass_the_suggestion_climbs_to_the_step_above(bank):
    standing = area_standing(bank, "programmering", [Response("p1-summa-medel", 3)], seed="s")
    assert standing.level.at_least and standing.level.rank == 1
    assert step_of(bank, standing.next_item) == 2
    assert not standing.done


def test_the_area_is_done_when_the_steps_that_decide_it_are_used_up(bank):
    webb = [Response("w1-semantisk-sida", 3), Response("w1-bilder-lankar", 3),
            Response("w1-lasbar-text", 3), Response("w1-tabell", 0), Response("w1-css-layout", 0)]
    standing = area_standing(bank, "webb", webb, seed="s")
    assert standing.level.rank == 1 and not standing.level.at_least
    assert standing.done
    assert not area_standing(bank, "webb", webb[:4], seed="s").done
