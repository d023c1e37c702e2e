"""Messages shown with grading results, in Swedish (default) and English.

Kept here rather than in the web catalogues because results are computed away from any
request; the web layer shows them as they are. Tone: calm, concrete, what to do next.
The texts live by the grader that gives them (``common``, ``python``, ``sql``, ``web``,
``network``, ``notebook``): each code maps to (Swedish, English), in the order of LOCALES.
What a failed hidden test may tell is decided in ``hidden``.
"""

from __future__ import annotations

import logging

from assessor.domain.grading.messages.common import COMMON
from assessor.domain.grading.messages.network import NETWORK
from assessor.domain.grading.messages.notebook import NOTEBOOK
from assessor.domain.grading.messages.python import PYTHON
from assessor.domain.grading.messages.sql import SQL
from assessor.domain.grading.messages.web import WEB
from assessor.domain.vocabulary import LOCALES

log = logging.getLogger(__name__)

#: every message, by code (a code is given by one part only: tests/challenges check that)
PARTS = (COMMON, PYTHON, SQL, WEB, NETWORK, NOTEBOOK)
CATALOGUE: dict[str, tuple[str, str]] = {code: pair for part in PARTS
                                         for code, pair in part.items()}


class Message(str):
    """A message text that remembers its catalogue ``code`` and ``params``.

    It is an ordinary string everywhere; the codes let a hidden test say which kind of problem
    it met (see ``hidden.problem_of``) without repeating anything the test put in.
    """

    code: str
    params: dict

    def __new__(cls, value: str, code: str = "", params: dict | None = None) -> Message:
        message = super().__new__(cls, value)
        message.code, message.params = code, dict(params or {})
        return message


def text(code: str, locale: str = "sv", /, **params: object) -> Message:
    """The message ``code`` in ``locale`` (Swedish when unknown), with ``params`` filled in.

    Positional-only, so a parameter may be called ``code`` or ``locale``. Whole numbers print
    without decimals: "2 s", not "2.0 s".
    """
    pair = CATALOGUE.get(code)
    if pair is None:
        log.warning("no grading message %s", code)
        return Message(code, code, params)
    template = pair[LOCALES.index(locale)] if locale in LOCALES else pair[0]
    shown = {key: number(value) for key, value in params.items()}
    try:
        return Message(template.format(**shown), code, params)
    except (KeyError, IndexError):
        log.warning("message %s lacks a parameter in %s", code, params)
        return Message(template, code, params)


def sentence(words: str) -> str:
    """``words`` ending as a sentence does: a full stop added unless it ends with . ? or !"""
    words = words.strip()
    return words if not words or words.endswith((".", "?", "!", "…")) else words + "."


def number(value: object) -> object:
    """``value`` as a reader counts: a whole float prints as an integer (2.0 → 2)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
