"""The function grader: call the candidate's functions and classes, compare on the host.

A test is one call (``call``/``new``/``issubclass`` with ``args``) or a list of ``steps``; each
step may expect a value (``expect``), an exception (``raises``), printed text (``prints``), at
most so many list reads (``max_reads`` with ``counting``) or untouched arguments
(``unchanged``). Tests with ``require``/``forbid`` check the code's constructs without running it.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Any, ClassVar

from assessor.challenges.fields import Fields
from assessor.challenges.model import TestCase
from assessor.grading import compare
from assessor.grading.base import Context, Grader
from assessor.grading.observations import decode, text_field
from assessor.grading.python_source import (
    CONSTRUCTS,
    function_node,
    known_construct,
    parse,
    require_names,
    uses,
)
from assessor.grading.result import TestOutcome
from assessor.grading.sandboxed import ids_of, run_driver, unobserved

DRIVER = "_kodprov_function.py"
OPS = ("call", "new", "method", "attr", "issubclass")
ACTION_KEYS = ("args", "kwargs", "on", "of", "as", "counting", "unchanged")
EXPECT_KEYS = ("expect", "raises", "prints", "max_reads", "tolerance", "unordered")
STATIC_KEYS = ("require", "forbid", "scope")


def steps_of(test: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The steps of a test: its ``steps`` list, or the test itself as a single step."""
    steps = test.get("steps")
    if isinstance(steps, list):
        return steps
    return [test] if any(op in test for op in OPS) else []


def plan_step(step: Mapping[str, Any]) -> dict[str, Any]:
    """What the driver needs for a step: the action and its inputs, no expectations."""
    op = next(o for o in OPS if o in step)
    planned = {"op": op, "target": step[op]}
    planned.update({k: step[k] for k in ACTION_KEYS if k in step})
    return planned


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
        require_names(ctx, tree, f"{module}.py", self._called_names(ctx.tests))
        static = [t for t in ctx.tests if not steps_of(t.spec)]
        outcomes = {t.name: self._static(ctx, t, tree) for t in static}
        dynamic = tuple(t for t in ctx.tests if steps_of(t.spec))
        if dynamic:
            outcomes.update(self._dynamic(ctx, dynamic, module, source))
        return [outcomes[t.name] for t in ctx.tests]

    @staticmethod
    def _called_names(tests: tuple[TestCase, ...]) -> list[str]:
        names = []
        for test in tests:
            for step in steps_of(test.spec):
                op = next(o for o in OPS if o in step)
                if op in ("call", "new", "issubclass"):
                    names.append(step[op])
        return list(dict.fromkeys(names))

    def _dynamic(self, ctx: Context, tests: tuple[TestCase, ...], module: str,
                 source: str) -> dict[str, TestOutcome]:
        options = ctx.variant.options
        plan = {"module": module, "call_timeout": float(options.get("call_timeout", 2.0)),
                "tests": [{"id": i, "steps": [plan_step(s) for s in steps_of(t.spec)]}
                          for i, t in ids_of(tests).items()]}
        files = {f"{module}.py": source.encode("utf-8")}
        result, records = run_driver(ctx, DRIVER, plan, files)
        crashed = records.get("_import")
        outcomes = {}
        for test_id, test in ids_of(tests).items():
            if crashed is not None:
                detail = f"{text_field(crashed, 'raised')}: {text_field(crashed, 'detail')}"
                outcomes[test.name] = ctx.failed(test, ctx.msg("import_failed", detail=detail))
            elif test_id not in records:
                outcomes[test.name] = unobserved(ctx, test, result)
            else:
                outcomes[test.name] = judge_test(ctx, test, records[test_id])
        return outcomes

    @staticmethod
    def _static(ctx: Context, test: TestCase, tree: ast.Module) -> TestOutcome:
        scope = function_node(tree, test.get("scope", "")) if test.get("scope") else tree
        for construct in test.get("require", []):
            if not uses(scope, construct):
                return ctx.failed(test, ctx.msg("static_required", construct=_label(construct)))
        for construct in test.get("forbid", []):
            if uses(scope, construct):
                return ctx.failed(test, ctx.msg("static_forbidden", construct=_label(construct)))
        return ctx.passed(test)

    def check_options(self, options: Fields) -> None:
        options.get("module", str, required=True, example='module = "losning"')
        options.number("call_timeout", minimum=0.1, maximum=10)

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


def _label(construct: str) -> str:
    kind, _, name = construct.partition(":")
    return {"recursion": f"rekursion i {name}", "call": f"{name}()"}.get(kind, construct)


def check_step(step: Fields) -> None:
    """Check one step's fields: exactly one action, and the keys that go with it."""
    ops = [op for op in OPS if op in step.data]
    if len(ops) != 1:
        step.problem("call", f"a step needs exactly one of {', '.join(OPS)} (found {ops}).",
                     'Write, for example: call = "medelvarde".')
    for op in OPS:
        step.get(op, str)
    if ops and ops[0] in ("method", "attr"):
        step.get("on", str, required=True, example='on = "konto"')
    if ops and ops[0] == "issubclass":
        step.get("of", str, required=True, example='of = "Djur"')
    for key in ("args", "counting", "unchanged"):
        step.get(key, list)
    step.get("kwargs", dict)
    for key in ("on", "of", "as", "raises"):
        step.get(key, str)
    step.has("expect")
    step.get("prints", str)
    step.get("max_reads", int)
    step.number("tolerance", minimum=0, maximum=1)
    step.get("unordered", bool)


def judge_test(ctx: Context, test: TestCase, record: dict) -> TestOutcome:
    """Compare every step's observation with what the test expects."""
    steps = steps_of(test.spec)
    observed = record.get("steps")
    if not isinstance(observed, list) or len(observed) != len(steps):
        return ctx.failed(test, ctx.msg("no_observation", why="?"))
    for step, seen in zip(steps, observed, strict=True):
        problem = judge_step(ctx, step, seen if isinstance(seen, dict) else {})
        if problem:
            message, got = problem
            return ctx.failed(test, message, input=describe_call(step),
                              expected=describe_expectation(step), got=got)
    return ctx.passed(test, input=describe_call(steps[-1]),
                      expected=describe_expectation(steps[-1]))


def judge_step(ctx: Context, step: Mapping[str, Any], seen: dict) -> tuple[str, str] | None:
    """None when the step behaved as expected; else the message and what was observed."""
    if "timeout" in seen:
        return ctx.msg("timed_out", seconds=seen["timeout"]), ""
    raised = text_field(seen, "raised")
    if "raises" in step:
        kinds = seen.get("kinds") if isinstance(seen.get("kinds"), list) else [raised]
        if step["raises"] in kinds:
            return None
        if not raised:
            return ctx.msg("did_not_raise", expected=step["raises"]), ""
        return ctx.msg("raised", got=raised, expected=step["raises"]), raised
    if raised == "MemoryError":
        return ctx.msg("ending_memory"), raised
    if raised:
        return ctx.msg("raised_unexpected", got=raised, detail=text_field(seen, "detail")), raised
    return _judge_value(ctx, step, seen)


def _judge_value(ctx: Context, step: Mapping[str, Any], seen: dict) -> tuple[str, str] | None:
    options = compare.Options.with_tolerance(step.get("tolerance"),
                                             unordered=step.get("unordered", False))
    if "expect" in step:
        got = decode(seen.get("value"))
        if not compare.values_equal(step["expect"], got, options):
            shown = compare.show(got)
            return ctx.msg("wrong_value", got=shown, expected=compare.show(step["expect"])), shown
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


def describe_call(step: Mapping[str, Any]) -> str:
    """The step as code, e.g. ``medel([1, 2])`` or ``konto.saldo``."""
    op = next((o for o in OPS if o in step), "call")
    args = ", ".join([repr(a) for a in step.get("args", [])]
                     + [f"{k}={v!r}" for k, v in step.get("kwargs", {}).items()])
    if op == "attr":
        return f"{step.get('on')}.{step[op]}"
    if op == "method":
        return f"{step.get('on')}.{step[op]}({args})"
    if op == "issubclass":
        return f"issubclass({step[op]}, {step.get('of')})"
    return f"{step.get(op)}({args})"


def describe_expectation(step: Mapping[str, Any]) -> str:
    """What the step expects, for display."""
    if "raises" in step:
        return step["raises"]
    if "expect" in step:
        return compare.show(step["expect"])
    return compare.show(step["prints"]) if "prints" in step else ""
