"""``kodprov irt fit``: JSON in logits, items centred, and one clear line for bad files."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

from assessor.cli.ability import irt_group
from assessor.domain.ability.model import ItemParams
from tests.ability.simulation import simulate_scores

HEADER = "person,item,score,max_score\n"


@pytest.fixture
def run(tmp_path):
    def run(content: str | bytes, *args: str):
        path = tmp_path / "responses.csv"
        if isinstance(content, str):
            content = content.encode()
        path.write_bytes(content)
        return CliRunner().invoke(irt_group, ["fit", "--responses", str(path), *args])
    return run


def simulated_csv(persons: int = 300) -> str:
    rng = np.random.default_rng(4)
    items = [ItemParams("ch1", (-1.0, 0.0, 1.0)), ItemParams("ch2", (0.0, 0.5, 1.5)),
             *(ItemParams(f"q{k}", (b,)) for k, b in enumerate((-1.5, -0.5, 0.5, 1.5)))]
    scores = simulate_scores(items, rng.normal(size=persons), rng)
    lines = [f"p{n},{item.id},{scores[n, k]},{item.max_score}"
             for n in range(persons) for k, item in enumerate(items)]
    return HEADER + "\n".join(lines) + "\n"


def test_fit_prints_items_and_persons_as_json_with_centred_difficulties(run):
    result = run(simulated_csv(), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"items", "persons"}
    assert set(data["items"]) == {"ch1", "ch2", "q0", "q1", "q2", "q3"}
    assert len(data["items"]["ch1"]["thresholds"]) == 3
    assert len(data["items"]["q0"]["thresholds"]) == 1
    assert data["items"]["ch1"]["difficulty"] == pytest.approx(
        np.mean(data["items"]["ch1"]["thresholds"]), abs=1e-3)
    assert np.mean([i["difficulty"] for i in data["items"].values()]) == pytest.approx(0, abs=1e-3)
    assert data["items"]["q0"]["difficulty"] < data["items"]["q3"]["difficulty"]
    assert set(data["persons"]["p0"]) == {"theta", "se"}
    assert len(data["persons"]) == 300


def test_fit_without_json_prints_a_line_per_item_and_person(run):
    result = run(HEADER + "a,x,1,1\nb,x,0,1\na,y,2,3\n")
    assert result.exit_code == 0, result.output
    assert "item x: difficulty" in result.stdout and "person b: theta" in result.stdout


def test_a_bom_and_spaced_capitalised_headers_are_accepted(run):
    assert run("\ufeffPerson, Item ,Score,MAX_SCORE\na,x,1,1\nb,x,0,1\n", "--json").exit_code == 0


def test_persons_with_missing_items_are_scored_from_what_they_answered(run):
    result = run(HEADER + "a,x,1,1\nb,y,1,1\nc,x,0,1\nc,y,0,1\n", "--json")
    assert json.loads(result.stdout)["persons"].keys() == {"a", "b", "c"}


@pytest.mark.parametrize(("content", "message"), [
    ("person,item,score\na,x,1\n", "missing column(s) max_score"),
    (HEADER + "a,x,one,1\n", "line 2: score 'one' is not a whole number"),
    (HEADER + "a,x,1.5,3\n", "score '1.5' is not a whole number"),
    (HEADER + "a,x,1,nan\n", "max_score 'nan' is not a whole number"),
    (HEADER + "a,x,4,3\n", "line 2: score 4 is outside 0…3"),
    (HEADER + "a,x,-1,3\n", "score -1 is outside 0…3"),
    (HEADER + "a,x,0,0\n", "max_score must be at least 1"),
    (HEADER + "a,x,1,1\na,x,0,1\n", "line 3: person a answered item x twice (also line 2)"),
    (HEADER + "a,x,1,1\nb,x,2,3\n", "line 3: item x has max_score 3 here but 1 on line 2"),
    (HEADER + ",x,1,1\n", "person and item must not be empty"),
    (HEADER + "a,x,1\n", "max_score '' is not a whole number"),
    (HEADER + "a,x,1,11\n", "line 2: max_score 11 is above 10, the highest accepted"),
    (HEADER + "a,x,1,1000000\n", "max_score 1000000 is above 10"),
    (HEADER + "a,x,1,1,extra\n", "line 2: 5 fields, but the header has 4"),
    (HEADER + "a,x,1,1\nb,x,0,1,,\n", "line 3: 6 fields, but the header has 4"),
    ("", "the file is empty"),
    ("\n  \n", "the file is empty"),
    (HEADER, "no responses, only the header"),
    ("person,item,score,max_score\nå,x,1,1\n".encode("latin-1"), "not UTF-8 text"),
    ("person,item,score,max_score\na,x,1,1\n".encode("utf-16"), "not UTF-8 text"),
])
def test_bad_files_get_one_clear_line_and_exit_status_2(run, content, message):
    result = run(content, "--json")
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")
    assert "Traceback" not in result.output and result.stdout == ""


def test_max_score_ten_is_still_accepted(run):
    result = run(HEADER + "a,x,10,10\nb,x,3,10\n", "--json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["items"]["x"]["thresholds"]) == 10


def test_a_missing_file_is_bad_input_too(tmp_path):
    result = CliRunner().invoke(irt_group, ["fit", "--responses", str(tmp_path / "no.csv")])
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_the_command_is_registered_as_kodprov_irt_fit(tmp_path):
    from assessor.cli.main import cli
    path = tmp_path / "r.csv"
    path.write_text(HEADER + "a,x,1,1\nb,x,0,1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["irt", "fit", "--responses", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.stdout)["persons"]) == {"a", "b"}
