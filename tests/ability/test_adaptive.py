"""Suggesting the next challenge: informative, never repeated, a little random, reproducible."""

from __future__ import annotations

import numpy as np

from assessor.domain.ability.adaptive import suggest_next
from assessor.domain.ability.estimation import Posterior
from assessor.domain.ability.items import Response


def test_the_suggestion_is_never_an_attempted_item(programming_bank):
    model = programming_bank.area("programmering")
    ids = [item.id for item in model.items]
    for count in range(len(ids)):
        attempted = set(ids[:count])
        for seed in range(5):
            assert suggest_next(model, model.prior, attempted, seed=seed) not in attempted


def test_nothing_is_suggested_when_every_item_was_attempted(programming_bank):
    model = programming_bank.area("programmering")
    assert suggest_next(model, model.prior, {item.id for item in model.items}) is None


def test_the_suggestion_is_one_of_the_three_most_informative_at_the_current_theta(
        programming_bank):
    model = programming_bank.area("programmering")
    posterior = Posterior.normal(1.5, 0.5)
    info = model.information_at(1.5)
    top = {model.items[i].id for i in np.argsort(-info)[:3]}
    assert {suggest_next(model, posterior, set(), seed=s) for s in range(40)} == top


def test_a_challenge_near_theta_is_preferred_over_knowledge_items(programming_bank):
    model = programming_bank.area("programmering")
    assert suggest_next(model, Posterior.normal(-1.5, 0.5), set(), top_k=1) == "ch-1e"


def test_the_same_seed_gives_the_same_suggestion_and_seeds_spread_people(programming_bank):
    model = programming_bank.area("programmering")
    first = suggest_next(model, model.prior, set(), seed="person-17:programmering")
    assert all(suggest_next(model, model.prior, set(), seed="person-17:programmering") == first
               for _ in range(5))
    suggestions = {suggest_next(model, model.prior, set(), seed=f"person-{n}") for n in range(30)}
    assert len(suggestions) > 1


def test_the_suggestion_moves_up_after_strong_results(programming_bank):
    model = programming_bank.area("programmering")
    posterior = model.posterior([Response("ch-1e", 3), Response("ch-1c", 3),
                                 Response("ch-1a", 3)])
    suggestion = programming_bank.item(suggest_next(model, posterior, {"ch-1e", "ch-1c",
                                                                       "ch-1a"}, top_k=1))
    assert suggestion.meta.course == "Programmering 2"
