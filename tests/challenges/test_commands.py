"""kodprov challenges validate|list and kodprov grade, through the Click runner."""

from __future__ import annotations

import json
import shutil

from assessor.cli.main import cli
from tests.challenges.conftest import BANK


def copy_bank(tmp_path, *slugs: str):
    bank = tmp_path / "bank"
    for slug in slugs:
        shutil.copytree(BANK / slug, bank / slug)
    return bank


def test_list_prints_one_line_per_challenge_and_a_count(runner):
    result = runner.invoke(cli, ["challenges", "list"])
    assert result.exit_code == 0
    assert "p1-biljettpris" in result.output and result.output.strip().endswith("challenge(s)")


def test_list_json_filters_by_area(runner):
    result = runner.invoke(cli, ["challenges", "list", "--area", "webb", "--json"])
    listed = json.loads(result.output)
    assert len(listed) >= 6 and {c["area"] for c in listed} == {"webb"}
    assert {"id", "course", "level", "grader", "title", "generated"} <= set(listed[0])


def test_validate_proves_a_bank_and_prints_a_summary_table(runner, tmp_path):
    bank = copy_bank(tmp_path, "w1-tabell", "n-vlsm")
    result = runner.invoke(cli, ["challenges", "validate", str(bank), "--seeds", "3"])
    assert result.exit_code == 0, result.output
    assert "challenge" in result.output and "w1-tabell" in result.output
    assert "n-vlsm     network      9      0       0.00  ok" in result.output
    assert "All 2 challenge(s) proved." in result.output


def test_validate_exits_1_with_the_reason_when_a_wrong_solution_passes(runner, tmp_path):
    bank = copy_bank(tmp_path, "w1-tabell")
    wrong = bank / "w1-tabell" / "wrong" / "rubrik-utanfor-tabellen" / "index.html"
    wrong.write_bytes((bank / "w1-tabell" / "solution" / "index.html").read_bytes())
    result = runner.invoke(cli, ["challenges", "validate", str(bank / "w1-tabell")])
    assert result.exit_code == 1
    assert ("w1-tabell/wrong/rubrik-utanfor-tabellen/ (seed 0): passes ['tabellrubrik'], "
            "declared to fail (it passes every test: make the mistake show, or add a test that "
            "catches it)") in result.output


def test_validate_exits_1_for_a_folder_with_format_problems(runner, tmp_path):
    bank = copy_bank(tmp_path, "w1-tabell")
    (bank / "w1-tabell" / "description.en.md").write_text("")
    result = runner.invoke(cli, ["challenges", "validate", str(bank)])
    assert result.exit_code == 1
    assert "w1-tabell/description.en.md: is missing or empty." in result.output


def test_grade_prints_the_result_as_json(runner):
    result = runner.invoke(cli, ["grade", "--challenge", "w1-tabell", "--file",
                                 str(BANK / "w1-tabell" / "solution" / "index.html"), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["score"] == 1.0 and data["gradable"] and data["challenge_id"] == "w1-tabell"


def test_grade_of_a_program_that_exits_with_an_error_is_a_verdict(runner, tmp_path):
    program = tmp_path / "medel.py"
    program.write_text('import sys\nprint("fel")\nsys.exit(1)\n')
    result = runner.invoke(cli, ["grade", "--challenge", "p1-summa-medel", "--file", str(program),
                                 "--backend", "process", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output[result.output.index("{"):])
    assert data["gradable"] and data["score"] == 0.0 and not data["our_error"]
    assert {t["message"] for t in data["tests"]} == {"Programmet avslutades med felkod 1."}


def test_grade_takes_a_folder(runner):
    folder = BANK / "p1-kodlasning" / "wrong" / "range-tar-med-slutet"
    result = runner.invoke(cli, ["grade", "--challenge", "p1-kodlasning", "--file", str(folder),
                                 "--locale", "en"])
    assert result.exit_code == 0
    assert "✗ range (0/1) [candidate] Wrong answer." in result.output
    assert result.output.strip().endswith("Score: 0.80")


def test_grade_checks_answers_against_the_given_seed(runner, tmp_path, bank_challenge):
    variant = bank_challenge("n-dela-natet").variant(3)
    answers = tmp_path / "answers.toml"
    answers.write_bytes(variant.solution.files["answers.toml"])
    right = runner.invoke(cli, ["grade", "--challenge", "n-dela-natet", "--file", str(answers),
                                "--seed", "3"])
    other = next(s for s in range(4, 40) if bank_challenge("n-dela-natet").variant(s).params[
        "natet"] != variant.params["natet"])
    wrong = runner.invoke(cli, ["grade", "--challenge", "n-dela-natet", "--file", str(answers),
                                "--seed", str(other)])
    assert "Score: 1.00" in right.output and "Score: 1.00" not in wrong.output


def test_grade_of_an_answers_file_with_another_name(runner, tmp_path):
    answers = tmp_path / "mina-svar.toml"
    answers.write_text('range = "a"\n')
    result = runner.invoke(cli, ["grade", "--challenge", "p1-kodlasning", "--file", str(answers)])
    assert result.exit_code == 0 and "Score: 0.20" in result.output


def test_grade_explains_a_broken_challenge(runner, tmp_path):
    bank = copy_bank(tmp_path, "w1-tabell")
    (bank / "w1-tabell" / "challenge.toml").write_text("id = 1\n")
    result = runner.invoke(cli, ["grade", "--challenge", str(bank / "w1-tabell"), "--file",
                                 str(BANK / "w1-tabell" / "solution" / "index.html")])
    assert result.exit_code == 1 and "the challenge cannot be loaded" in result.output


def test_a_wrong_grader_kind_is_named_before_the_problems_it_causes(runner, tmp_path):
    bank = copy_bank(tmp_path, "w1-tabell")
    toml = bank / "w1-tabell" / "challenge.toml"
    toml.write_text(toml.read_text().replace('grader = "web"', 'grader = "io"'))
    result = runner.invoke(cli, ["challenges", "validate", str(bank / "w1-tabell")])
    assert result.exit_code == 1
    first = next(line for line in result.output.splitlines() if "challenge.toml" in line)
    assert "grader: is 'io', but the tests look written for 'web'." in first


def test_validate_proves_every_also_right_solution(runner, tmp_path):
    bank = copy_bank(tmp_path, "w1-tabell")
    other = bank / "w1-tabell" / "also-right" / "annan-ordning"
    other.mkdir(parents=True)
    solution = (bank / "w1-tabell" / "solution" / "index.html").read_text()
    (other / "index.html").write_text(solution.replace("<html", "<!-- ett annat sätt -->\n<html"))
    result = runner.invoke(cli, ["challenges", "validate", str(bank)])
    assert result.exit_code == 0, result.output
    assert "w1-tabell  web          4      0       0.00  ok" in result.output


def test_validate_exits_1_when_an_also_right_solution_scores_less_than_100(runner, tmp_path):
    bank = copy_bank(tmp_path, "w1-tabell")
    other = bank / "w1-tabell" / "also-right" / "rubrik-som-h2"
    other.mkdir(parents=True)
    wrong = bank / "w1-tabell" / "wrong" / "rubrik-utanfor-tabellen" / "index.html"
    (other / "index.html").write_bytes(wrong.read_bytes())
    result = runner.invoke(cli, ["challenges", "validate", str(bank)])
    assert result.exit_code == 1
    assert ("w1-tabell/also-right/rubrik-som-h2/ (seed 0): this accepted solution scores 0.80; "
            "failed 'tabellrubrik'") in result.output
