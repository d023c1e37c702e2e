"""Challenges answered in a form (network addressing): fields in, ``answers.toml`` out."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass

from assessor.domain.grading import get_grader
from assessor.domain.grading.forms import label_of

FIELD_PREFIX = "answer:"
MAX_ANSWER = 200


@dataclass(frozen=True)
class AnswerField:
    """One input: the field name, its label in the page's language, and its kind."""

    name: str
    label: str
    kind: str


def is_form(challenge) -> bool:
    """Whether the challenge is answered in a form rather than with code (its grader says)."""
    return get_grader(challenge.grader).answered_in_form(challenge.options)


def answer_fields(variant, locale: str) -> list[AnswerField]:
    """The form's inputs, in test order (one per answer field)."""
    fields: dict[str, AnswerField] = {}
    for test in variant.tests:
        name = test.get("field")
        if name and name not in fields:
            fields[name] = AnswerField(name, label_of(test, locale), str(test.get("type", "text")))
    return list(fields.values())


def answers_to_toml(values: dict[str, str]) -> str:
    """The answers file the network grader reads (TOML basic strings, one per line)."""
    lines = [f"{name} = {json.dumps(value.strip()[:MAX_ANSWER], ensure_ascii=False)}"
             for name, value in values.items()]
    return "\n".join(lines) + ("\n" if lines else "")


def toml_to_answers(text: str) -> dict[str, str]:
    """The answers in a saved draft (an unreadable draft gives empty fields)."""
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str | int | float)}


def answers_from_form(form, fields: list[AnswerField]) -> dict[str, str]:
    """The submitted values for ``fields`` from a request form."""
    return {field.name: form.get(FIELD_PREFIX + field.name, "") for field in fields}
