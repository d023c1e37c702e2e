"""What the ability model needs to know about an item, and how raw results become categories.

Kinds of item:

* ``challenge`` — a graded programming task, one Partial Credit item scored 0…max_score from
  the share of hidden tests passed (see :data:`CHALLENGE_BANDS`);
* ``choice`` — a multiple-choice knowledge item, right/wrong, with a guessing floor
  c = 1/options (4 options unless stated);
* ``code_reading`` — a typed-answer knowledge item ("what does this print?"), right/wrong,
  with no guessing floor unless it offers options.

Score bands for a challenge scored 0–3, by the share of its hidden tests passed:

====  ======================  ==============================================
 0     less than 25 %          nothing runs, or almost nothing works
 1     25 % up to 60 %         runs and solves part of the task
 2     60 % up to 100 %        most of the task, some cases still fail
 3     100 %                   every test passes, edge cases included
====  ======================  ==============================================

A challenge with another max_score m uses equal bands k/m, the top category again only at 100 %.

A challenge graded by the ``choice`` grader (questions with answers to pick or type, no code to
run) is a knowledge item, not a task with partial credit: it is right (1) only when every
question is answered right, else wrong (0). Its guessing floor is the chance of a blind guess
getting every question right — one way in n for a single choice among n options, one in
2ⁿ − 1 for a multiple choice — so its kind is ``choice`` with that many options. When a
question wants a typed answer, blind guessing cannot succeed: the kind is ``code_reading``,
right/wrong without a floor (:func:`challenge_meta`, :func:`guess_options`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from assessor.domain.ability.model import ItemParams
from assessor.domain.vocabulary import (
    GRADES as GRADES,  # the grade steps, kept importable from here
)

KINDS = ("challenge", "choice", "code_reading")
#: lower bounds of categories 1..3 of a challenge scored 0–3 (share of hidden tests passed)
CHALLENGE_BANDS = (0.25, 0.6, 1.0)
CHALLENGE_MAX_SCORE = len(CHALLENGE_BANDS)
DEFAULT_OPTIONS = 4
#: an author's difficulty on 0…1 (``challenge.toml``) spans this many logits, centred on 0.5
AUTHOR_SCALE_SPAN = 4.0
_FULL = 1.0 - 1e-9  # "all tests passed", forgiving float noise


class ItemError(ValueError):
    """Item metadata or a response that the model cannot use."""


@dataclass(frozen=True)
class ItemMeta:
    """An item as authored: where it belongs and what its author thinks of its difficulty."""

    id: str
    area: str  #: "programmering", "webb", "natverk", "databas"
    course: str  #: e.g. "Programmering 1"
    level: str  #: grade step "E", "C" or "A"
    max_score: int = 1  #: 1 for right/wrong items; a challenge is usually 3
    difficulty: float = 0.0  #: the author's difficulty prior, in logits
    kind: str = "code_reading"
    prior_sd: float = 1.0  #: 0.5 when the author is sure, 1.0 by default
    options: int | None = None  #: answer options of a choice item

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ItemError(f"item {self.id}: unknown kind {self.kind!r}")
        if self.max_score < 1:
            raise ItemError(f"item {self.id}: max_score must be at least 1")
        if self.kind != "challenge" and self.max_score != 1:
            raise ItemError(f"item {self.id}: a {self.kind} item is right/wrong (max_score 1)")
        if self.prior_sd <= 0:
            raise ItemError(f"item {self.id}: prior_sd must be positive")

    @property
    def guessing(self) -> float:
        """The lower asymptote c: 1/options for choice items, else 0 unless options are given."""
        if self.max_score != 1:
            return 0.0
        if self.kind == "choice":
            return 1.0 / (self.options or DEFAULT_OPTIONS)
        return 1.0 / self.options if self.options else 0.0


@dataclass(frozen=True)
class Response:
    """One scored attempt: the category 0…max_score an item was scored in."""

    item_id: str
    score: int


@dataclass(frozen=True)
class BankItem:
    """An item in a bank: its metadata, its parameters and how many responses fitted them."""

    meta: ItemMeta
    params: ItemParams
    n_responses: int = 0

    @property
    def id(self) -> str:
        """The item id."""
        return self.meta.id


def prior_thresholds(meta: ItemMeta) -> tuple[float, ...]:
    """Thresholds from the author's difficulty: evenly spaced steps −1…+1 around it."""
    if meta.max_score == 1:
        return (meta.difficulty,)
    steps = [-1.0 + 2.0 * j / (meta.max_score - 1) for j in range(meta.max_score)]
    return tuple(meta.difficulty + step for step in steps)


def prior_params(meta: ItemMeta) -> ItemParams:
    """The item's parameters before any data: the author's prior."""
    return ItemParams(meta.id, prior_thresholds(meta), meta.guessing)


def author_difficulty_logits(difficulty: float) -> float:
    """An author's 0…1 difficulty as a logit prior: 0 → −2, 0.5 → 0, 1 → +2 (the research's
    five-step author scale, made continuous)."""
    return AUTHOR_SCALE_SPAN * (float(difficulty) - 0.5)


def guess_options(tests: Iterable[Any]) -> int | None:
    """In how many equally likely ways a blind guess can answer every question of a ``choice``
    challenge (one of them right); None when a question wants a typed answer."""
    ways = 1
    for test in tests:
        kind = test.get("kind", "single")
        count = len(test.get("options") or ())
        if kind == "short" or count < 2:
            return None
        ways *= count if kind == "single" else 2 ** count - 1
    return ways


def challenge_meta(challenge: Any, max_score: int = CHALLENGE_MAX_SCORE) -> ItemMeta:
    """Metadata for a loaded challenge: anything with ``id``, ``area``, ``course``, ``level``
    and a 0…1 ``difficulty`` (as :class:`assessor.domain.challenges.model.Challenge` has).

    A challenge whose ``grader`` is ``choice`` becomes a right/wrong item (see the module
    docstring); any other is a Partial Credit item scored 0…``max_score``.
    """
    kind, options = "challenge", None
    if getattr(challenge, "grader", None) == "choice":
        options = guess_options(getattr(challenge, "tests", ()))
        kind, max_score = ("choice" if options else "code_reading"), 1
    return ItemMeta(str(challenge.id), str(challenge.area), str(challenge.course),
                    str(challenge.level), max_score,
                    author_difficulty_logits(challenge.difficulty), kind, options=options)


def category_for(meta: ItemMeta, fraction: float) -> int:
    """The category an attempt with this share of tests passed scores on the item: 0…3 by
    the bands for a challenge, 1 (all right) or 0 for a right/wrong item."""
    return category_from_fraction(fraction, meta.max_score)


def category_from_fraction(fraction: float, max_score: int = CHALLENGE_MAX_SCORE) -> int:
    """The score category for the share of hidden tests passed (0.0–1.0)."""
    if not 0.0 <= fraction <= 1.0:
        raise ItemError(f"a share of tests passed must be between 0 and 1, not {fraction}")
    if fraction >= _FULL:
        return max_score
    bounds = CHALLENGE_BANDS[:-1] if max_score == CHALLENGE_MAX_SCORE else [k / max_score
                                                           for k in range(1, max_score)]
    return sum(fraction >= bound for bound in bounds)
