"""How a program ended, in plain words: every ending of a run is a verdict, never an exception.

Two views. ``program_*`` and ``call_ending`` read one program run as a driver recorded it
(``run_program`` and ``ending`` in ``_kodprov_observe``: exit code, a negative one for a signal,
timeout, limits reached, stderr); ``stop_reason`` and ``run_ending`` say why a test was never
reported on, from how its program or the whole sandbox run ended.
Whatever the candidate wrote to stderr only ever changes the words, never the verdict.
"""

from __future__ import annotations

import re
import signal

from assessor.domain.grading.base import Context
from assessor.domain.grading.messages import Message
from assessor.domain.grading.observations import int_field, text_field
from assessor.domain.grading.python_errors import error_line
from sandbox.spec import RunResult, Status

#: the last stderr line of a Python program that wrote past the file-size limit
FILE_TOO_LARGE = re.compile(r"^(OSError|IOError): \[Errno 27\]")
MEMORY_ERROR = re.compile(r"^MemoryError\b")
#: a traceback's file (its name, without the folder) and line
CRASH_LINE = re.compile(r'File "(?:[^"]*/)?([^"/]+)", line (\d+)')
#: run statuses that are a limit, whatever the program printed before
LIMIT_STATUSES = {Status.TIME_LIMIT: "status_time_limit", Status.WALL_LIMIT: "status_wall_limit",
                  Status.MEMORY_LIMIT: "status_memory_limit",
                  Status.OUTPUT_LIMIT: "status_output_limit"}


def program_limit(ctx: Context, record: dict) -> Message | None:
    """A limit the program ran into (time, memory, output) or a start that failed, or None.

    These fail a test even when the output before them was right.
    """
    if "timeout" in record:
        return ctx.msg("timed_out", seconds=_seconds(record["timeout"]))
    if "spawn_error" in record:
        return ctx.msg("spawn_failed", detail=text_field(record, "spawn_error", "?"))
    if record.get("output_limit") is True:
        return ctx.msg("ending_output")
    if record.get("memory_limit") is True or MEMORY_ERROR.match(_last_line(record)):
        return ctx.msg("ending_memory")
    return None


def program_crash(ctx: Context, record: dict) -> Message | None:
    """Why the program ended with an error (exit code, signal, exception), or None at exit 0."""
    code = int_field(record, "exit_code")
    if not code:
        return None
    if code < 0:
        return signal_message(ctx, "ending_signal", -code)
    line = _last_line(record)
    if FILE_TOO_LARGE.match(line):
        return ctx.msg("ending_file_size")
    if line:
        detail = error_line(line[:300], ctx.locale)
        where = [(file, number) for file, number in CRASH_LINE.findall(text_field(record, "stderr"))
                 if file in ctx.variant.challenge.files]
        if where:
            file, number = where[-1]
            return ctx.msg("crashed_at", detail=detail, file=file, line=int(number))
        return ctx.msg("crashed", detail=detail)
    return ctx.msg("exit_code", code=code)


def program_problem(ctx: Context, record: dict) -> Message | None:
    """The first of ``program_limit`` and ``program_crash`` that applies, or None."""
    return program_limit(ctx, record) or program_crash(ctx, record)


def call_ending(ctx: Context, record: dict) -> Message:
    """Why a call never returned when the program ended during it: a limit, a crash, an exit
    code or a signal; at exit code 0, that it ended in the middle of the call."""
    return program_problem(ctx, record) or ctx.msg("call_ended")


def stop_reason(ctx: Context, record: dict) -> Message:
    """Why a test was never reported on, from how its program ended before the test."""
    if record.get("memory_limit") is True:
        return ctx.msg("status_memory_limit")
    code = int_field(record, "exit_code")
    if code and code < 0:
        return signal_message(ctx, "status_signal", -code)
    if code:
        return ctx.msg("status_exit_code", code=code)
    return ctx.msg("status_ended")


def run_ending(ctx: Context, result: RunResult) -> Message:
    """How the whole run ended, as the reason a test was never reported on."""
    if result.status in LIMIT_STATUSES:
        return ctx.msg(LIMIT_STATUSES[result.status])
    return stop_reason(ctx, {"exit_code": -result.signal if result.signal else result.exit_code})


def signal_message(ctx: Context, code: str, number: int) -> Message:
    """A message naming signal ``number`` (SIGKILL, SIGSEGV ...); SIGXFSZ is a file too large."""
    if number == signal.SIGXFSZ:
        return ctx.msg("ending_file_size")
    try:
        name = signal.Signals(number).name
    except ValueError:
        name = str(number)
    return ctx.msg(code, name=name)


def _last_line(record: dict) -> str:
    lines = [line for line in text_field(record, "stderr").splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def _seconds(value: object) -> object:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else "?"
