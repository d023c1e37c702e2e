"""Seeded variants: the same seed always gives the same variant, each seed its own numbers."""

from __future__ import annotations

import pytest

from assessor.domain.challenges.variants import TemplateError, render_files, render_text, render_value


def test_the_same_seed_gives_the_same_variant(bank_challenge):
    challenge = bank_challenge("n-adresser-i-natet")
    assert challenge.variant(7).params == challenge.variant(7).params
    assert challenge.variant(7).description("sv") == challenge.variant(7).description("sv")


def test_different_seeds_give_candidates_their_own_numbers(bank_challenge):
    challenge = bank_challenge("n-adresser-i-natet")
    addresses = {challenge.variant(seed).params["adress"] for seed in range(20)}
    assert len(addresses) >= 15


def test_the_statement_shows_the_variants_numbers(bank_challenge):
    variant = bank_challenge("n-adresser-i-natet").variant(3)
    shown = f"{variant.params['adress']}/{variant.params['prefix']}"
    assert shown in variant.description("sv") and shown in variant.description("en")
    assert "{{" not in variant.description_html("sv")


def test_a_lone_placeholder_keeps_the_parameters_type():
    assert render_value("{{antal}}", {"antal": 62}) == 62
    assert render_value("{{antal}} st", {"antal": 62}) == "62 st"
    assert render_value(["{{a}}", {"b": "{{a}}\n"}], {"a": 1}) == [1, {"b": "1\n"}]


def test_an_unknown_placeholder_is_an_error():
    with pytest.raises(TemplateError):
        render_text("{{saknas}}", {})


def test_binary_files_are_left_alone():
    files = {"bild.png": b"\x89PNG{{x}}\xff", "a.txt": b"{{x}}"}
    assert render_files(files, {"x": 5}) == {"bild.png": b"\x89PNG{{x}}\xff", "a.txt": b"5"}


def test_a_challenge_without_a_generator_is_the_same_for_every_seed(bank_challenge):
    challenge = bank_challenge("p1-biljettpris")
    assert not challenge.generated
    assert challenge.variant(1).tests == challenge.variant(99).tests


def test_wrong_solutions_are_filled_in_per_seed(bank_challenge):
    variant = bank_challenge("n-dela-natet").variant(5)
    wrong = next(w for w in variant.wrongs if w.name == "raknar-alla-adresser")
    assert f'vardar = "{variant.params["fel_vardar"]}"'.encode() in wrong.files["answers.toml"]


def test_the_summary_is_plain_data(bank_challenge):
    summary = bank_challenge("p1-vaxel").summary()
    assert summary["generated"] is True and summary["area"] == "programmering"
    assert summary["title"] == {"sv": "Växel", "en": "Change"}
