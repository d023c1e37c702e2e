"""A simulated panel of programmers and superusers answering the screening questionnaire.

The screening rule is tuned and checked on this panel (``tests/screening/test_simulation.py``,
``bench/screening.py``). No real panel has answered yet, so the response model is an
assumption, written down here so that it can be argued with and replaced by real figures:

- **Two groups.** Programmers write code of their own; superusers play games, build computers
  and help others with them, but write little or no code. ``programmer_share`` of the panel are
  programmers (half by default).
- **Knowing an item.** Each person has an ability θ ~ N(0, 1) within their group. The chance
  that they know knowledge item i is logistic(spread · θ + logit(p)), where p is the chance for a
  typical member of the group (``ITEM_MODELS``, per item and group) and ``spread`` says how much
  members differ: programmers 1.0 (from beginners to the experienced), superusers 0.5 (most have
  not read code). Given θ, items are independent of each other.
- **Answering.** Someone who knows an item answers it right. Someone who does not, guesses on a
  choice item: one option at random on a single-choice item (1 in 4 right), a random non-empty
  set of options on a multiple-choice item (1 in 15 right). On a typed code-reading item they
  type a wrong answer: a number or a name is seldom hit by chance, so there is no guessing.
  Everyone answers every item.
- **Self-report** is drawn at random, the same way in both groups: a single-choice item takes
  each option with equal chance, and each option of a multiple-choice item is ticked with
  chance 1/2 (an item left with none ticked is unanswered). It carries no signal, as in the
  panel of issue 11, so the rule is judged on what people show, not on what they claim.
- **Calibration.** With the eight knowledge items of questionnaire version 2026.1 and the rule
  of that version (6 or more of 8 right: programmer; 2 or fewer: superuser), this panel gives
  about what issue 11 reports: 32 % unclear at 1.2 % wrong, and 18 % unclear at 1.4 % wrong for
  the best rule on the same answers (issue: 31 % at 1.5 %, and 18.5 % at 1.4 %).

Rates count the whole panel: *wrong* is the share called the other group, *unclear* the share
not called. The **best rule possible** on the same answers (``optimal_rates``) knows this model
exactly: it works out each person's chance of being a programmer from which knowledge items they
got right, calls the group with the higher chance, and leaves the least sure people unclear.
Deciding the surest first is the least unclear any rule can be for a given share wrong (Chow's
rule, 1970). No real rule knows the model, so it is a bound, not a target.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from assessor.domain.screening.questionnaire import Cutoffs, Item, Questionnaire
from assessor.domain.screening.scoring import Answer, is_correct, normalise_answer, screen

GROUPS = ("programmer", "superuser")
#: what someone who does not know a typed item writes (any wrong answer scores the same)
WRONG_TYPED_ANSWER = "vet inte"


@dataclass(frozen=True)
class ItemModel:
    """The chance that a typical programmer and a typical superuser know one knowledge item."""

    programmer: float
    superuser: float


#: Per knowledge item, why the two chances differ: superusers often know what a variable is, that
#: SQL and HTML are languages and how an if reads in plain words; they seldom know that lists
#: count from 0, what // does, or how to trace a loop or a function.
ITEM_MODELS: dict[str, ItemModel] = {
    "kn_print_loop": ItemModel(0.92, 0.20),  # a for loop over range(1, 4)
    "kn_condition": ItemModel(0.95, 0.36),  # if / elif reads almost like words
    "kn_list_index": ItemModel(0.90, 0.12),  # lists count from 0; typed
    "kn_bug": ItemModel(0.80, 0.16),  # order of operations in a return
    "kn_function": ItemModel(0.88, 0.16),  # a call inside a call; typed
    "kn_purpose": ItemModel(0.85, 0.25),  # what a loop with a running maximum gives back
    "kn_concept_variable": ItemModel(0.97, 0.48),  # a concept many have heard of
    "kn_while": ItemModel(0.75, 0.06),  # while with integer division; typed
    "kn_count_if": ItemModel(0.80, 0.08),  # counting in a loop with a condition; typed
    "kn_html_sql": ItemModel(0.85, 0.36),  # known names, but all and only the right two
}

#: the knowledge items of questionnaire version 2026.1, on which issue 11 measured the old rule
OLD_ITEMS = ("kn_print_loop", "kn_condition", "kn_list_index", "kn_bug", "kn_function",
             "kn_concept_variable", "kn_while", "kn_html_sql")

#: nodes and weights for integrating over θ ~ N(0, 1) (Gauss-Hermite, probabilists' form)
_NODES, _WEIGHTS = np.polynomial.hermite_e.hermegauss(41)
_WEIGHTS = _WEIGHTS / _WEIGHTS.sum()


@dataclass(frozen=True)
class PanelModel:
    """The assumptions of one simulated panel (see the module docstring)."""

    programmer_share: float = 0.5
    spread: Mapping[str, float] = field(
        default_factory=lambda: {"programmer": 1.0, "superuser": 0.5})
    items: Mapping[str, ItemModel] = field(default_factory=lambda: ITEM_MODELS)

    def know(self, item: Item, group: str) -> float:
        """The chance that a typical member of ``group`` knows ``item``."""
        model = self.items.get(item.id)
        if model is None:
            raise ValueError(f"no response model for knowledge item {item.id!r}: add it to "
                             "ITEM_MODELS in assessor/domain/screening/simulation.py")
        return getattr(model, group)


@dataclass(frozen=True)
class Member:
    """One simulated person: the group they belong to and their answers."""

    group: str
    answers: dict[str, Answer]


@dataclass(frozen=True)
class Rates:
    """How a rule did on a panel, as shares of the whole panel unless said otherwise."""

    wrong: float
    unclear: float
    programmers_right: float  #: of the programmers it decided on, the share called programmer
    superusers_right: float  #: of the superusers it decided on, the share called superuser


def old_rule(questionnaire: Questionnaire) -> Questionnaire:
    """The questionnaire as version 2026.1 scored it: its eight knowledge items, 6 or more
    right for a programmer and 2 or fewer for a superuser (70 % and 35 % of the items)."""
    items = tuple(i for i in questionnaire.items if i.part != "knowledge" or i.id in OLD_ITEMS)
    return dataclasses.replace(questionnaire, items=items, cutoffs=Cutoffs(6, 2))


def simulate_panel(questionnaire: Questionnaire, size: int, seed: int,
                   model: PanelModel | None = None) -> list[Member]:
    """``size`` people answering ``questionnaire`` under ``model``; one seed, one panel."""
    model = model or PanelModel()
    rng = np.random.default_rng(seed)
    groups = np.where(rng.random(size) < model.programmer_share, *GROUPS)
    theta = rng.standard_normal(size)
    answers: list[dict[str, Answer]] = [{} for _ in range(size)]
    for item in questionnaire.items:
        column = (_knowledge_answers(item, groups, theta, model, rng)
                  if item.part == "knowledge" else _random_answers(item, size, rng))
        for person, answer in zip(answers, column, strict=True):
            if answer not in (None, []):
                person[item.id] = normalise_answer(item, answer)
    return [Member(str(g), a) for g, a in zip(groups, answers, strict=True)]


def _knowledge_answers(item: Item, groups: np.ndarray, theta: np.ndarray, model: PanelModel,
                       rng: np.random.Generator) -> list[Answer]:
    """One item's answers: right when known, else a guess (choice) or a wrong answer (typed)."""
    chance = np.zeros(len(groups))
    for group in GROUPS:
        here = groups == group
        chance[here] = _logistic(model.spread[group] * theta[here]
                                 + _logit(model.know(item, group)))
    knows = rng.random(len(groups)) < chance
    guesses = (_random_answers(item, len(groups), rng, non_empty=True) if item.options
               else [WRONG_TYPED_ANSWER] * len(groups))
    return [item.right_answer() if k else g for k, g in zip(knows, guesses, strict=True)]


def _random_answers(item: Item, size: int, rng: np.random.Generator,
                    non_empty: bool = False) -> list[Answer | None]:
    """Options drawn at random: one for a single-choice item, each with chance 1/2 otherwise."""
    ids = [o.id for o in item.options]
    if item.kind == "single":
        return [ids[i] for i in rng.integers(len(ids), size=size)]
    if item.kind == "text":
        return [None] * size
    # a uniform draw from 1 .. 2^n - 1 is a uniformly random non-empty set of options
    masks = rng.integers(1 if non_empty else 0, 2 ** len(ids), size=size)
    return [[o for bit, o in enumerate(ids) if mask >> bit & 1] for mask in masks]


def _logistic(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def rates(panel: Sequence[Member], outcomes: Sequence[str]) -> Rates:
    """Wrong and unclear shares of the panel for one outcome per member, and per group the share
    of decided members called right."""
    counts = Counter(zip((m.group for m in panel), outcomes, strict=True))
    wrong = counts["programmer", "superuser"] + counts["superuser", "programmer"]
    unclear = sum(counts[g, "unclear"] for g in GROUPS)
    return Rates(wrong / len(panel), unclear / len(panel),
                 *(_share_right(counts, group) for group in GROUPS))


def _share_right(counts: Counter, group: str) -> float:
    decided = sum(counts[group, g] for g in GROUPS)
    return counts[group, group] / decided if decided else 0.0


def rule_rates(questionnaire: Questionnaire, panel: Sequence[Member]) -> Rates:
    """How the screening rule, with ``questionnaire``'s items and cut-offs, does on the panel."""
    return rates(panel, [screen(questionnaire, m.answers).outcome for m in panel])


def chance_programmer(questionnaire: Questionnaire, panel: Sequence[Member],
                      model: PanelModel | None = None) -> np.ndarray:
    """Per member, the chance of being a programmer given which knowledge items they got right,
    under ``model`` with θ integrated out."""
    model = model or PanelModel()
    items = questionnaire.part("knowledge")
    right = np.array([[is_correct(i, m.answers.get(i.id)) for i in items] for m in panel],
                     dtype=float).reshape(len(panel), len(items))
    likelihood = {g: _likelihood(right, items, model, g) for g in GROUPS}
    programmer = model.programmer_share * likelihood["programmer"]
    return programmer / (programmer + (1 - model.programmer_share) * likelihood["superuser"])


def _likelihood(right: np.ndarray, items: list[Item], model: PanelModel,
                group: str) -> np.ndarray:
    """P(this pattern of right and wrong | group), integrated over θ at the quadrature nodes."""
    logits = np.array([_logit(model.know(i, group)) for i in items])
    guess = np.array([_guess(i) for i in items])
    knows = _logistic(model.spread[group] * _NODES[:, None] + logits[None, :])
    p_right = knows + (1 - knows) * guess  # nodes x items
    log_lik = right @ np.log(p_right).T + (1 - right) @ np.log(1 - p_right).T
    return np.exp(log_lik) @ _WEIGHTS


def _guess(item: Item) -> float:
    """The chance of hitting the right answer without knowing it."""
    if item.kind == "single":
        return 1 / len(item.options)
    if item.kind == "multiple":
        return 1 / (2 ** len(item.options) - 1)
    return 0.0


def optimal_rates(questionnaire: Questionnaire, panel: Sequence[Member], max_wrong: float,
                  model: PanelModel | None = None) -> Rates:
    """The best rule possible on the panel's answers (Chow's rule) with at most ``max_wrong``
    of the panel wrong: the surest members are called first, the rest are unclear."""
    chance = chance_programmer(questionnaire, panel, model)
    calls = np.where(chance >= 0.5, *GROUPS)
    # rounded, so that members with the same answers are equally sure to the last digit
    sureness = np.round(np.maximum(chance, 1 - chance), 12)
    is_wrong = calls != np.array([m.group for m in panel])
    order = np.argsort(-sureness, kind="stable")
    wrong_so_far = np.cumsum(is_wrong[order])
    # members equally sure are called together, so cut only where sureness changes
    cuts = np.flatnonzero(np.diff(sureness[order], append=-1.0) != 0) + 1
    allowed = cuts[wrong_so_far[cuts - 1] <= max_wrong * len(panel)]
    decided = allowed[-1] if len(allowed) else 0
    outcomes = np.full(len(panel), "unclear", dtype=object)
    outcomes[order[:decided]] = calls[order[:decided]]
    return rates(panel, list(outcomes))
