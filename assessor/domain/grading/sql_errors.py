"""SQLite's English error messages, said in the candidate's language with what to do next.

The SQL driver records ``{"error": type, "detail": sqlite's message}`` (and ``refused``: the
action a read-only query tried). ``explain`` turns one into a ``Message``; ``is_syntax`` says
whether it means the SQL could not even be read (then the submission is not gradable).
"""

from __future__ import annotations

import re

from assessor.domain.grading.base import Context
from assessor.domain.grading.messages import Message

#: sqlite's message (start) -> our message code; named groups become the message's parameters
PATTERNS: list[tuple[re.Pattern[str], str]] = [(re.compile(pattern), code) for pattern, code in [
    (r'^near "(?P<near>.*)": syntax error', "sql_syntax_near"),
    (r"^incomplete input", "sql_incomplete"),
    (r'^unrecognized token: "?(?P<token>.*?)"?$', "sql_token"),
    (r"^no such table: (?P<table>.+)", "sql_no_table"),
    (r"^no such column: (?P<column>.+)", "sql_no_column"),
    (r"^ambiguous column name: (?P<column>.+)", "sql_ambiguous"),
    (r"^no such function: (?P<function>.+)", "sql_no_function"),
    (r"^misuse of (aggregate|window)", "sql_aggregate"),
    (r"^a GROUP BY clause is required before HAVING", "sql_having_needs_group"),
    (r"^(not authorized|attempt to write a readonly database)", "sql_read_only"),
    (r"^interrupted", "sql_too_slow"),
    (r"^(disk I/O error|database or disk is full|out of memory|string or blob too big)",
     "sql_too_big"),
    (r"^You can only execute one statement", "sql_one_at_a_time"),
    (r"^NOT NULL constraint failed: (?P<column>.+)", "sql_not_null"),
    (r"^UNIQUE constraint failed: (?P<column>.+)", "sql_unique"),
    (r"^CHECK constraint failed", "sql_check"),
    (r"^FOREIGN KEY constraint failed", "sql_foreign_key"),
]]
SYNTAX = frozenset({"sql_syntax_near", "sql_incomplete", "sql_token"})


def _match(detail: str) -> tuple[str, dict[str, str]]:
    for pattern, code in PATTERNS:
        found = pattern.match(detail)
        if found:
            return code, {k: v[:80] for k, v in found.groupdict().items() if v is not None}
    return "", {}


def is_syntax(error: object) -> bool:
    """Whether a recorded error means SQLite could not read the SQL at all."""
    return _match(_detail(error))[0] in SYNTAX


def explain(ctx: Context, error: object, seconds: float = 0.0) -> Message:
    """A recorded SQLite error as a sentence in the candidate's language."""
    detail = _detail(error)
    code, params = _match(detail)
    if code == "sql_read_only":
        refused = error.get("refused") if isinstance(error, dict) else None
        if isinstance(refused, str) and refused.replace("/", "").isalpha():
            return ctx.msg("sql_read_only", what=refused[:20])
        return ctx.msg("sql_read_only_any")
    if code == "sql_too_slow":
        return ctx.msg(code, seconds=seconds or "?")
    if code:
        return ctx.msg(code, **params)
    return ctx.msg("sql_error", detail=detail or "?")


def _detail(error: object) -> str:
    detail = error.get("detail") if isinstance(error, dict) else None
    return detail[:300] if isinstance(detail, str) else ""
