"""The io grader: run the program with each test's stdin and compare what it printed.

Comparators (``compare``): ``exact``, ``whitespace`` (default), ``numbers`` (within
``tolerance``), ``regex`` and ``unordered`` lines. Tests may put data files next to the program.
"""

from __future__ import annotations

from typing import ClassVar

from assessor.domain.challenges.fields import Fields
from assessor.domain.challenges.model import TestCase
from assessor.domain.grading import compare
from assessor.domain.grading.base import Context, Grader
from assessor.domain.grading.endings import program_crash, program_limit
from assessor.domain.grading.observations import text_field
from assessor.domain.grading.python_source import parse
from assessor.domain.grading.result import TestOutcome
from assessor.domain.grading.sandboxed import ids_of, run_driver, unobserved
from sandbox.spec import RunResult

DRIVER = "_kodprov_io.py"


class IoGrader(Grader):
    """Runs ``_kodprov_io.py``: one program run per test inside one sandbox run."""

    kind: ClassVar[str] = "io"

    def grade(self, ctx: Context) -> list[TestOutcome]:
        ids = ids_of(ctx.tests)
        result, records = run_program(ctx, ids)
        return [judge(ctx, test, records[i]) if i in records else unobserved(ctx, test, result)
                for i, test in ids.items()]

    def check_options(self, options: Fields) -> None:
        options.get("entry", str, example='entry = "main.py"')
        options.choice("compare", tuple(compare.TEXT_COMPARATORS))
        options.number("timeout", minimum=0.1, maximum=20)

    def check_test(self, test: Fields, options: Fields) -> None:
        test.get("stdin", str, example='stdin = "3\\n4\\n"')
        test.get("stdout", str, required=True, example='stdout = "7\\n"')
        test.choice("compare", tuple(compare.TEXT_COMPARATORS))
        test.number("tolerance", minimum=0, maximum=1)
        test.strings("args")
        files = test.get("files", dict, example='files = { "text.txt" = "data/kort.txt" }')
        for name, path in (files or {}).items():
            if not isinstance(path, str):
                test.problem(f"files.{name}", "should be a path in quotes.",
                             'Write, for example: "data/kort.txt".')


def run_program(ctx: Context, tests: dict[str, TestCase]) -> tuple[RunResult, dict[str, dict]]:
    """Check the program's syntax on the host (``NotGradable`` when it cannot run), then run it
    once per test in the sandbox with the test's stdin, arguments and data files; the run's
    result and the records by test id. The plan holds no expected output."""
    options = ctx.variant.options
    entry = options.get("entry", ctx.variant.challenge.files[0])
    files = {name: ctx.source(name).encode("utf-8") for name in ctx.variant.challenge.files}
    parse(ctx, entry, files[entry].decode("utf-8"))
    plan = {"entry": entry, "timeout": float(options.get("timeout", 2.0)),
            "tests": [_planned(ctx, i, t) for i, t in tests.items()]}
    return run_driver(ctx, DRIVER, plan, files, tests)


def _planned(ctx: Context, test_id: str, test: TestCase) -> dict:
    data = {name: ctx.variant.data[path].decode("utf-8")
            for name, path in test.get("files", {}).items()}
    return {"id": test_id, "stdin": test.get("stdin", ""), "args": test.get("args", []),
            "files": data}


def judge(ctx: Context, test: TestCase, record: dict) -> TestOutcome:
    """Compare one run's output with the expected output."""
    expected = test["stdout"]
    got = text_field(record, "stdout")
    mode = test.get("compare", ctx.variant.options.get("compare", "whitespace"))
    shown = {"input": test.get("stdin", ""), "expected": expected, "got": got, "compare": mode,
             "tolerance": test.get("tolerance")}
    problem = program_limit(ctx, record)
    if problem:
        return ctx.failed(test, problem, **shown)
    options = compare.Options.with_tolerance(test.get("tolerance"))
    if compare.TEXT_COMPARATORS[mode](expected, got, options):
        return ctx.passed(test, **shown)
    problem = program_crash(ctx, record)
    return ctx.failed(test, problem or _difference(ctx, expected, got, mode), **shown)


def _difference(ctx: Context, expected: str, got: str, mode: str) -> str:
    where = compare.first_difference(expected, got) if mode in ("exact", "whitespace") else None
    if where is None:
        return ctx.msg("wrong_output")
    line, want, have = where
    return ctx.msg("wrong_line", line=line, got=compare.show(have), expected=compare.show(want))
