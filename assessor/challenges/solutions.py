"""The reference ``solution/`` and the known-wrong ``wrong/<name>/`` folders of a challenge.

A wrong solution holds the files its mistake is in; any other file is taken from ``solution/``.
"""

from __future__ import annotations

import difflib

import tomllib
from collections.abc import Iterable
from pathlib import Path

from assessor.challenges.fields import Fields
from assessor.challenges.model import Expectation, KnownSolution
from assessor.challenges.problems import FormatProblem

EXPECT_FILE = "expect.toml"
MIN_WRONGS = 2


def read_known_solutions(folder: Path, files: Iterable[str], tests: set[str],
                         problems: list[FormatProblem]) -> tuple[KnownSolution | None,
                                                                 list[KnownSolution]]:
    """The reference and the known-wrong solutions, with problems recorded."""
    from assessor.challenges.loader import read_files

    expected_files = set(files)
    solution = None
    if not (folder / "solution").is_dir():
        problems.append(FormatProblem(f"{folder.name}/solution/", "", "is missing.",
                                      "Add the reference solution: the files listed in "
                                      "files = [...], scoring 100 %."))
    else:
        solution = KnownSolution("solution", read_files(folder / "solution"))
        _check_files(f"{folder.name}/solution/", solution.files, expected_files, problems)
    wrong_dirs = sorted(p for p in (folder / "wrong").glob("*") if p.is_dir())
    if len(wrong_dirs) < MIN_WRONGS:
        problems.append(FormatProblem(f"{folder.name}/wrong/", "",
                                      f"has {len(wrong_dirs)} known-wrong solution(s).",
                                      f"Add at least {MIN_WRONGS}: wrong/<mistake>/ with the "
                                      f"files and an {EXPECT_FILE}."))
    wrongs = []
    for wrong in wrong_dirs:
        where = f"{folder.name}/wrong/{wrong.name}/"
        # files the mistake does not touch may be left out: they are taken from solution/
        files_here = {**(solution.files if solution else {}),
                      **read_files(wrong, skip=(EXPECT_FILE,))}
        _check_files(where, files_here, expected_files, problems)
        expectation = _expectation(wrong, where, tests, problems)
        if expectation is not None:
            wrongs.append(KnownSolution(wrong.name, files_here, expectation))
    return solution, wrongs


def _check_files(where: str, present: dict[str, bytes], expected: set[str],
                 problems: list[FormatProblem]) -> None:
    for name in sorted(expected - set(present)):
        problems.append(FormatProblem(where, name, "is missing.",
                                      f"Add {name}: every name in files = [...] must be there."))
    for name in sorted(set(present) - expected):
        problems.append(FormatProblem(where, name, "is not in files = [...].",
                                      "Remove it, or add it to files in challenge.toml."))


def _expectation(wrong: Path, where: str, tests: set[str],
                 problems: list[FormatProblem]) -> Expectation | None:
    path = wrong / EXPECT_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(FormatProblem(where + EXPECT_FILE, "", "is missing.",
                                      'Write mistake = "..." and fails = ["<test name>", ...].'))
        return None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        problems.append(FormatProblem(where + EXPECT_FILE, "", f"is not valid TOML ({error}).",
                                      "Check quotes and brackets on that line."))
        return None
    fields = Fields(data, where + EXPECT_FILE, "", problems)
    mistake = fields.get("mistake", str, required=True,
                         example='mistake = "Off by one: the loop stops before n."')
    fails = fields.strings("fails", example='fails = ["stort tal"]')
    gradable = fields.get("gradable", bool, default=True)
    fields.finish()
    for name in fails:
        if name not in tests:
            fields.problem("fails", f"{name!r} is not the name of a test.", _test_hint(name, tests))
    if gradable and not fails and isinstance(fields.data.get("fails", []), list):
        fields.problem("fails", "is empty, so this solution would score 100 %.",
                       'List the tests it fails, e.g. fails = ["tom lista"], or write '
                       "gradable = false for a submission that cannot be graded.")
    return Expectation(mistake or "", frozenset(fails), gradable)


def _test_hint(name: str, tests: set[str]) -> str:
    """The closest test name (case and spelling forgiven), else the list of names."""
    by_lower = {test.lower(): test for test in tests}
    close = difflib.get_close_matches(name.lower(), sorted(by_lower), n=1)
    if close:
        return f'Did you mean "{by_lower[close[0]]}"?'
    if not tests:
        return "The challenge has no [[tests]] yet: write them in challenge.toml first."
    return f"Write names from [[tests]]: {', '.join(sorted(tests))}."
