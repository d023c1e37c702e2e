"""The sql grader: run the candidate's SQL on SQLite in the sandbox, compare on the host.

Expected results come from running the reference solution through the same driver code on
the host (``_kodprov_sql.run_plan``); they never enter the sandbox. ``query`` challenges
compare one result set per dataset; ``script`` challenges (CREATE TABLE, UPDATE, DELETE) run
probe statements afterwards and compare their results or refusals.
"""

from __future__ import annotations

import json
import threading
from typing import Any, ClassVar

import sqlglot

from assessor.domain.challenges.fields import Fields
from assessor.domain.challenges.model import TestCase, Variant, Visibility
from assessor.domain.challenges.problems import FormatProblem
from assessor.domain.grading.base import Context, Grader, NotGradable
from assessor.domain.grading.drivers import _kodprov_sql
from assessor.domain.grading.messages import Message
from assessor.domain.grading.result import TestOutcome
from assessor.domain.grading.sandboxed import ids_of, run_driver, unobserved
from assessor.domain.grading.sql_constructs import KNOWN, LABELS, parse_statements, uses
from assessor.domain.grading.sql_errors import explain, is_syntax
from assessor.domain.grading.sql_result import COLUMN_MODES, compare_results, shown_table
from assessor.domain.grading.sql_schema import column_names, task_tables

DRIVER = "_kodprov_sql.py"
_EXPECTED: dict[str, dict[str, dict]] = {}
_EXPECTED_LOCK = threading.Lock()


class SqlGrader(Grader):
    """Runs ``_kodprov_sql.py`` on the candidate's file, one fresh database per test."""

    kind: ClassVar[str] = "sql"

    def grade(self, ctx: Context) -> list[TestOutcome]:
        name = ctx.variant.challenge.files[0]
        source = ctx.source(name)
        statements = self._statements(ctx, name, source)
        outcomes = {t.name: self._construct(ctx, t, statements)
                    for t in ctx.tests if not is_data_test(t)}
        data_tests = tuple(t for t in ctx.tests if is_data_test(t))
        if data_tests:
            outcomes.update(self._data(ctx, data_tests, name, source))
        return [outcomes[t.name] for t in ctx.tests]

    @staticmethod
    def _statements(ctx: Context, name: str, source: str) -> list | None:
        try:
            statements = parse_statements(source)
        except sqlglot.errors.SqlglotError:
            return None  # SQLite itself decides below whether it is a syntax error
        if ctx.variant.options.get("mode", "query") == "query" and len(statements) > 1:
            raise NotGradable(ctx.msg("sql_one_statement", name=name, count=len(statements)))
        return statements

    @staticmethod
    def _construct(ctx: Context, test: TestCase, statements: list | None) -> TestOutcome:
        if statements is None:
            return ctx.failed(test, ctx.msg("sql_unparsed", detail="sqlglot"))
        tables = column_names(task_tables(ctx.variant))
        for construct in test.get("require", []):
            if not uses(statements, construct, tables):
                return ctx.failed(test, ctx.msg("sql_required", construct=LABELS[construct]))
        for construct in test.get("forbid", []):
            if uses(statements, construct, tables):
                return ctx.failed(test, ctx.msg("sql_forbidden", construct=LABELS[construct]))
        return ctx.passed(test)

    def _data(self, ctx: Context, tests: tuple[TestCase, ...], name: str,
              source: str) -> dict[str, TestOutcome]:
        plan = make_plan(ctx.variant, tests, name)
        texts = {name: source, **{f: ctx.variant.data[f].decode("utf-8-sig")
                                  for f in _dataset_files(plan)}}
        result, records = run_driver(ctx, DRIVER, {**plan, "files": texts}, {}, ids_of(tests))
        expected = expected_records(ctx.variant, plan)
        _refuse_unreadable(ctx, name, records.values())
        return {t.name: judge(ctx, t, expected[i], records[i]) if i in records
                else unobserved(ctx, t, result) for i, t in ids_of(tests).items()}

    def check_options(self, options: Fields) -> None:
        options.choice("mode", ("query", "script"))
        options.get("ordered", bool)
        options.choice("columns", COLUMN_MODES)
        options.number("seconds", minimum=0.1, maximum=20)
        datasets = options.get("datasets", dict, required=True,
                               example='datasets = { visa = ["data/schema.sql", "data/data.sql"] }')
        for key, files in (datasets or {}).items():
            if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
                options.problem(f"datasets.{key}", "should list files in quotes.",
                                'Write, for example: ["data/schema.sql", "data/data.sql"].')

    def check_test(self, test: Fields, options: Fields) -> None:
        names = list((options.data.get("datasets") or {}).keys())
        for key in ("require", "forbid"):
            for construct in test.strings(key, example=f'{key} = ["join"]'):
                if construct not in KNOWN:
                    test.problem(key, f"{construct!r} is not a construct I know.",
                                 f"Write one of {', '.join(sorted(KNOWN))}.")
        dataset = test.get("dataset", str)
        if dataset is not None and dataset not in names:
            test.problem("dataset", f"{dataset!r} is not in [sql].datasets.",
                         f"Write one of {', '.join(names) or '(none: add [sql].datasets)'}.")
        test.strings("probes", example='probes = ["SELECT * FROM t ORDER BY id"]')
        test.get("ordered", bool)
        test.choice("columns", COLUMN_MODES)
        if dataset is None and not test.data.get("require") and not test.data.get("forbid"):
            test.problem("dataset", "the test neither runs the SQL nor checks constructs.",
                         'Write dataset = "<name>", or require/forbid = [...].')

    def check(self, variant: Variant, problems: list) -> None:
        super().check(variant, problems)
        for key, files in (variant.options.get("datasets") or {}).items():
            for file in files if isinstance(files, list) else []:
                if file not in variant.data:
                    problems.append(_missing_data(key, file, variant))


def _missing_data(key: str, file: str, variant: Variant) -> Any:
    return FormatProblem("challenge.toml", f"sql.datasets.{key}", f"{file!r} was not found.",
                         "Put the file under data/ (write data/<name>) or list the shared "
                         f"dataset in datasets = [...]; found: {', '.join(sorted(variant.data))}.")


def is_data_test(test: TestCase) -> bool:
    """Whether the test runs SQL (rather than only checking constructs)."""
    return "dataset" in test.spec


def make_plan(variant: Variant, tests: tuple[TestCase, ...], submission: str) -> dict:
    """The driver's plan: mode, datasets and each test's dataset and probes (no answers)."""
    options = variant.options
    return {"mode": options.get("mode", "query"), "submission": submission,
            "seconds": float(options.get("seconds", 3.0)),
            "datasets": options.get("datasets", {}),
            "tests": [{"id": i, "dataset": t["dataset"], "probes": t.get("probes", [])}
                      for i, t in ids_of(tests).items()]}


def _dataset_files(plan: dict) -> set[str]:
    return {f for files in plan["datasets"].values() for f in files}


def expected_records(variant: Variant, plan: dict) -> dict[str, dict]:
    """The reference solution's records for ``plan``, computed on the host and cached."""
    key = json.dumps([variant.id, variant.challenge.version, variant.seed, plan], sort_keys=True)
    with _EXPECTED_LOCK:
        if key in _EXPECTED:
            return _EXPECTED[key]
    files = {**variant.data, **variant.solution.files}
    records = _kodprov_sql.run_plan(plan, lambda name: files[name].decode("utf-8-sig"))
    expected = {r["id"]: r for r in records}
    with _EXPECTED_LOCK:
        if len(_EXPECTED) > 1000:
            _EXPECTED.clear()
        _EXPECTED[key] = expected
    return expected


def _refuse_unreadable(ctx: Context, name: str, records: Any) -> None:
    """Not gradable: SQL that SQLite cannot read, or a query task with other than one statement."""
    for record in records:
        error = record.get("result") or record.get("script_error") or {}
        if isinstance(error, dict) and error.get("error") == "Statements":
            count = error.get("count")
            raise NotGradable(ctx.msg("sql_one_statement", name=name, count=count) if count
                              else ctx.msg("sql_no_statement", name=name))
        if is_syntax(error):
            raise NotGradable(ctx.msg("sql_syntax", name=name, detail=explain(ctx, error)))


def judge(ctx: Context, test: TestCase, expected: dict, got: dict) -> TestOutcome:
    """Compare one test's result set (query) or probe results (script)."""
    options = ctx.variant.options
    script = options.get("mode", "query") == "script"
    ordered = test.get("ordered", options.get("ordered", script))
    columns = test.get("columns", options.get("columns", "any"))
    pairs = (list(zip(expected.get("probes", []), _list(got.get("probes")), strict=False))
             if script else [(expected.get("result", {}), got.get("result"))])
    if script and len(pairs) != len(expected.get("probes", [])):
        return unobserved_probe(ctx, test)
    statements = test.get("probes", []) if script else ["SELECT"]
    shown = {} if script else tables_shown(test, expected.get("result"), got.get("result"))
    for (want, have), sql in zip(pairs, statements, strict=False):
        have = have if isinstance(have, dict) else {}
        message = _judge_one(ctx, want, have, ordered, columns, _short_sql(sql))
        if message:
            return ctx.failed(test, _with_script_error(ctx, got, message), **shown)
    return ctx.passed(test, **shown)


def tables_shown(test: TestCase, expected: Any, got: Any) -> dict:
    """The expected and the candidate's result tables of a query, for a visible test only:
    a hidden test's expected rows never leave the host."""
    if test.visibility is not Visibility.CANDIDATE:
        return {}
    return {"expected_table": shown_table(expected), "got_table": shown_table(got)}


def _with_script_error(ctx: Context, got: dict, message: str) -> str:
    """``message``, preceded by why the candidate's script stopped, if it did."""
    error = got.get("script_error")
    if not isinstance(error, dict):
        return message
    stopped = ctx.msg("sql_script_error", detail=explain(ctx, error))
    return Message(f"{stopped} {message}", stopped.code, stopped.params)


def _short_sql(sql: str, limit: int = 90) -> str:
    text = " ".join(sql.split())
    return f"«{text}»" if len(text) <= limit else f"«{text[:limit - 1]}…»"


def unobserved_probe(ctx: Context, test: TestCase) -> TestOutcome:
    """A script test whose probes did not all run."""
    return ctx.failed(test, ctx.msg("no_observation", why="?"))


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _judge_one(ctx: Context, want: dict, have: dict, ordered: bool, columns: str,
               sql: str) -> str:
    if "error" in want:
        if "error" in have:
            return ""
        return ctx.msg("sql_probe_error", expected=want["error"], sql=sql)
    if "error" in have:
        options = ctx.variant.options
        detail = explain(ctx, have, float(options.get("seconds", 3.0)))
        if options.get("mode") == "script":
            return ctx.msg("sql_probe_refused", detail=detail, sql=sql)
        return detail
    mismatch = compare_results(want, have, ordered=ordered, columns=columns)
    return ctx.msg(mismatch.code, **mismatch.params) if mismatch else ""
