"""Levels in the caseworker's language: cut points, bands, confidence, the evidence cap."""

from __future__ import annotations

import math

import numpy as np
import pytest

from assessor.domain.ability.estimation import Posterior
from assessor.domain.ability.levels import (
    RESPONSE_PROBABILITY,
    LevelScale,
    LevelStep,
    confidence_key,
    derive_scale,
    level_result,
    response_probability_point,
)
from assessor.domain.ability.model import ItemParams, expected_score
from tests.ability.simulation import ladder_item

#: a Rasch item's response-probability point lies this far above its difficulty
RP = math.log(RESPONSE_PROBABILITY / (1 - RESPONSE_PROBABILITY))


def web_items(*difficulties: tuple[str, float]):
    return [ladder_item(f"w{k}", "Webbutveckling 1", grade, b, area="webb")
            for k, (grade, b) in enumerate(difficulties)]


def test_a_cut_is_where_a_typical_item_of_the_step_earns_its_share_of_the_points():
    scale = derive_scale("webb", web_items(("E", -1.0), ("E", -0.6), ("C", 0.0), ("A", 1.0)))
    assert scale.cuts == pytest.approx([-0.8 + RP, RP, 1.0 + RP])
    assert [step.anchors for step in scale.steps] == [2, 1, 1]


def test_the_response_probability_point_of_a_challenge_gives_that_share_of_the_points():
    challenge = ItemParams("c", (-1.0, 0.0, 1.0))
    theta = response_probability_point(challenge)
    assert expected_score(challenge, theta)[0] == pytest.approx(RESPONSE_PROBABILITY * 3,
                                                                abs=1e-6)
    assert response_probability_point(challenge, 0.67) > theta


def test_a_step_without_items_is_interpolated_between_its_neighbours():
    scale = derive_scale("webb", web_items(("E", -1.0), ("A", 1.0)))
    assert scale.steps[1].cut == pytest.approx(RP)
    assert scale.steps[1].anchors == 0


def test_steps_beyond_the_anchored_ones_are_one_logit_apart():
    items = [ladder_item("p", "Programmering 1", "C", 0.0)]
    scale = derive_scale("programmering", items)
    assert np.diff(scale.cuts) == pytest.approx([1.0] * 5)
    assert scale.steps[1].cut == pytest.approx(RP)


def test_steps_in_the_wrong_order_are_pooled_and_kept_apart(log_records):
    scale = derive_scale("webb", web_items(("E", 0.5), ("C", -0.5), ("A", 1.5)))
    assert any("pooled" in record.getMessage() for record in log_records)
    assert scale.cuts[0] == pytest.approx(RP)
    assert scale.cuts[1] == pytest.approx(RP + 0.2)
    assert (np.diff(scale.cuts) >= 0.2 - 1e-12).all()


def test_an_area_without_a_ladder_or_without_tagged_items_has_no_scale():
    assert derive_scale("all", web_items(("E", 0.0))) is None
    assert derive_scale("webb", [ladder_item("x", "Okänd kurs", "E", 0.0, area="webb")]) is None


def test_programming_has_six_steps_and_the_others_three():
    scale = derive_scale("programmering", [ladder_item("p", "Programmering 2", "A", 2.0)])
    assert [step.label for step in scale.steps] == [
        "Programmering 1 E", "Programmering 1 C", "Programmering 1 A",
        "Programmering 2 E", "Programmering 2 C", "Programmering 2 A"]


SCALE = LevelScale("natverk", (LevelStep("Nätverksteknik", "E", -1.0, 1),
                               LevelStep("Nätverksteknik", "C", 0.0, 1),
                               LevelStep("Nätverksteknik", "A", 1.0, 1)))


@pytest.mark.parametrize(("theta", "band"), [(-3, 0), (-1.0, 1), (-0.01, 1), (0.0, 2),
                                             (0.99, 2), (1.0, 3), (5, 3)])
def test_bands_start_at_their_cut(theta, band):
    assert SCALE.band(theta) == band


def test_band_probabilities_are_the_posterior_mass_between_cuts():
    posterior = Posterior.normal(0.2, 0.5)
    probabilities = SCALE.probabilities(posterior)
    assert probabilities.sum() == pytest.approx(1.0)
    from scipy.stats import norm
    expected = np.diff(norm.cdf([-np.inf, -1, 0, 1, np.inf], 0.2, 0.5))
    assert probabilities == pytest.approx(expected, abs=1e-4)


def test_the_stated_level_is_the_median_band_and_its_probability_is_the_confidence():
    result = level_result(SCALE, Posterior.normal(0.5, 0.2), 6, "bank-1", shown=3)
    assert result.label == "Nätverksteknik C" and result.rank == 2
    assert result.confidence == pytest.approx(max(result.probabilities))
    assert result.confidence_percent == 99 and result.confidence_key == "very_sure"
    assert result.bank_version == "bank-1" and result.ladder_size == 3


def test_below_the_first_step_there_is_no_label():
    result = level_result(SCALE, Posterior.normal(-2.5, 0.3), 5, shown=3)
    assert (result.label, result.rank) == (None, 0)


def test_an_uncertain_result_names_the_runner_up_for_between_levels():
    result = level_result(SCALE, Posterior.normal(0.05, 0.3), 5, shown=3)
    assert result.confidence_key == "unsure"
    assert {result.rank, result.runner_up} == {1, 2}
    assert {result.label, result.runner_up_label} == {"Nätverksteknik E", "Nätverksteknik C"}


@pytest.mark.parametrize(("probability", "key"), [
    (0.999, "very_sure"), (0.95, "very_sure"), (0.9499, "sure"), (0.93, "sure"),
    (0.85, "sure"), (0.8, "fairly_sure"), (0.75, "fairly_sure"), (0.7499, "unsure"),
    (0.3, "unsure")])
def test_confidence_words(probability, key):
    assert confidence_key(probability) == key


def test_the_interval_names_the_bands_at_its_ends():
    assert level_result(SCALE, Posterior.normal(0.5, 0.15), 4, shown=3).interval90 == (2, 2)
    assert level_result(SCALE, Posterior.normal(0.0, 0.3), 8, shown=3).interval90 == (1, 2)
