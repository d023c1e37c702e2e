"""The function grader: call the candidate's functions and classes, compare on the host.

The steps of each test (see ``function_steps``) run in the sandbox through
``_kodprov_function.py``, one fresh process per test; the host compares what the driver
observed. Tests with ``require``/``forbid`` check the code's constructs on the host; rules about
names (``call:NAME``, ``recursion:F``) refuse code that hides names, and a recursion must also
have happened while the tests that call the function ran.
"""

from __future__ import annotations

import ast
from typing import Any, ClassVar

from assessor.domain.challenges.fields import Fields
from assessor.domain.challenges.model import TestCase, Variant
from assessor.domain.challenges.problems import FormatProblem
from assessor.domain.grading import compare
from assessor.domain.grading.base import Context, Grader
from assessor.domain.grading.endings import call_ending, stop_reason
from assessor.domain.grading.function_steps import (
    OPS,
    called,
    check_recursion_runs,
    check_step,
    describe_call,
    describe_expectation,
    expected_value,
    plan_step,
    steps_of,
)
from assessor.domain.grading.messages import Message
from assessor.domain.grading.observations import decode, text_field
from assessor.domain.grading.python_errors import error_line, translate
from assessor.domain.grading.python_names import hidden_lookup, reach, unknown_globals, uses_name
from assessor.domain.grading.python_source import (
    CONSTRUCTS,
    function_node,
    known_construct,
    parse,
    require_names,
    uses,
)
from assessor.domain.grading.result import TestOutcome
from assessor.domain.grading.sandboxed import ids_of, run_driver, unobserved

DRIVER = "_kodprov_function.py"
NAME_RULES = ("call:", "recursion:")


class FunctionGrader(Grader):
    """Runs ``_kodprov_function.py`` against the candidate's module."""

    kind: ClassVar[str] = "function"

    def module_source(self, ctx: Context) -> tuple[str, str]:
        """The module name and its source text (the notebook grader overrides this)."""
        module = ctx.variant.options["module"]
        return module, ctx.source(f"{module}.py")

    def grade(self, ctx: Context) -> list[TestOutcome]:
        module, source = self.module_source(ctx)
        tree = parse(ctx, f"{module}.py", source)
        require_names(ctx, tree, f"{module}.py", called(ctx.tests))
        dynamic = tuple(t for t in ctx.tests if steps_of(t.spec))
        outcomes, recursed = self._dynamic(ctx, dynamic, module, source) if dynamic else ({}, set())
        code = Code(source, tree, recursed)
        for test in ctx.tests:
            if test.name not in outcomes:
                outcomes[test.name] = judge_static(ctx, test, code)
        return [outcomes[t.name] for t in ctx.tests]

    def _dynamic(self, ctx: Context, tests: tuple[TestCase, ...], module: str,
                 source: str) -> tuple[dict[str, TestOutcome], set[str]]:
        """Outcomes of the tests that run, and the watched functions that called themselves."""
        options = ctx.variant.options
        ids = ids_of(tests)
        plan = {"module": module, "call_timeout": float(options.get("call_timeout", 2.0)),
                "watch": _recursion_names(ctx.tests),
                "tests": [{"id": i, "steps": [plan_step(s) for s in steps_of(t.spec)]}
                          for i, t in ids.items()]}
        files = {f"{module}.py": source.encode("utf-8")}
        result, records = run_driver(ctx, DRIVER, plan, files, ids)
        crashed = records.get("_import")
        outcomes = {}
        for test_id, test in ids.items():
            if crashed is not None:
                outcomes[test.name] = ctx.failed(test, import_problem(ctx, crashed))
            elif test_id not in records:
                outcomes[test.name] = unobserved(ctx, test, result)
            else:
                outcomes[test.name] = judge_test(ctx, test, records[test_id])
        recursed = {name for record in records.values()
                    for name in _list(record.get("recursed")) if isinstance(name, str)}
        return outcomes, recursed

    def check_options(self, options: Fields) -> None:
        options.get("module", str, required=True, example='module = "losning"')
        options.number("call_timeout", minimum=0.1, maximum=10)

    def check(self, variant: Variant, problems: list[FormatProblem]) -> None:
        super().check(variant, problems)
        check_recursion_runs(variant.tests, problems)

    def check_test(self, test: Fields, options: Fields) -> None:
        steps = test.get("steps", list)
        if steps is not None:
            for index, step in enumerate(steps):
                check_step(Fields(step, test.file, test.path(f"steps[{index}]"), test.problems))
            return
        if any(op in test.data for op in OPS):
            check_step(test)
            return
        for key in ("require", "forbid"):
            for construct in test.strings(key, example=f'{key} = ["loop"]'):
                if not known_construct(construct):
                    known = ", ".join(sorted(CONSTRUCTS))
                    test.problem(key, f"{construct!r} is not a construct I know.",
                                 f'Write one of {known}, "recursion:<function>" or '
                                 '"call:<name>".')
        test.get("scope", str)
        if not test.data.get("require") and not test.data.get("forbid"):
            test.problem("call", "the test neither calls anything nor checks constructs.",
                         'Write call = "function_name" with args = [...], or steps = [...], '
                         'or require/forbid.')


class Code:
    """The submitted module as the static tests see it, and what its run showed."""

    def __init__(self, source: str, tree: ast.Module, recursed: set[str]) -> None:
        self.source, self.tree, self.recursed = source, tree, recursed


def _recursion_names(tests: tuple[TestCase, ...]) -> list[str]:
    names = [c.split(":", 1)[1] for t in tests for c in t.get("require", [])
             if isinstance(c, str) and c.startswith("recursion:")]
    return list(dict.fromkeys(names))


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def judge_static(ctx: Context, test: TestCase, code: Code) -> TestOutcome:
    """A ``require``/``forbid`` test, judged on the source (and, for recursion, the run)."""
    scope_name = test.get("scope", "")
    scope = function_node(code.tree, scope_name) if scope_name else code.tree
    rules = [*test.get("require", []), *test.get("forbid", [])]
    if any(rule.startswith(NAME_RULES) for rule in rules):
        hidden = hidden_lookup(code.tree)
        if hidden is not None:
            return ctx.failed(test, _uncheckable(ctx, *hidden))
    for construct in test.get("require", []):
        if not uses(scope, construct):
            return ctx.failed(test, ctx.msg("static_required", construct=_label(construct)))
        name = construct.split(":", 1)[1]
        if construct.startswith("recursion:") and name not in code.recursed:
            return ctx.failed(test, ctx.msg("not_recursive_at_runtime", name=name))
    for construct in test.get("forbid", []):
        if construct.startswith("call:"):
            nodes = reach(code.tree, scope_name) if scope_name else [code.tree]
            unknown = unknown_globals(code.source, code.tree, nodes)
            if unknown:
                return ctx.failed(test, _uncheckable(ctx, "unknown", unknown[0]))
            found = uses_name(nodes, construct.split(":", 1)[1])
        else:
            found = uses(scope, construct)
        if found:
            return ctx.failed(test, ctx.msg("static_forbidden", construct=_label(construct)))
    return ctx.passed(test)


def _uncheckable(ctx: Context, kind: str, name: str) -> str:
    what = ctx.msg(f"uncheckable_{kind}", name=name)
    return ctx.msg("uncheckable", what=what)


def _label(construct: str) -> str:
    kind, _, name = construct.partition(":")
    return {"recursion": f"rekursion i {name}", "call": f"{name}()"}.get(kind, construct)


def judge_test(ctx: Context, test: TestCase, record: dict) -> TestOutcome:
    """Compare every step's observation with what the test expects."""
    steps = steps_of(test.spec)
    if record.get("too_large"):
        return ctx.failed(test, ctx.msg("observation_too_large"))
    observed = _list(record.get("steps"))
    for index, step in enumerate(steps):
        seen = observed[index] if index < len(observed) else None
        if not isinstance(seen, dict):
            return ctx.failed(test, ctx.msg("no_observation", why="?"))
        problem = judge_step(ctx, step, seen)
        if problem:
            message, got = problem
            return ctx.failed(test, message, input=describe_call(step),
                              expected=describe_expectation(step), got=got)
    return ctx.passed(test, input=describe_call(steps[-1]),
                      expected=describe_expectation(steps[-1]))


def import_problem(ctx: Context, record: dict) -> Message:
    """Why the module could not be loaded for the tests: too slow, it ended (as a program would
    have: ``sys.exit``, a signal, out of memory), or it raised."""
    if "timeout" in record:
        return ctx.msg("timed_out", seconds=record["timeout"])
    ending = ending_of(record)
    if ending is None or text_field(ending, "stderr"):  # sys.exit("text") prints the text
        detail = (text_field(ending or {}, "stderr")
                  or f"{text_field(record, 'raised')}: {text_field(record, 'detail')}")
        detail = error_line(detail, ctx.locale)
        return ctx.msg("import_failed", detail=detail)
    return ctx.msg("no_observation", why=stop_reason(ctx, ending))


def ending_of(seen: dict) -> dict | None:
    """How the program ended instead of returning or raising, as ``endings`` reads it: seen by
    the driver (``ended``), asked for with ``sys.exit`` or out of memory; else None."""
    raised = text_field(seen, "raised")
    if "ended" in seen or raised == "SystemExit":
        told = seen.get("ended", seen.get("exit"))
        return told if isinstance(told, dict) else {}
    return {"memory_limit": True} if raised == "MemoryError" else None


def judge_step(ctx: Context, step: Any, seen: dict) -> tuple[str, str] | None:
    """None when the step behaved as expected; else the message and what was observed."""
    if "timeout" in seen:
        return ctx.msg("timed_out", seconds=seen["timeout"]), ""
    if "too_large" in seen:
        return ctx.msg("observation_too_large"), ""
    raised = text_field(seen, "raised")
    kinds = seen.get("kinds") if isinstance(seen.get("kinds"), list) else [raised]
    if "raises" in step and step["raises"] in kinds:
        return None
    ending = ending_of(seen)
    if ending is not None:
        return call_ending(ctx, ending), ""
    if "raises" in step:
        if not raised:
            return ctx.msg("did_not_raise", expected=step["raises"]), ""
        return ctx.msg("raised", got=raised, expected=step["raises"]), raised
    if raised:
        detail = text_field(seen, "detail")
        detail = translate(raised, detail, ctx.locale) or detail
        return ctx.msg("raised_unexpected", got=raised, detail=detail), raised
    return _judge_value(ctx, step, seen)


def _judge_value(ctx: Context, step: Any, seen: dict) -> tuple[str, str] | None:
    options = compare.Options.with_tolerance(step.get("tolerance"),
                                             unordered=step.get("unordered", False))
    if "expect" in step:
        got, expected = decode(seen.get("value")), expected_value(step["expect"])
        if not compare.values_equal(expected, got, options):
            shown = compare.show(got)
            return ctx.msg("wrong_value", got=shown, expected=compare.show(expected)), shown
    if "prints" in step:
        printed = text_field(seen, "printed")
        if not compare.whitespace(step["prints"], printed):
            return ctx.msg("wrong_printed", got=compare.show(printed),
                           expected=compare.show(step["prints"])), printed
    reads = seen.get("reads")
    if "max_reads" in step and (not isinstance(reads, int) or reads > step["max_reads"]):
        return ctx.msg("too_many_reads", got=reads, expected=step["max_reads"]), str(reads)
    if step.get("unchanged") and seen.get("changed") != []:
        return ctx.msg("input_changed"), ""
    return None
