"""The authors' difficulty priors keep every ladder in order, and every step has tasks."""

from __future__ import annotations

import re
import shutil
from types import SimpleNamespace

import pytest

from tests.app_settings import catalogue
from assessor.domain.ability.levels import LADDERS, ladder_order_problems
from assessor.cli.main import cli
from tests.challenges.conftest import BANK


def test_every_task_of_a_step_is_harder_than_every_task_of_the_step_below():
    assert ladder_order_problems(catalogue.bank()) == []


@pytest.mark.parametrize("area", sorted(LADDERS))
def test_every_step_of_every_ladder_has_at_least_two_tasks(area):
    counts = {step: sum((c.course, c.level) == step for c in catalogue.bank()
                        if c.area.value == area) for step in LADDERS[area]}
    assert all(count >= 2 for count in counts.values()), counts


def task(slug: str, step: tuple[str, str], difficulty: float) -> SimpleNamespace:
    return SimpleNamespace(id=slug, area="programmering", course=step[0], level=step[1],
                           difficulty=difficulty)


def test_a_task_no_harder_than_the_step_below_is_named_with_what_to_do():
    tasks = [task("lätt", ("Programmering 1", "E"), 0.2),
             task("mellan", ("Programmering 1", "C"), 0.3),
             task("svår", ("Programmering 2", "E"), 0.3),
             task("bra", ("Programmering 2", "E"), 0.5)]
    [(slug, other, message)] = ladder_order_problems(tasks)
    assert (slug, other) == ("svår", "mellan")
    assert "difficulty 0.3 (Programmering 2 E) is not above mellan's 0.3 (Programmering 1 C)" \
        in message
    assert "Raise this difficulty or lower that one." in message


def test_an_empty_step_is_skipped_when_comparing_with_the_step_below():
    tasks = [task("e", ("Programmering 1", "E"), 0.2), task("a", ("Programmering 1", "A"), 0.25)]
    assert ladder_order_problems(tasks) == []
    tasks.append(task("p2", ("Programmering 2", "E"), 0.22))
    assert [slug for slug, *_ in ladder_order_problems(tasks)] == ["p2"]


def test_validate_refuses_a_difficulty_out_of_ladder_order(runner, tmp_path):
    folder = tmp_path / "bank" / "p2-bankkonto"
    shutil.copytree(BANK / "p2-bankkonto", folder)
    toml = folder / "challenge.toml"
    toml.write_text(re.sub(r"(?m)^difficulty = .*$", "difficulty = 0.25", toml.read_text()))
    result = runner.invoke(cli, ["challenges", "validate", str(folder)])
    assert result.exit_code == 1
    assert ("p2-bankkonto/challenge.toml: difficulty: p2-bankkonto: difficulty 0.25 "
            "(Programmering 2 E) is not above") in result.output
