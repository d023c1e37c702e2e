"""Choice items: single choice, multiple choice and short exact answers. No sandbox.

Used for concept questions in the bank and by the screening questionnaire, which can call
``judge_answer`` directly for one item.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

from assessor.domain.challenges.fields import Fields
from assessor.domain.challenges.model import TestCase
from assessor.domain.grading.base import Context, Grader
from assessor.domain.grading.forms import answers
from assessor.domain.grading.result import TestOutcome

KINDS = ("single", "multiple", "short")
_SPLIT = re.compile(r"[,;\s]+")


def chosen(text: str) -> frozenset[str]:
    """Option ids picked in ``text`` ("a, c" or "a c"), lower case."""
    return frozenset(part.lower() for part in _SPLIT.split(text.strip()) if part)


def _short(text: str, case_sensitive: bool) -> str:
    folded = " ".join(text.split())
    return folded if case_sensitive else folded.lower()


def judge_answer(item: Mapping[str, Any], answer: str) -> bool:
    """Whether ``answer`` is right for one item (``kind``, ``answer`` or ``accept``)."""
    kind = item.get("kind", "single")
    if kind == "short":
        sensitive = item.get("case_sensitive", False)
        return _short(answer, sensitive) in {_short(a, sensitive) for a in item["accept"]}
    want = item["answer"]
    want = frozenset(w.lower() for w in (want if isinstance(want, list) else [want]))
    return chosen(answer) == want


class ChoiceGrader(Grader):
    """Grades each item on the host; every item is one test."""

    kind: ClassVar[str] = "choice"
    sandboxed: ClassVar[bool] = False
    #: answered in ``answers.toml`` in the editor: the web has no form for choice items yet
    form: ClassVar[bool] = False

    def grade(self, ctx: Context) -> list[TestOutcome]:
        given = answers(ctx)
        return [self._one(ctx, test, given.get(test.name, "")) for test in ctx.tests]

    @staticmethod
    def _one(ctx: Context, test: TestCase, answer: str) -> TestOutcome:
        if not answer.strip():
            return ctx.failed(test, ctx.msg("choice_missing"), got="")
        if judge_answer(test.spec, answer):
            return ctx.passed(test, got=answer)
        return ctx.failed(test, ctx.msg("choice_wrong"), got=answer)

    def check_test(self, test: Fields, options: Fields) -> None:
        kind = test.choice("kind", KINDS, default="single")
        test.get("prompt", dict, required=True, example='prompt = { sv = "...", en = "..." }')
        test.get("code", str)
        items = test.get("options", list, required=kind != "short",
                         example='options = [{ id = "a", sv = "...", en = "..." }]')
        ids = {o.get("id") for o in items or [] if isinstance(o, dict)}
        if kind == "short":
            test.strings("accept", required=True, example='accept = ["42"]')
            test.get("case_sensitive", bool)
            return
        answer = test.get("answer", (str, list), required=True, example='answer = "b"')
        for picked in answer if isinstance(answer, list) else [answer] if answer else []:
            if picked not in ids:
                test.problem("answer", f"{picked!r} is not the id of an option.",
                             f"Write one of {', '.join(sorted(str(i) for i in ids))}.")
