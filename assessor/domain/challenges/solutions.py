"""The reference ``solution/``, the other accepted ``also-right/<name>/`` and the known-wrong
``wrong/<name>/`` folders of a challenge.

An also-right or wrong solution holds the files it changes; any other file is taken from
``solution/``.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable
from pathlib import Path

from assessor.domain.challenges.fields import Fields
from assessor.domain.challenges.files import read_files
from assessor.domain.challenges.model import Expectation, KnownSolution
from assessor.domain.challenges.problems import FormatProblem

EXPECT_FILE = "expect.toml"
ALSO_RIGHT = "also-right"
MIN_WRONGS = 2


def read_known_solutions(folder: Path, files: Iterable[str], tests: set[str],
                         problems: list[FormatProblem]) -> tuple[KnownSolution | None,
                                                                 list[KnownSolution],
                                                                 list[KnownSolution]]:
    """The reference, the other accepted (``also-right/``) and the known-wrong solutions, with
    problems recorded."""
    expected_files = set(files)
    solution = _reference(folder, expected_files, problems)
    base = dict(solution.files) if solution else {}
    also_right = [KnownSolution(path.name, here, folder=f"{ALSO_RIGHT}/{path.name}")
                  for path, here in _variations(folder, ALSO_RIGHT, base, expected_files,
                                                problems)]
    _check_also_right(folder, also_right, base, problems)
    return solution, also_right, _wrongs(folder, base, expected_files, tests, problems)


def _reference(folder: Path, expected: set[str],
               problems: list[FormatProblem]) -> KnownSolution | None:
    if not (folder / "solution").is_dir():
        problems.append(FormatProblem(f"{folder.name}/solution/", "", "is missing.",
                                      "Add the reference solution: the files listed in "
                                      "files = [...], scoring 100 %."))
        return None
    solution = KnownSolution("solution", read_files(folder / "solution"))
    _check_files(f"{folder.name}/solution/", solution.files, expected, problems)
    return solution


def _wrongs(folder: Path, base: dict[str, bytes], expected: set[str], tests: set[str],
            problems: list[FormatProblem]) -> list[KnownSolution]:
    found = _variations(folder, "wrong", base, expected, problems)
    if len(found) < MIN_WRONGS:
        problems.append(FormatProblem(f"{folder.name}/wrong/", "",
                                      f"has {len(found)} known-wrong solution(s).",
                                      f"Add at least {MIN_WRONGS}: wrong/<mistake>/ with the "
                                      f"files and an {EXPECT_FILE}."))
    wrongs = []
    for wrong, files_here in found:
        expectation = _expectation(wrong, f"{folder.name}/wrong/{wrong.name}/", tests, problems)
        if expectation is not None:
            wrongs.append(KnownSolution(wrong.name, files_here, expectation,
                                        folder=f"wrong/{wrong.name}"))
    return wrongs


def _variations(folder: Path, kind: str, base: dict[str, bytes], expected: set[str],
                problems: list[FormatProblem]) -> list[tuple[Path, dict[str, bytes]]]:
    """Each ``<kind>/<name>/`` folder with its files; files it leaves out come from ``base``
    (the reference), so a variation holds only the files it changes."""
    found = []
    for path in sorted(p for p in (folder / kind).glob("*") if p.is_dir()):
        files_here = {**base, **read_files(path, skip=(EXPECT_FILE,))}
        _check_files(f"{folder.name}/{kind}/{path.name}/", files_here, expected, problems)
        found.append((path, files_here))
    return found


def _check_also_right(folder: Path, also_right: list[KnownSolution], base: dict[str, bytes],
                      problems: list[FormatProblem]) -> None:
    for other in also_right:
        where = f"{folder.name}/{other.folder}/"
        if (folder / other.folder / EXPECT_FILE).exists():
            problems.append(FormatProblem(where + EXPECT_FILE, "", "is not read here: an "
                                          "also-right solution must score 100 %.",
                                          "Remove it, or move the folder to wrong/ if it is a "
                                          "mistake."))
        elif base and other.files == base:
            problems.append(FormatProblem(where, "", "is the same as solution/.",
                                          "Write another correct way to solve it (e.g. a loop "
                                          "instead of recursion), or remove the folder."))


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
