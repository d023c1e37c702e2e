"""Loading challenge folders (``challenges/<slug>/``) into ``Challenge`` objects.

Every problem is collected with file, field and a hint, so an author sees all of them at once.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

from assessor.domain.challenges.fields import Fields
from assessor.domain.challenges.model import Challenge, Generator, TestCase, Visibility
from assessor.domain.challenges.files import read_files
from assessor.domain.challenges.problems import FormatProblem
from assessor.domain.challenges.solutions import read_known_solutions
from assessor.domain.vocabulary import COURSES, GRADER_KINDS, GRADES, LANGUAGE_NAMES, LOCALES, Area
from sandbox.spec import MAXIMA, Limits

log = logging.getLogger(__name__)
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{2,60}$")
DATASETS_DIR = "_datasets"
LANGUAGES = ("python", "sql", "html", "text")


def read_format(folder: Path) -> tuple[Challenge | None, list[FormatProblem]]:
    """The challenge in ``folder`` (None when unreadable) and every problem with its format.
    Checks that need a grader run on top of this (``challenge_bank.read_challenge``)."""
    problems: list[FormatProblem] = []
    if not folder.is_dir():
        return None, [FormatProblem(str(folder), "", "is not a folder.",
                                    "Give a challenge folder or a slug from the bank.")]
    data = _read_toml(folder, "challenge.toml", problems)
    if data is None:
        return None, problems
    return _build(folder, data, problems), problems


def _read_toml(folder: Path, name: str, problems: list[FormatProblem]) -> dict | None:
    where = f"{folder.name}/{name}"
    try:
        return tomllib.loads((folder / name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(FormatProblem(where, "", "is missing.",
                                      "Copy challenge.toml from a challenge of the same kind."))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        problems.append(FormatProblem(where, "", f"is not valid TOML ({error}).",
                                      "Check quotes, brackets and commas on that line."))
    return None


def _build(folder: Path, data: dict, problems: list[FormatProblem]) -> Challenge | None:
    fields = Fields(data, f"{folder.name}/challenge.toml", "", problems)
    meta = _meta(fields, folder)
    tests = _tests(fields)
    kind = meta["grader"] or ""
    options = fields.get(kind, dict, default={}) if kind else {}
    fields.finish()
    descriptions = _descriptions(folder, problems)
    files = read_files(folder / "starter")
    datas = _data(folder, meta.pop("datasets"), problems)
    solution, also_right, wrongs = read_known_solutions(folder, meta["files"],
                                                        {t.name for t in tests}, problems)
    generator = _generator(folder, problems)
    if problems or solution is None:
        return None
    return Challenge(**meta, tests=tuple(tests), options=options, descriptions=descriptions,
                     starter=files, data=datas, solution=solution, wrongs=tuple(wrongs),
                     also_right=tuple(also_right), path=folder, generator=generator)


def _meta(fields: Fields, folder: Path) -> dict[str, Any]:
    slug = fields.get("id", str, required=True, example=f'id = "{folder.name}"')
    if slug is not None and slug != folder.name:
        fields.problem("id", f"{slug!r} differs from the folder name.",
                       f'Write id = "{folder.name}", or rename the folder.')
    if not SLUG.match(folder.name):
        fields.problem("id", f"the folder name {folder.name!r} is not a slug.",
                       "Use lower-case letters, digits and dashes, e.g. p1-summa-tal.")
    version = fields.get("version", str, required=True, example='version = "1"')
    title = fields.table("title", required=True)
    skill = fields.table("skill")
    if not fields.has("skill"):
        fields.problem("skill", "is missing.",
                       'Add a [skill] table with sv = "loopar och villkor" and en = "loops and '
                       'conditions": the skill the task shows, which the report names.')
    meta = {
        "id": slug or folder.name, "version": version or "",
        "area": fields.choice("area", tuple(a.value for a in Area), required=True),
        "course": fields.choice("course", COURSES, required=True),
        "level": fields.choice("level", GRADES, required=True),
        "difficulty": fields.number("difficulty", minimum=0, maximum=1, required=True,
                                    example="difficulty = 0.3"),
        "grader": fields.choice("grader", GRADER_KINDS, required=True),
        "language": fields.choice("language", LANGUAGES, default="python"),
        "files": tuple(fields.strings("files", required=True, example='files = ["main.py"]')),
        "skills": tuple(fields.strings("skills")),
        "minutes": fields.get("minutes", int),
        "title": _texts(title, {"sv": "Tick och Tack", "en": "Tick and Tack"}),
        "skill": _texts(skill, {"sv": "loopar och villkor", "en": "loops and conditions"}),
        "limits": _limits(fields.table("limits")),
        "datasets": fields.strings("datasets", example='datasets = ["butik"]'),
    }
    title.finish()
    skill.finish()
    meta["area"] = Area(meta["area"]) if meta["area"] else Area.PROGRAMMERING
    if not meta["files"]:
        fields.problem("files", "lists no files.", 'Write, for example: files = ["main.py"]')
    return meta


def _texts(table: Fields, examples: dict[str, str]) -> dict[str, str]:
    """One required, non-empty text per locale (``[title]``, ``[skill]``)."""
    texts = {}
    if not table.data:  # the missing table is the one problem to report
        return dict.fromkeys(LOCALES, "")
    for locale in LOCALES:
        example = f'{locale} = "{examples.get(locale, "...")}"'
        text = table.get(locale, str, required=True, example=example)
        if text is not None and not text.strip():
            table.problem(locale, "is empty.", f"Write, for example: {example}")
        texts[locale] = (text or "").strip()
    return texts


def _limits(table: Fields) -> Limits:
    values = {}
    for name in Limits.__dataclass_fields__:
        most = getattr(MAXIMA, name)
        kind = float if isinstance(most, float) else int
        value = table.get(name, kind)
        if value is not None and not 0 < value <= most:
            table.problem(name, f"{value} is outside the sandbox limits.",
                          f"Write a value above 0 and at most {most}.")
        elif value is not None:
            values[name] = kind(value)
    table.finish()
    return Limits(**values)


def _tests(fields: Fields) -> list[TestCase]:
    tests, names = [], set()
    for test in fields.tables("tests", required=True):
        name = test.get("name", str, required=True, example='name = "tom lista"')
        if name in names:
            test.problem("name", f"{name!r} is used by another test.",
                         "Give each test its own name.")
        names.add(name)
        points = test.number("points", minimum=0.01, maximum=100, default=1.0)
        visibility = test.choice("visibility", tuple(v.value for v in Visibility),
                                 default="candidate")
        spec = {k: v for k, v in test.data.items() if k not in ("name", "points", "visibility")}
        tests.append(TestCase(name or "?", float(points or 1), Visibility(visibility), spec))
    if not tests:
        fields.problem("tests", "there are no tests.", "Add at least one [[tests]] table.")
    return tests


def _descriptions(folder: Path, problems: list[FormatProblem]) -> dict[str, str]:
    descriptions = {}
    for locale, language in LANGUAGE_NAMES.items():
        name = f"description.{locale}.md"
        path = folder / name
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        if not text.strip():
            problems.append(FormatProblem(f"{folder.name}/{name}", "", "is missing or empty.",
                                          f"Write the statement in {language}: what to do, an "
                                          "example, how it is checked."))
        descriptions[locale] = text
    return descriptions



def _data(folder: Path, datasets: list[str], problems: list[FormatProblem]) -> dict[str, bytes]:
    data = {f"data/{name}": content for name, content in read_files(folder / "data").items()}
    for dataset in datasets:
        shared = folder.parent / DATASETS_DIR / dataset
        if not shared.is_dir():
            problems.append(FormatProblem(f"{folder.name}/challenge.toml", "datasets",
                                          f"there is no shared dataset {dataset!r}.",
                                          f"Create {DATASETS_DIR}/{dataset}/ in the bank, or "
                                          "put the files under data/."))
        data.update({f"{dataset}/{n}": c for n, c in read_files(shared).items()})
    return data


def _generator(folder: Path, problems: list[FormatProblem]) -> Generator | None:
    path = folder / "generate.py"
    if not path.is_file():
        return None
    where = f"{folder.name}/generate.py"
    try:
        spec = importlib.util.spec_from_file_location(
            f"kodprov_generate_{folder.name.replace('-', '_')}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    except Exception as error:  # an author's generator may fail in any way
        problems.append(FormatProblem(where, "", f"cannot be imported ({error}).",
                                      "Run it with python3 to see the error."))
        return None
    generate = getattr(module, "generate", None)
    if not callable(generate):
        problems.append(FormatProblem(where, "generate", "is missing.",
                                      "Define def generate(rng: random.Random) -> dict."))
        return None
    return generate
