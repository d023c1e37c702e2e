"""The questionnaire as data: loading and checking ``data/questionnaire.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from assessor.domain.vocabulary import LOCALES

DATA_FILE = Path(__file__).resolve().parent / "data" / "questionnaire.toml"
PARTS = ("self_report", "knowledge")
KINDS = ("single", "multiple", "text")
MAX_TEXT_ANSWER = 200

#: How long an item takes, estimated on the slow side: reading at 100 words a minute (under half
#: a typical adult's pace, for careful readers and readers of Swedish as a second language),
#: 10 seconds to trace each line of code in one's head, and the time to answer (clicking, or
#: typing) and to move on to the next page.
SECONDS_PER_WORD = 0.6
SECONDS_PER_CODE_LINE = 10
SECONDS_TO_ANSWER = {"single": 10, "multiple": 15, "text": 20}


class QuestionnaireError(ValueError):
    """The questionnaire file is malformed; the message names the item and the field."""


@dataclass(frozen=True)
class Option:
    """One answer option with its texts and, for self-report, what it claims or signals."""

    id: str
    text: dict[str, str]
    claim: int = 0
    signals: tuple[str, ...] = ()
    claim_phrase: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Item:
    """One question. Knowledge items know their right answer; self-report items do not."""

    id: str
    part: str
    kind: str
    text: dict[str, str]
    options: tuple[Option, ...] = ()
    #: the code shown, per language: the same program, its printed words translated
    code: dict[str, str] = field(default_factory=dict)
    correct: tuple[str, ...] = ()  #: option ids (single, multiple)
    accept: tuple[str, ...] = ()  #: accepted answers (text)

    def code_in(self, locale: str) -> str:
        """The code the question shows in ``locale`` (empty when it shows none)."""
        return self.code.get(locale, "")

    def option(self, option_id: str) -> Option | None:
        """The option with this id, or None."""
        return next((o for o in self.options if o.id == option_id), None)

    def right_answer(self) -> str | list[str] | None:
        """The right answer as the CLI and answer files spell it (None for self-report)."""
        if self.part != "knowledge":
            return None
        if self.kind == "single":
            return self.correct[0]
        if self.kind == "multiple":
            return sorted(self.correct)
        return self.accept[0]

    def estimated_seconds(self, locale: str = "sv") -> float:
        """How long the item takes to read, think through and answer (see SECONDS_PER_WORD)."""
        words = len(self.text[locale].split()) + sum(len(o.text[locale].split())
                                                     for o in self.options)
        code_lines = sum(1 for line in self.code_in(locale).splitlines() if line.strip())
        return (words * SECONDS_PER_WORD + code_lines * SECONDS_PER_CODE_LINE
                + SECONDS_TO_ANSWER[self.kind])


@dataclass(frozen=True)
class Cutoffs:
    """How many knowledge items right decide the outcome (tuned for the items they count)."""

    programmer_at_least: int  #: this many right or more: likely programmer
    superuser_at_most: int  #: this many right or fewer (with claims or interests): superuser


@dataclass(frozen=True)
class Questionnaire:
    """All items in order, the cut-offs of the knowledge score, and the reason texts."""

    version: str
    items: tuple[Item, ...]
    reasons: dict[str, dict[str, str]]
    cutoffs: Cutoffs

    def item(self, item_id: str) -> Item | None:
        """The item with this id, or None."""
        return next((i for i in self.items if i.id == item_id), None)

    def part(self, part: str) -> list[Item]:
        """The items of one part, in order."""
        return [i for i in self.items if i.part == part]

    def estimated_minutes(self, locale: str = "sv") -> float:
        """How long the whole questionnaire takes, by the estimate of each item."""
        return sum(i.estimated_seconds(locale) for i in self.items) / 60


@cache
def load_questionnaire(path: Path = DATA_FILE) -> Questionnaire:
    """Read and check the questionnaire file (cached)."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise QuestionnaireError(f"{path}: cannot be read as TOML: {error}") from None
    items = tuple(_item(raw_item, n) for n, raw_item in enumerate(raw.get("items", []), 1))
    ids = [i.id for i in items]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise QuestionnaireError(f"{path}: item ids must be unique; repeated: {duplicates}")
    knowledge = sum(1 for i in items if i.part == "knowledge")
    return Questionnaire(version=str(raw.get("version", "")), items=items,
                         reasons=raw.get("reasons", {}),
                         cutoffs=_cutoffs(raw.get("scoring"), knowledge, path))


def _cutoffs(raw: object, knowledge: int, path: Path) -> Cutoffs:
    keys = ("programmer_at_least", "superuser_at_most")
    if not isinstance(raw, dict) or not all(type(raw.get(k)) is int for k in keys):
        raise QuestionnaireError(f"{path}: [scoring] needs whole numbers {' and '.join(keys)}")
    cutoffs = Cutoffs(raw["programmer_at_least"], raw["superuser_at_most"])
    if not 0 <= cutoffs.superuser_at_most < cutoffs.programmer_at_least <= knowledge:
        raise QuestionnaireError(
            f"{path}: [scoring] needs 0 <= superuser_at_most < programmer_at_least <= "
            f"{knowledge} (the number of knowledge items)")
    return cutoffs


def _item(raw: dict, number: int) -> Item:
    where = f"item {number} ({raw.get('id', 'no id')})"
    for key in ("id", "part", "kind", "text"):
        if key not in raw:
            raise QuestionnaireError(f"{where}: missing field '{key}'")
    if raw["part"] not in PARTS or raw["kind"] not in KINDS:
        raise QuestionnaireError(f"{where}: part must be one of {PARTS}, kind one of {KINDS}")
    _require_languages(raw["text"], f"{where}: text")
    options = tuple(_option(o, where) for o in raw.get("options", []))
    correct = raw.get("correct", ())
    item = Item(id=raw["id"], part=raw["part"], kind=raw["kind"], text=raw["text"],
                options=options, code=_code(raw.get("code", ""), where),
                correct=(correct,) if isinstance(correct, str) else tuple(correct),
                accept=tuple(raw.get("accept", ())))
    _check_answer_key(item, where)
    return item


def _code(raw: object, where: str) -> dict[str, str]:
    """``code = "..."`` shows the same code in every language; ``code.sv``/``code.en`` let
    the words a program prints be translated too."""
    if isinstance(raw, str):
        return {lang: raw.strip("\n") for lang in LOCALES} if raw.strip() else {}
    if not isinstance(raw, dict):
        raise QuestionnaireError(f"{where}: code must be a text or a table with sv and en")
    _require_languages(raw, f"{where}: code")
    return {lang: str(raw[lang]).strip("\n") for lang in LOCALES}


def _option(raw: dict, where: str) -> Option:
    if "id" not in raw:
        raise QuestionnaireError(f"{where}: an option has no 'id'")
    _require_languages(raw, f"{where}: option {raw['id']}")
    return Option(id=raw["id"], text={lang: raw[lang] for lang in LOCALES},
                  claim=int(raw.get("claim", 0)), signals=tuple(raw.get("signals", ())),
                  claim_phrase=raw.get("claim_phrase", {}))


def _require_languages(texts: dict, where: str) -> None:
    missing = [lang for lang in LOCALES if not texts.get(lang)]
    if missing:
        raise QuestionnaireError(f"{where}: write the text in {', '.join(missing)}")


def _check_answer_key(item: Item, where: str) -> None:
    if item.kind in ("single", "multiple") and not item.options:
        raise QuestionnaireError(f"{where}: a {item.kind} item needs 'options'")
    if item.part != "knowledge":
        return
    option_ids = {o.id for o in item.options}
    if item.kind == "text" and not item.accept:
        raise QuestionnaireError(f"{where}: a text knowledge item needs 'accept = [...]'")
    if item.kind != "text" and (not item.correct or not set(item.correct) <= option_ids):
        raise QuestionnaireError(
            f"{where}: 'correct' must name option ids from {sorted(option_ids)}")
    if item.kind == "single" and len(item.correct) != 1:
        raise QuestionnaireError(f"{where}: a single-choice item has exactly one 'correct' id")
