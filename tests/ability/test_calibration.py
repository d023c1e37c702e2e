"""Calibration by marginal maximum likelihood: recovery, author priors, areas, centring."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from assessor.domain.ability.calibration import calibrate, fit_area, response_matrix
from assessor.domain.ability.estimation import MISSING
from assessor.domain.ability.items import ItemError, ItemMeta
from assessor.domain.ability.model import ItemParams
from tests.ability.simulation import mixed_items, simulate_scores


@pytest.fixture(scope="module")
def recovery():
    """2,000 simulated persons × 30 mixed items, fitted once for the module."""
    rng = np.random.default_rng(2024)
    metas, truth = mixed_items(rng, 30)
    thetas = rng.normal(size=2000)
    scores = simulate_scores(truth, thetas, rng)
    fit = fit_area(metas, scores, [f"p{n}" for n in range(len(thetas))])
    return truth, thetas, fit


def test_item_difficulties_are_recovered_within_015_logit_rmse(recovery):
    truth, _, fit = recovery
    true = np.array([item.difficulty for item in truth])
    fitted = np.array([item.difficulty for item in fit.items])
    assert fit.converged
    assert np.sqrt(np.mean((fitted - (true - true.mean())) ** 2)) <= 0.15


def test_fitted_difficulties_are_centred_on_zero(recovery):
    _, _, fit = recovery
    assert np.mean([item.difficulty for item in fit.items]) == pytest.approx(0.0, abs=1e-9)


def test_person_estimates_follow_the_true_abilities(recovery):
    _, thetas, fit = recovery
    estimates = np.array([fit.persons[f"p{n}"].theta for n in range(len(thetas))])
    assert np.corrcoef(estimates, thetas)[0, 1] > 0.9
    assert fit.population[1] == pytest.approx(1.0, abs=0.1)


def test_guessing_floors_stay_fixed(recovery):
    truth, _, fit = recovery
    assert [item.guessing for item in fit.items] == [item.guessing for item in truth]


def test_author_prior_holds_an_item_that_only_a_few_people_answered():
    rng = np.random.default_rng(5)
    thetas = rng.normal(size=400)
    truth = [ItemParams(f"i{k}", (b,)) for k, b in enumerate(np.linspace(-1.5, 1.5, 10))]
    truth.append(ItemParams("rare", (2.5,)))
    scores = simulate_scores(truth, thetas, rng)
    scores[8:, -1] = MISSING  # only eight people tried the new item, all of them failed it
    scores[:8, -1] = 0
    metas = [ItemMeta(item.id, "webb", "Webbutveckling 1", "E", difficulty=0.0)
             for item in truth[:-1]]
    sure = ItemMeta("rare", "webb", "Webbutveckling 1", "A", difficulty=1.0, prior_sd=0.5)
    vague = ItemMeta("rare", "webb", "Webbutveckling 1", "A", difficulty=1.0, prior_sd=3.0)
    held = fit_area([*metas, sure], scores, list(range(400))).items[-1].difficulty
    free = fit_area([*metas, vague], scores, list(range(400))).items[-1].difficulty
    assert abs(held - 1.0) < abs(free - 1.0)


def test_calibrate_fits_each_area_on_its_own_scale_and_makes_a_bank():
    rng = np.random.default_rng(9)
    metas = [ItemMeta(f"{area}-{k}", area, course, "C", difficulty=b)
             for area, course in (("webb", "Webbutveckling 1"), ("databas", "Databasteknik"))
             for k, b in enumerate(np.linspace(-1, 1, 6))]
    thetas = rng.normal(size=300)
    truth = [ItemParams(m.id, (m.difficulty,)) for m in metas]
    scores = simulate_scores(truth, thetas, rng)
    rows = [(f"p{n}", m.id, int(scores[n, k])) for n in range(300)
            for k, m in enumerate(metas)]
    result = calibrate(metas, rows, cohort="HT 2026", created=date(2026, 12, 1))
    assert set(result.persons) == {"webb", "databas"}
    assert result.bank.version.startswith("2026-12-01-ht-2026-")
    for area in ("webb", "databas"):
        items = [item for item in result.bank.items if item.meta.area == area]
        assert np.mean([item.params.difficulty for item in items]) == pytest.approx(0, abs=1e-9)
        assert all(item.n_responses == 300 for item in items)


def test_an_area_without_responses_keeps_the_author_priors():
    metas = [ItemMeta("w", "webb", "Webbutveckling 1", "E", difficulty=0.3),
             ItemMeta("d", "databas", "Databasteknik", "E", difficulty=-0.2)]
    rows = [("p1", "w", 1), ("p2", "w", 0), ("p3", "w", 1)]
    bank = calibrate(metas, rows, cohort="test").bank
    assert bank.item("d").params.thresholds == (-0.2,)
    assert bank.item("d").n_responses == 0


def test_responses_to_unknown_items_are_refused():
    with pytest.raises(ItemError, match="ghost"):
        calibrate([ItemMeta("w", "webb", "Webbutveckling 1", "E")], [("p", "ghost", 1)],
                  cohort="test")


def test_response_matrix_marks_unanswered_items_missing_and_checks_scores():
    metas = [ItemMeta("a", "webb", "Webbutveckling 1", "E"),
             ItemMeta("b", "webb", "Webbutveckling 1", "E", 3, kind="challenge")]
    people, matrix = response_matrix(metas, [("x", "b", 2), ("y", "a", 1)])
    assert people == ["x", "y"]
    assert matrix.tolist() == [[MISSING, 2], [1, MISSING]]
    with pytest.raises(ItemError, match="outside"):
        response_matrix(metas, [("x", "a", 2)])
