"""Screening separates people who program from superusers, and says why."""

from __future__ import annotations

import json
import re

import pytest

from assessor.cli.main import cli
from assessor.domain.screening import load_questionnaire, screen
from assessor.domain.screening.questionnaire import QuestionnaireError
from assessor.domain.screening.questionnaire import load_questionnaire as load_uncached
from assessor.domain.screening.scoring import AnswerError, is_correct, normalise_answer

Q = load_questionnaire()
KNOWLEDGE = Q.part("knowledge")


def right_answers(count: int) -> dict:
    """The first ``count`` knowledge items answered right, the rest wrong."""
    answers = {}
    for n, item in enumerate(KNOWLEDGE):
        right = item.right_answer()
        if n < count:
            answers[item.id] = right
        elif item.kind == "text":
            answers[item.id] = "fel"
        else:
            wrong = next(o.id for o in item.options if o.id not in item.correct)
            answers[item.id] = [wrong] if item.kind == "multiple" else wrong
    return answers


def test_the_questionnaire_has_both_parts_in_both_languages():
    assert len(Q.part("self_report")) >= 5 and len(KNOWLEDGE) >= 6
    for item in Q.items:
        assert item.text["sv"] and item.text["en"]


def test_an_english_question_shows_no_swedish_words_in_its_code_or_options():
    for item in Q.items:
        shown = [item.text["en"], item.code_in("en"), *(o.text["en"] for o in item.options)]
        assert not [text for text in shown if re.search("[åäöÅÄÖ]", text)], item.id
    condition = next(item for item in Q.items if item.id == "kn_condition")
    assert [o.text["en"] for o in condition.options] == ["adult", "teenager", "child",
                                                         "teenager and child"]
    assert 'print("teenager")' in condition.code_in("en")
    assert 'print("tonåring")' in condition.code_in("sv")


SCORED = "[scoring]\nprogrammer_at_least = 1\nsuperuser_at_most = 0\n"


def test_code_is_one_text_for_both_languages_or_one_per_language(tmp_path):
    both = tmp_path / "both.toml"
    code = 'accept = ["1"]\ncode = "print(1)"'
    both.write_text(SCORED + SCORING_ITEM.replace('accept = ["1"]', code), encoding="utf-8")
    item = load_uncached(both).items[0]
    assert item.code_in("sv") == item.code_in("en") == "print(1)"
    half = tmp_path / "half.toml"
    half_code = 'accept = ["1"]\ncode.sv = "x"'
    half.write_text(SCORED + SCORING_ITEM.replace('accept = ["1"]', half_code), encoding="utf-8")
    with pytest.raises(QuestionnaireError, match=r"item 1 \(k\): code: write the text in en"):
        load_uncached(half)


def test_the_questionnaire_takes_at_most_15_minutes_by_the_estimate():
    assert Q.estimated_minutes("sv") <= 15 and Q.estimated_minutes("en") <= 15


def test_reading_code_takes_longer_than_clicking_a_concept():
    assert Q.item("kn_while").estimated_seconds() > Q.item("kn_html_sql").estimated_seconds()


def test_many_right_answers_give_likely_programmer():
    result = screen(Q, right_answers(len(KNOWLEDGE)))
    assert result.outcome == "programmer"
    assert result.correct == result.total == len(KNOWLEDGE)


def test_big_claims_with_few_right_answers_give_likely_superuser_with_the_gap_as_reason():
    answers = right_answers(1) | {"sr_frequency": "weekly", "sr_self_rating": "expert",
                                  "sr_interests": ["gaming", "hardware"]}
    result = screen(Q, answers)
    texts = [r.text(Q, "sv") for r in result.reasons]
    assert result.outcome == "superuser"
    assert "säger att hen skriver kod varje vecka" in texts
    assert f"svarade rätt på 1 av {len(KNOWLEDGE)} kunskapsfrågor" in texts
    assert any("mer än det hen visade" in t for t in texts)


def test_self_report_never_raises_the_knowledge_score():
    plain = screen(Q, right_answers(2))
    boasting = screen(Q, right_answers(2) | {"sr_frequency": "daily", "sr_self_rating": "expert",
                                             "sr_built": ["program", "game"]})
    assert plain.correct == boasting.correct == 2
    assert boasting.outcome != "programmer"


def test_few_right_answers_without_claims_or_interests_is_unclear():
    result = screen(Q, right_answers(1) | {"sr_frequency": "never"})
    assert result.outcome == "unclear"
    assert result.reasons[0].key == "no_claims"


def test_an_unfinished_questionnaire_is_unclear_and_says_so():
    first_two = dict(list(right_answers(2).items())[:2])
    result = screen(Q, first_two)
    assert result.outcome == "unclear"
    assert any(r.key == "unfinished" for r in result.reasons)


def test_a_result_in_between_is_unclear():
    result = screen(Q, right_answers(len(KNOWLEDGE) // 2) | {"sr_frequency": "monthly"})
    assert result.outcome == "unclear"


CLAIMING = {"sr_frequency": "weekly", "sr_self_rating": "good"}


def test_the_programmer_cutoff_counts_right_answers():
    at = Q.cutoffs.programmer_at_least
    assert screen(Q, right_answers(at) | CLAIMING).outcome == "programmer"
    below = screen(Q, right_answers(at - 1) | CLAIMING)
    assert below.outcome == "unclear" and [r.key for r in below.reasons][-1] == "middle"


def test_the_superuser_cutoff_counts_right_answers():
    at = Q.cutoffs.superuser_at_most
    assert screen(Q, right_answers(at) | CLAIMING).outcome == "superuser"
    assert screen(Q, right_answers(at + 1) | CLAIMING).outcome == "unclear"


def test_the_reason_says_how_many_were_right_of_how_many():
    result = screen(Q, right_answers(Q.cutoffs.programmer_at_least))
    assert [r.text(Q, "sv") for r in result.reasons] == [
        f"svarade rätt på {Q.cutoffs.programmer_at_least} av {len(KNOWLEDGE)} kunskapsfrågor"]


def test_reasons_read_in_english_too():
    result = screen(Q, right_answers(len(KNOWLEDGE)) | {"sr_frequency": "weekly"})
    assert result.to_dict(Q, "en")["reasons"][0] == "says they write code every week"


@pytest.mark.parametrize(("item_id", "value"), [
    ("kn_print_loop", "z"), ("kn_print_loop", ["b"]), ("kn_html_sql", ["sql", "nope"]),
    ("kn_list_index", {"a": 1}), ("kn_list_index", "x" * 500), ("kn_list_index", True),
])
def test_answers_that_do_not_fit_their_item_are_refused(item_id, value):
    with pytest.raises(AnswerError):
        normalise_answer(Q.item(item_id), value)


def test_text_answers_ignore_case_spaces_and_quotes():
    item = Q.item("kn_list_index")
    assert is_correct(item, normalise_answer(item, "  'linus' "))
    assert not is_correct(item, "Ada")


def test_a_broken_questionnaire_file_names_the_item_and_field(tmp_path):
    bad = tmp_path / "q.toml"
    bad.write_text('[[items]]\nid = "x"\npart = "knowledge"\nkind = "single"\n'
                   'text.sv = "a"\ntext.en = "b"\noptions = [{id = "a", sv = "A", en = "A"}]\n'
                   'correct = "q"\n', encoding="utf-8")
    with pytest.raises(QuestionnaireError, match=r"item 1 \(x\): 'correct' must name"):
        load_uncached(bad)


SCORING_ITEM = ('[[items]]\nid = "k"\npart = "knowledge"\nkind = "text"\ntext.sv = "a"\n'
                'text.en = "b"\naccept = ["1"]\n')


@pytest.mark.parametrize(("scoring", "message"), [
    ("", r"\[scoring\] needs whole numbers"),
    ("[scoring]\nprogrammer_at_least = 1\nsuperuser_at_most = 0.5\n", "whole numbers"),
    ("[scoring]\nprogrammer_at_least = 2\nsuperuser_at_most = 0\n", r"<= 1 \(the number"),
    ("[scoring]\nprogrammer_at_least = 1\nsuperuser_at_most = 1\n", "superuser_at_most <"),
])
def test_cutoffs_that_do_not_fit_the_knowledge_items_are_refused(tmp_path, scoring, message):
    bad = tmp_path / "q.toml"
    bad.write_text(scoring + SCORING_ITEM, encoding="utf-8")
    with pytest.raises(QuestionnaireError, match=message):
        load_uncached(bad)


def test_cli_export_lists_every_item_with_right_answers(runner):
    result = runner.invoke(cli, ["questionnaire", "export", "--json"])
    data = json.loads(result.output)
    assert [i["id"] for i in data["items"]] == [i.id for i in Q.items]
    exported = {i["id"]: i for i in data["items"]}
    assert exported["kn_bug"]["answer"] == "d" and "answer" not in exported["sr_frequency"]


def test_cli_screen_uses_the_same_scoring_as_the_web_form(runner, tmp_path):
    answers = right_answers(len(KNOWLEDGE))
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    result = runner.invoke(cli, ["screen", "--answers", str(path), "--json"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert printed == screen(Q, answers).to_dict(Q, "sv")


@pytest.mark.parametrize(("content", "message"), [
    ("not json", "not valid JSON"), ("[1, 2]", "write an object"),
    ('{"nope": "a"}', "unknown item id"), ('{"kn_bug": "z"}', "choose one of"),
])
def test_cli_screen_explains_bad_answer_files(runner, tmp_path, content, message):
    path = tmp_path / "answers.json"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(cli, ["screen", "--answers", str(path), "--json"])
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output


def test_cli_screen_refuses_a_file_that_is_not_utf8(runner, tmp_path):
    path = tmp_path / "answers.json"
    path.write_bytes(b"\xff\xfe{")
    result = runner.invoke(cli, ["screen", "--answers", str(path)])
    assert result.exit_code == 2 and "not UTF-8" in result.output
