"""What a failed hidden test may tell the candidate: the kind of problem it met, never its
input (a made-up exception name or a printed value could carry the input out)."""

from __future__ import annotations

import builtins

from assessor.domain.grading.messages import CATALOGUE, Message, text

#: message code -> the kind of problem a hidden test may name; any other failure is "wrong"
PROBLEMS = {
    "timed_out": "slow", "status_time_limit": "slow", "status_wall_limit": "slow",
    "ending_memory": "memory", "status_memory_limit": "memory",
    "ending_output": "output", "status_output_limit": "output", "ending_file_size": "output",
    "crashed": "crashed", "crashed_at": "crashed", "raised_unexpected": "crashed",
    "raised": "crashed", "import_failed": "crashed",
    "exit_code": "stopped", "ending_signal": "stopped", "status_signal": "stopped",
    "call_ended": "stopped",
    "status_exit_code": "stopped", "status_ended": "stopped", "spawn_failed": "stopped",
    "net_connect": "stopped", "net_missing": "missing",
    "sql_error": "error", "sql_script_error": "error", "sql_probe_refused": "error",
    "sql_too_slow": "slow", "sql_too_big": "memory",
    **dict.fromkeys(("sql_syntax_near", "sql_incomplete", "sql_token", "sql_no_table",
                     "sql_no_column", "sql_ambiguous", "sql_no_function", "sql_aggregate",
                     "sql_having_needs_group", "sql_read_only", "sql_read_only_any",
                     "sql_one_at_a_time", "sql_not_null", "sql_unique", "sql_check",
                     "sql_foreign_key"), "error"),
}
#: the exception names a hidden test may show: Python's own, never one the program made up
#: (a made-up name could carry the hidden input out)
BUILTIN_ERRORS = frozenset(name for name, value in vars(builtins).items()
                           if isinstance(value, type) and issubclass(value, BaseException))


def problem_of(message: str) -> str:
    """The kind of problem behind a failure message: ``wrong``, ``crashed:ValueError``,
    ``crashed``, ``error``, ``slow``, ``memory``, ``output`` or ``stopped``."""
    code = getattr(message, "code", "")
    params = getattr(message, "params", {})
    if code in ("no_observation", "net_server_ended") and isinstance(params.get("why"), Message):
        return problem_of(params["why"])
    kind = PROBLEMS.get(code, "wrong")
    if kind != "crashed":
        return kind
    name = str(params.get("got") or params.get("detail") or "").split(":")[0].strip()
    return f"crashed:{name}" if name in BUILTIN_ERRORS else kind


def hidden_message(problem: str, locale: str = "sv", *, answer: bool = False) -> Message:
    """What a failed hidden test tells the candidate: the kind of problem, nothing of its input.
    An ``answer`` typed into a form field is told as an answer, not as a program's test."""
    kind, _, error = problem.partition(":")
    if answer:
        return text("answer_missing" if kind == "missing" else "answer_wrong", locale)
    if kind == "crashed":
        if error in BUILTIN_ERRORS:
            return text("hidden_crashed", locale, error=error)
        return text("hidden_crashed_any", locale)
    code = f"hidden_{kind}"
    return text(code if kind and code in CATALOGUE else "hidden_failed", locale)
