"""Answers typed into form fields (addressing tasks, choice items) rather than files.

A submission is ``{field: text}``. From the command line and in ``solution/`` folders the
same answers live in one ``answers.toml`` file, which is read into that mapping.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping

from assessor.domain.challenges.model import TestCase
from assessor.domain.grading.base import Context, NotGradable
from assessor.domain.grading.messages import sentence

ANSWERS_FILE = "answers.toml"
MAX_ANSWER = 2000


def answers(ctx: Context) -> dict[str, str]:
    """The candidate's answers by field name, as text (lists become comma-separated)."""
    files: Mapping[str, bytes] = ctx.files
    if ANSWERS_FILE in files and not any(t.name == ANSWERS_FILE for t in ctx.tests):
        files = _read_answers_file(ctx, files[ANSWERS_FILE])
    result = {}
    for name, value in files.items():
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        result[str(name)] = str(value)[:MAX_ANSWER]
    return result


def _read_answers_file(ctx: Context, content: bytes) -> dict:
    try:
        return tomllib.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as error:
        # RecursionError's own text is Python's; the nesting itself is the clearest detail
        detail = "[[[…" if isinstance(error, RecursionError) else str(error)
        raise NotGradable(ctx.msg("syntax_error", name=ANSWERS_FILE, line="?",
                                  detail=sentence(detail))) from None


def label_of(test: TestCase, locale: str) -> str:
    """The label of a test's form field in ``locale`` (Swedish, else the field's name)."""
    label = test.get("label") or {}
    if not isinstance(label, dict):
        return str(label)
    return str(label.get(locale) or label.get("sv") or test.get("field", test.name))

