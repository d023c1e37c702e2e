"""Person fit: a signal when hard items succeed after easy ones failed; never a verdict."""

from __future__ import annotations

import numpy as np

from assessor.domain.ability.items import Response
from assessor.domain.ability.personfit import person_fit
from tests.ability.simulation import simulate_scores

EASY_FIRST = ["mc-1e", "cr-1e", "ch-1e", "mc-1c", "cr-1c", "ch-1c"]
HARD_LATER = ["ch-2a", "cr-2a", "ch-2c", "cr-2c", "mc-2a"]


def responses(scores: dict[str, int]) -> list[Response]:
    return [Response(item_id, score) for item_id, score in scores.items()]


def test_a_steady_pattern_is_not_flagged(programming_bank):
    model = programming_bank.area("programmering")
    steady = responses({"mc-1e": 1, "cr-1e": 1, "ch-1e": 3, "mc-1c": 1, "cr-1c": 1,
                        "ch-1c": 2, "ch-2a": 0, "cr-2a": 0, "ch-2c": 0, "cr-2c": 0, "mc-2a": 0})
    fit = person_fit(model, steady)
    assert not fit.flagged
    assert fit.p_value > 0.05
    assert fit.unexpected_successes == ()


def test_failures_on_easy_items_then_successes_on_hard_ones_are_flagged(programming_bank):
    model = programming_bank.area("programmering")
    odd = responses({**dict.fromkeys(EASY_FIRST, 0), **{i: (3 if i.startswith("ch") else 1)
                                                         for i in HARD_LATER}})
    fit = person_fit(model, odd)
    assert fit.flagged
    assert fit.lz < -2 and fit.p_value < 0.05
    assert set(fit.unexpected_successes) & set(HARD_LATER)
    assert set(fit.unexpected_failures) & set(EASY_FIRST)


def test_the_same_odd_pattern_in_the_other_order_is_unusual_but_not_flagged(programming_bank):
    model = programming_bank.area("programmering")
    hard_first = responses({**{i: (3 if i.startswith("ch") else 1) for i in HARD_LATER},
                            **dict.fromkeys(EASY_FIRST, 0)})
    fit = person_fit(model, hard_first)
    assert fit.p_value < 0.05
    assert not fit.flagged


def test_too_few_items_give_no_statistic(programming_bank):
    fit = person_fit(programming_bank.area("programmering"), responses({"ch-1e": 0, "ch-2a": 3}))
    assert (fit.lz, fit.p_value, fit.flagged, fit.n_items) == (None, None, False, 2)


def test_the_statistic_is_reproducible(programming_bank):
    model = programming_bank.area("programmering")
    pattern = responses({"mc-1e": 1, "cr-1e": 0, "ch-1e": 2, "mc-1c": 1, "ch-2a": 1})
    assert person_fit(model, pattern) == person_fit(model, pattern)


def test_facts_carry_what_an_explanation_needs(programming_bank):
    fit = person_fit(programming_bank.area("programmering"),
                     responses({**dict.fromkeys(EASY_FIRST, 0), "ch-2a": 3, "cr-2a": 1}))
    assert set(fit.facts) == {"lz", "p_value", "n_items", "unexpected_successes",
                              "unexpected_failures"}


def test_honest_simulated_people_are_rarely_flagged(programming_bank):
    model = programming_bank.area("programmering")
    items = [item.params for item in model.items]
    rng = np.random.default_rng(31)
    thetas = rng.normal(size=200)
    scores = simulate_scores(items, thetas, rng)
    flagged = [person_fit(model, [Response(item.id, int(s)) for item, s in zip(
        items, row, strict=True)], simulations=300).flagged for row in scores]
    assert np.mean(flagged) <= 0.05
