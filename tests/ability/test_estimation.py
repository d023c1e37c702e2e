"""EAP on the grid: agreement with numerical integration, finite extremes, honest intervals."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.integrate import quad
from scipy.stats import norm

from assessor.domain.ability.estimation import Posterior, eap
from assessor.domain.ability.model import ItemParams, probabilities
from tests.ability.simulation import simulate_scores

ITEMS = [ItemParams("p", (-1.0, 0.0, 1.5)), ItemParams("r", (0.7,)),
         ItemParams("c", (-0.3,), guessing=0.25), ItemParams("h", (2.0,))]


def brute_force(items, scores, mean=0.0, sd=1.0):
    """Posterior mean and SD by adaptive quadrature over the whole line."""
    def density(theta):
        likelihood = np.prod([probabilities(item, theta)[score, 0]
                              for item, score in zip(items, scores, strict=True)])
        return likelihood * norm.pdf(theta, mean, sd)
    moments = [quad(lambda t, k=k: t**k * density(t), -np.inf, np.inf, epsabs=1e-13)[0]
               for k in range(3)]
    centre = moments[1] / moments[0]
    return centre, np.sqrt(moments[2] / moments[0] - centre**2)


@pytest.mark.parametrize("scores", [(0, 0, 0, 0), (3, 1, 1, 1), (2, 1, 0, 0), (1, 0, 1, 1)])
def test_eap_and_its_se_match_brute_force_integration(scores):
    posterior = eap(ITEMS, scores)
    mean, sd = brute_force(ITEMS, scores)
    assert posterior.mean == pytest.approx(mean, abs=1e-6)
    assert posterior.sd == pytest.approx(sd, abs=1e-6)


def test_one_rasch_item_matches_brute_force_with_a_shifted_prior():
    posterior = eap([ITEMS[1]], [1], Posterior.normal(0.5, 1.3))
    mean, sd = brute_force([ITEMS[1]], [1], 0.5, 1.3)
    assert (posterior.mean, posterior.sd) == pytest.approx((mean, sd), abs=1e-6)


def test_all_right_and_all_wrong_give_finite_estimates():
    high, low = eap(ITEMS, [3, 1, 1, 1]), eap(ITEMS, [0, 0, 0, 0])
    assert np.isfinite([high.mean, high.sd, low.mean, low.sd]).all()
    assert low.mean < 0 < high.mean


def test_no_responses_leave_the_prior():
    posterior = eap([], [])
    assert (posterior.mean, posterior.sd) == pytest.approx((0.0, 1.0), abs=1e-6)
    assert posterior.interval(0.9) == pytest.approx((-1.645, 1.645), abs=0.01)


def test_updating_one_response_at_a_time_equals_scoring_all_at_once():
    from assessor.domain.ability.estimation import GRID
    posterior = Posterior.normal()
    for item, score in zip(ITEMS, (2, 1, 0, 0), strict=True):
        posterior = posterior.updated(probabilities(item, GRID)[score])
    assert posterior.mean == pytest.approx(eap(ITEMS, (2, 1, 0, 0)).mean, abs=1e-12)


def test_the_cdf_and_quantiles_invert_each_other():
    posterior = eap(ITEMS, (2, 1, 0, 0))
    for q in (0.05, 0.5, 0.95):
        assert posterior.cdf(posterior.quantile(q))[0] == pytest.approx(q, abs=1e-4)


@pytest.mark.parametrize(("mean", "sd"), [(0.0, 1.0), (0.2, 0.5), (-1.1, 0.2)])
def test_the_cdf_of_a_normal_posterior_matches_the_normal_cdf(mean, sd):
    points = np.linspace(mean - 2 * sd, mean + 2 * sd, 9) + 0.037
    assert Posterior.normal(mean, sd).cdf(points) == pytest.approx(norm.cdf(points, mean, sd),
                                                                   abs=1e-3)


def test_estimate_reports_theta_se_and_the_90_percent_interval():
    estimate = eap(ITEMS, (2, 1, 0, 0)).estimate(4)
    low, high = estimate.interval90
    assert low < estimate.theta < high and estimate.n_items == 4
    assert high - low == pytest.approx(2 * 1.645 * estimate.se, rel=0.1)


def test_90_percent_intervals_cover_the_true_ability_about_90_percent_of_the_time():
    rng = np.random.default_rng(20)
    items = [ItemParams(f"i{k}", (b - 0.8, b, b + 0.8)) for k, b in
             enumerate(np.linspace(-1.5, 1.5, 6))]
    thetas = rng.normal(size=2000)
    scores = simulate_scores(items, thetas, rng)
    covered = [low <= theta <= high for theta, row in zip(thetas, scores, strict=True)
               for low, high in [eap(items, row).interval(0.9)]]
    assert 0.88 <= np.mean(covered) <= 0.92
