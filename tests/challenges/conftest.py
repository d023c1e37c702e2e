"""Fixtures for the challenge and grading tests: a local runner and challenge folders."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from assessor.domain.challenges import Challenge
from assessor.domain.challenge_bank import load_challenge
from tests.challenges.local_runner import LocalRunner

BANK = Path(__file__).resolve().parents[2] / "challenges"


@pytest.fixture
def local_runner() -> LocalRunner:
    """Runs specs as local subprocesses (host-side logic only; isolates nothing)."""
    return LocalRunner()


@pytest.fixture(scope="session")
def bank_challenge() -> Callable[[str], Challenge]:
    """Load a challenge of the real bank by slug (cached for the session)."""
    cache: dict[str, Challenge] = {}

    def load(slug: str) -> Challenge:
        if slug not in cache:
            cache[slug] = load_challenge(BANK / slug)
        return cache[slug]

    return load


def write_folder(root: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (relative path -> text, dedented) under ``root``."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def wrongs_for(file: str, fails: list[str]) -> dict[str, str]:
    """Two known-wrong solutions (empty files) failing ``fails``, so the folder loads."""
    expect = f'mistake = "Empty."\nfails = {fails!r}\n'.replace("'", '"')
    return {f"wrong/{name}/{part}": text for name in ("tom", "tomt")
            for part, text in ((file, "\n"), ("expect.toml", expect))}


MINIMAL_TOML = """
    id = "{slug}"
    version = "1"
    area = "programmering"
    course = "Programmering 1"
    level = "E"
    difficulty = 0.2
    grader = "{grader}"
    files = {files}

    [title]
    sv = "Prov"
    en = "Test"

    [skill]
    sv = "loopar"
    en = "loops"
"""


@pytest.fixture
def make_challenge(tmp_path: Path) -> Callable[..., Path]:
    """Write a challenge folder: ``make_challenge(body, grader="io", files=..., extra={})``.

    ``body`` is appended to a valid header; ``extra`` adds files (solution, wrongs ...).
    """

    def make(body: str, *, slug: str = "prov-uppgift", grader: str = "io",
             files: str = '["main.py"]', extra: dict[str, str] | None = None,
             header: bool = True) -> Path:
        toml = (textwrap.dedent(MINIMAL_TOML).format(slug=slug, grader=grader, files=files)
                if header else "") + textwrap.dedent(body)
        folder = tmp_path / "bank" / slug
        write_folder(folder, {"challenge.toml": toml, "description.sv.md": "# Prov\n",
                              "description.en.md": "# Test\n", **(extra or {})})
        return folder

    return make
