"""Screening: from answers to an outcome with reasons in plain words.

Knowledge items decide how much a person *showed*; self-report only says what they *claim* and
never raises the knowledge score. The gap between the two is itself a reason. The rule counts
the knowledge items answered right, so "7 av 10 rätt" says all there is to the outcome; the two
cut-offs live beside the items in the questionnaire file (``[scoring]``):

- at least ``programmer_at_least`` right: likely programmer;
- at most ``superuser_at_most`` right while claiming programming or telling of computer
  interests (games, PC building, helping others): likely superuser;
- fewer than half the knowledge items answered, or anything in between: unclear.

The cut-offs are tuned on a simulated panel (``domain.screening.simulation``): at most 3 % of
its people get a wrong call and at most 20 % an unclear one, close to the best rule possible on
the same answers. A plain count gives up a little against that best rule, which weighs each item
by how well it separates; in exchange a caseworker can check the outcome by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assessor.domain.screening.questionnaire import MAX_TEXT_ANSWER, Cutoffs, Item, Questionnaire

SOME_CLAIM = 2  #: claim points from self-report that count as claiming to program
OUTCOMES = ("programmer", "superuser", "unclear")

Answer = str | list[str]


class AnswerError(ValueError):
    """An answer that does not fit its item (unknown option, wrong type, too long)."""


@dataclass(frozen=True)
class Reason:
    """One reason, rendered from the questionnaire's reason texts in either language."""

    key: str
    params: dict[str, object] = field(default_factory=dict)

    def text(self, questionnaire: Questionnaire, locale: str = "sv") -> str:
        """The reason in plain words in ``locale``."""
        template = questionnaire.reasons[self.key][locale]
        params = {k: (v[locale] if isinstance(v, dict) else v) for k, v in self.params.items()}
        return template.format(**params)


@dataclass(frozen=True)
class ScreeningResult:
    """The outcome, why, and what it rests on."""

    outcome: str
    reasons: tuple[Reason, ...]
    correct: int
    total: int
    answered: int
    claim_points: int
    superuser_signals: bool

    def to_dict(self, questionnaire: Questionnaire, locale: str = "sv") -> dict:
        """The result as ``kodprov screen --json`` prints it."""
        return {
            "outcome": self.outcome,
            "reasons": [r.text(questionnaire, locale) for r in self.reasons],
            "knowledge": {"correct": self.correct, "total": self.total},
        }


def normalise_answer(item: Item, value: object) -> Answer:
    """Check an answer against its item and return it in canonical form, or raise AnswerError."""
    option_ids = {o.id for o in item.options}
    if item.kind == "text":
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise AnswerError(f"{item.id}: write the answer as text")
        text = str(value).strip()
        if len(text) > MAX_TEXT_ANSWER:
            raise AnswerError(f"{item.id}: the answer is longer than {MAX_TEXT_ANSWER} characters")
        return text
    if item.kind == "single":
        if not isinstance(value, str) or value not in option_ids:
            raise AnswerError(f"{item.id}: choose one of {sorted(option_ids)}")
        return value
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values) \
            or not set(values) <= option_ids:
        raise AnswerError(f"{item.id}: choose any of {sorted(option_ids)}")
    return sorted(set(values))


def is_correct(item: Item, answer: Answer | None) -> bool:
    """Whether a knowledge item's answer is right (an unanswered item is not)."""
    if answer is None or answer in ("", []):
        return False
    if item.kind == "single":
        return answer == item.correct[0]
    if item.kind == "multiple":
        return set(answer) == set(item.correct)
    return _comparable(str(answer)) in {_comparable(a) for a in item.accept}


def _comparable(text: str) -> str:
    return re.sub(r"\s+", "", text.strip().strip("\"'").casefold())


def screen(questionnaire: Questionnaire, answers: dict[str, Answer]) -> ScreeningResult:
    """Screen one person's answers (already normalised; unknown item ids are ignored)."""
    knowledge = questionnaire.part("knowledge")
    answered = [i for i in knowledge if answers.get(i.id) not in (None, "", [])]
    correct = sum(is_correct(i, answers.get(i.id)) for i in knowledge)
    chosen = _chosen_options(questionnaire, answers)
    claim_points = sum(o.claim for o in chosen)
    phrases = [o.claim_phrase for o in chosen if o.claim_phrase]
    signals = any("superuser" in o.signals for o in chosen)
    outcome, keys = _decide(questionnaire.cutoffs, correct, len(answered), len(knowledge),
                            claim_points, signals)
    params = {"correct": correct, "total": len(knowledge), "answered": len(answered)}
    reasons = [Reason("claims", {"claims": p}) for p in phrases if "claims" in keys]
    reasons += [Reason(k, params) for k in keys if k != "claims"]
    return ScreeningResult(outcome, tuple(reasons), correct, len(knowledge), len(answered),
                           claim_points, signals)


def _chosen_options(questionnaire: Questionnaire, answers: dict[str, Answer]) -> list:
    chosen = []
    for item in questionnaire.part("self_report"):
        value = answers.get(item.id)
        for option_id in [value] if isinstance(value, str) else value or []:
            option = item.option(option_id)
            if option is not None:
                chosen.append(option)
    return chosen


def _decide(cutoffs: Cutoffs, correct: int, answered: int, total: int, claims: int,
            signals: bool) -> tuple[str, list[str]]:
    """The outcome and the reason keys, in the order a reader should see them."""
    claiming = claims >= SOME_CLAIM
    if answered * 2 < total:
        return "unclear", ["claims", "unfinished"]
    if correct >= cutoffs.programmer_at_least:
        return "programmer", ["claims", "knowledge"]
    if correct <= cutoffs.superuser_at_most and (claiming or signals):
        keys = ["claims", "knowledge"]
        keys += ["gap"] if claiming else []
        keys += ["superuser_signals"] if signals else []
        return "superuser", keys
    if correct <= cutoffs.superuser_at_most:
        return "unclear", ["no_claims", "knowledge"]
    return "unclear", ["claims", "knowledge", "middle"]
