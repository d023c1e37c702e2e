"""The partial credit model with a guessing floor: probabilities, information, bands."""

from __future__ import annotations

import numpy as np
import pytest

from assessor.domain.ability.items import (
    ItemError,
    ItemMeta,
    author_difficulty_logits,
    category_for,
    category_from_fraction,
    challenge_meta,
    prior_params,
)
from assessor.domain.ability.model import (
    ItemParams,
    expected_score,
    information,
    log_probabilities,
    probabilities,
    threshold_gradient,
)

THETA = np.linspace(-4, 4, 17)
PCM = ItemParams("pcm", (-1.0, 0.2, 1.3))
RASCH = ItemParams("rasch", (0.5,))
CHOICE = ItemParams("choice", (0.5,), guessing=0.25)


@pytest.mark.parametrize("item", [PCM, RASCH, CHOICE])
def test_category_probabilities_sum_to_one_everywhere(item):
    assert np.allclose(probabilities(item, THETA).sum(axis=0), 1.0)


def test_a_right_wrong_item_is_the_rasch_model():
    assert np.allclose(probabilities(RASCH, THETA)[1], 1 / (1 + np.exp(-(THETA - 0.5))))


def test_partial_credit_matches_the_written_out_formula():
    numerators = np.exp(np.array([0 * THETA, THETA + 1.0, 2 * THETA + 0.8, 3 * THETA - 0.5]))
    assert np.allclose(probabilities(PCM, THETA), numerators / numerators.sum(axis=0))


def test_guessing_floor_is_the_lower_asymptote_of_a_choice_item():
    p_right = probabilities(CHOICE, np.array([-30.0, 0.5, 30.0]))[1]
    assert p_right == pytest.approx([0.25, 0.625, 1.0], abs=1e-9)


def test_log_probabilities_stay_finite_far_from_the_item():
    assert np.isfinite(log_probabilities(PCM, np.array([-60.0, 60.0]))).all()


def test_information_of_a_rasch_item_is_a_quarter_at_its_difficulty():
    assert information(RASCH, 0.5)[0] == pytest.approx(0.25)


def test_information_of_pcm_is_the_variance_of_the_score():
    p = probabilities(PCM, THETA)
    k = np.arange(4)[:, None]
    variance = (k**2 * p).sum(axis=0) - ((k * p).sum(axis=0)) ** 2
    assert np.allclose(information(PCM, THETA), variance)


@pytest.mark.parametrize("item", [PCM, RASCH, CHOICE])
def test_information_equals_the_sum_of_squared_slopes_over_probabilities(item):
    h = 1e-5
    slope = (probabilities(item, THETA + h) - probabilities(item, THETA - h)) / (2 * h)
    expected = (slope**2 / probabilities(item, THETA)).sum(axis=0)
    assert np.allclose(information(item, THETA), expected, rtol=1e-5)


def test_a_guessing_floor_lowers_information():
    assert (information(CHOICE, THETA) < information(RASCH, THETA)).all()


@pytest.mark.parametrize("item", [PCM, CHOICE])
def test_threshold_gradient_matches_finite_differences(item):
    h = 1e-6
    numeric = []
    for j in range(item.max_score):
        up, down = np.array(item.thresholds), np.array(item.thresholds)
        up[j] += h
        down[j] -= h
        numeric.append((log_probabilities(ItemParams("x", tuple(up), item.guessing), THETA)
                        - log_probabilities(ItemParams("x", tuple(down), item.guessing), THETA))
                       / (2 * h))
    assert np.allclose(threshold_gradient(item, THETA), np.stack(numeric, axis=-1), atol=1e-6)


def test_expected_score_rises_with_ability():
    assert (np.diff(expected_score(PCM, THETA)) > 0).all()


def test_difficulty_is_the_mean_of_the_thresholds():
    assert PCM.difficulty == pytest.approx(0.5 / 3)


@pytest.mark.parametrize(("fraction", "category"), [
    (0.0, 0), (0.24, 0), (0.25, 1), (0.59, 1), (0.6, 2), (0.99, 2), (1.0, 3)])
def test_challenge_score_bands(fraction, category):
    assert category_from_fraction(fraction) == category


def test_a_right_wrong_item_is_right_only_when_every_test_passes():
    assert [category_from_fraction(f, 1) for f in (0.0, 0.9, 1.0)] == [0, 0, 1]


def test_other_max_scores_use_equal_bands():
    assert [category_from_fraction(f, 4) for f in (0.2, 0.25, 0.5, 0.8, 1.0)] == [0, 1, 2, 3, 4]


def test_a_share_outside_zero_to_one_is_refused():
    with pytest.raises(ItemError):
        category_from_fraction(1.2)


def test_guessing_floor_comes_from_the_number_of_options():
    assert ItemMeta("a", "webb", "Webbutveckling 1", "E", kind="choice", options=5).guessing \
        == pytest.approx(0.2)
    assert ItemMeta("b", "webb", "Webbutveckling 1", "E", kind="choice").guessing == 0.25
    assert ItemMeta("c", "webb", "Webbutveckling 1", "E").guessing == 0.0


def test_a_knowledge_item_cannot_have_partial_credit():
    with pytest.raises(ItemError, match="right/wrong"):
        ItemMeta("a", "webb", "Webbutveckling 1", "E", max_score=3, kind="choice")


def test_prior_thresholds_are_evenly_spaced_around_the_author_difficulty():
    meta = ItemMeta("a", "webb", "Webbutveckling 1", "C", 3, 0.5, "challenge")
    assert prior_params(meta).thresholds == pytest.approx((-0.5, 0.5, 1.5))


def test_author_difficulty_on_zero_to_one_becomes_a_logit_prior():
    assert [author_difficulty_logits(d) for d in (0.0, 0.25, 0.5, 1.0)] == [-2.0, -1.0, 0.0, 2.0]


def test_a_loaded_challenge_becomes_item_metadata_without_importing_the_loader():
    from types import SimpleNamespace
    challenge = SimpleNamespace(id="p1-vokaler", area="programmering", course="Programmering 1",
                                level="E", difficulty=0.25)
    meta = challenge_meta(challenge)
    assert (meta.id, meta.area, meta.course, meta.level, meta.kind, meta.max_score) == (
        "p1-vokaler", "programmering", "Programmering 1", "E", "challenge", 3)
    assert meta.difficulty == -1.0


def choice_challenge(*tests: dict):
    from types import SimpleNamespace
    return SimpleNamespace(id="p1-quiz", area="programmering", course="Programmering 1",
                           level="E", difficulty=0.5, grader="choice", tests=tests)


def test_a_choice_challenge_is_right_or_wrong_with_the_chance_of_guessing_every_answer():
    meta = challenge_meta(choice_challenge(
        {"kind": "single", "options": ["a", "b", "c", "d"]},
        {"kind": "multiple", "options": ["a", "b"]}))
    assert (meta.kind, meta.max_score, meta.options) == ("choice", 1, 4 * 3)
    assert meta.guessing == pytest.approx(1 / 12)
    assert prior_params(meta).thresholds == (0.0,)


def test_a_choice_challenge_with_a_typed_answer_has_no_guessing_floor():
    meta = challenge_meta(choice_challenge({"kind": "single", "options": ["a", "b"]},
                                           {"kind": "short", "accept": ["7"]}))
    assert (meta.kind, meta.max_score, meta.guessing) == ("code_reading", 1, 0.0)


def test_the_banks_code_reading_challenge_is_a_right_or_wrong_item():
    from tests.app_settings import catalogue
    challenge = catalogue.challenge("p1-kodlasning")
    assert challenge.grader == "choice"
    assert challenge_meta(challenge).max_score == 1


@pytest.mark.parametrize(("fraction", "category"), [(1.0, 1), (0.99, 0), (0.6, 0), (0.0, 0)])
def test_a_right_or_wrong_item_counts_only_full_marks(fraction, category):
    meta = ItemMeta("q", "programmering", "Programmering 1", "E", kind="choice", options=4)
    assert category_for(meta, fraction) == category


def test_a_challenge_still_scores_in_bands():
    meta = ItemMeta("c", "programmering", "Programmering 1", "E", 3, kind="challenge")
    assert [category_for(meta, f) for f in (0.1, 0.3, 0.7, 1.0)] == [0, 1, 2, 3]
