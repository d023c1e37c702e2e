"""The function grader's test format: steps, the fields each may have, and how they read.

A test is one step (``call``/``new``/``issubclass`` with ``args``) or a list of ``steps``; a
step does one action and may expect a value, an exception, printed text, at most so many list
reads (``max_reads`` with ``counting``) or untouched arguments (``unchanged``). Tags in values:
``$range``, ``$tuple``, ``$ref`` (arguments) and ``$none`` (anywhere: Python's ``None``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assessor.domain.challenges.fields import Fields
from assessor.domain.challenges.model import TestCase, Visibility
from assessor.domain.challenges.problems import FormatProblem
from assessor.domain.grading import compare

OPS = ("call", "new", "method", "attr", "set", "issubclass")
ACTION_KEYS = ("args", "kwargs", "on", "of", "as", "value", "counting", "unchanged")
NONE = {"$none": True}
TAGS = {"$range": "[start, stop, step]", "$tuple": "[items]", "$ref": '"name"', "$none": "true"}


def steps_of(test: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The steps of a test: its ``steps`` list, or the test itself as a single step."""
    steps = test.get("steps")
    if isinstance(steps, list):
        return steps
    return [test] if any(op in test for op in OPS) else []


def op_of(step: Mapping[str, Any]) -> str:
    """The step's action (``call`` when it has none, as for a malformed step)."""
    return next((o for o in OPS if o in step), "call")


def plan_step(step: Mapping[str, Any]) -> dict[str, Any]:
    """What the driver needs for a step: the action and its inputs, no expectations."""
    op = op_of(step)
    planned = {"op": op, "target": step[op]}
    planned.update({k: step[k] for k in ACTION_KEYS if k in step})
    return planned


def called(tests: tuple[TestCase, ...]) -> list[str]:
    """The module-level names the tests call, create or ask about, in order."""
    names = []
    for test in tests:
        for step in steps_of(test.spec):
            op = op_of(step)
            if op in ("call", "new", "issubclass"):
                names.append(step[op])
    return list(dict.fromkeys(names))


def expected_value(value: Any) -> Any:
    """An expected value with its tags read: ``{ "$none" = true }`` is None."""
    if value == NONE:
        return None
    if isinstance(value, list):
        return [expected_value(v) for v in value]
    if isinstance(value, dict):
        return {k: expected_value(v) for k, v in value.items()}
    return value


def check_step(step: Fields) -> None:
    """Check one step's fields: exactly one action, and the keys that go with it."""
    ops = [op for op in OPS if op in step.data]
    if len(ops) != 1:
        step.problem("call", f"a step needs exactly one of {', '.join(OPS)} (found {ops}).",
                     'Write, for example: call = "medelvarde".')
    for op in OPS:
        step.get(op, str)
    if ops and ops[0] in ("method", "attr", "set"):
        step.get("on", str, required=True, example='on = "konto"')
    if ops and ops[0] == "set":
        _check_set(step)
    if ops and ops[0] == "issubclass":
        step.get("of", str, required=True, example='of = "Djur"')
    for key in ("args", "counting", "unchanged"):
        step.get(key, list)
    step.get("kwargs", dict)
    for key in ("on", "of", "as", "raises"):
        step.get(key, str)
    if step.has("expect"):
        _check_tags(step, "expect", step.data["expect"], ("$none",))
    for key in ("args", "kwargs"):
        if step.has(key):
            _check_tags(step, key, step.data[key], tuple(TAGS))
    step.get("prints", str)
    step.get("max_reads", int)
    step.number("tolerance", minimum=0, maximum=1)
    step.get("unordered", bool)
    _check_lent(step)


def _check_set(step: Fields) -> None:
    if not step.has("value"):
        step.problem("value", "is missing: a set step needs the value to set.",
                     'Write, for example: set = "saldo", on = "k", value = 5, '
                     'raises = "AttributeError".')
    else:
        _check_tags(step, "value", step.data["value"], tuple(TAGS))
    if step.has("expect"):
        step.problem("expect", "a set step returns nothing to compare.",
                     "Use raises = ..., or read the attribute in a later step with attr = ...")


def _check_tags(step: Fields, key: str, value: Any, allowed: tuple[str, ...]) -> None:
    """A table whose keys start with ``$`` must be one of the ``allowed`` tags, as documented."""
    if isinstance(value, list):
        for item in value:
            _check_tags(step, key, item, allowed)
    elif isinstance(value, dict):
        tags = [k for k in value if isinstance(k, str) and k.startswith("$")]
        if tags and (len(value) != 1 or tags[0] not in allowed
                     or (tags[0] == "$none" and value != NONE)):
            known = ", ".join(f'{{ "{t}" = {TAGS[t]} }}' for t in allowed)
            step.problem(key, f"{value!r} is not a tag I know here.", f"Write {known}.")
        for item in value.values():
            _check_tags(step, key, item, allowed)


def _check_lent(step: Fields) -> None:
    """``counting`` and ``unchanged`` name list arguments (the driver keeps those lists)."""
    args = step.data.get("args", [])
    args = args if isinstance(args, list) else []
    for key in ("counting", "unchanged"):
        positions = step.data.get(key, [])
        for position in positions if isinstance(positions, list) else []:
            argument = (args[position] if isinstance(position, int) and not
                        isinstance(position, bool) and 0 <= position < len(args) else None)
            if not isinstance(argument, list) and not (isinstance(argument, dict)
                                                       and set(argument) == {"$range"}):
                step.problem(key, f"{position!r} is not the position of a list argument.",
                             f"Write the positions (from 0) of arguments that are lists, e.g. "
                             f"{key} = [0] with args = [[3, 1, 2]].")


def check_recursion_runs(tests: tuple[TestCase, ...], problems: list[FormatProblem]) -> None:
    """Every ``require = ["recursion:f"]`` needs a test that calls f (recursion is also proved
    by running f), and a visible one when the requirement itself is visible."""
    for index, test in enumerate(tests):
        for construct in test.get("require", []):
            if not isinstance(construct, str) or not construct.startswith("recursion:"):
                continue
            name = construct.split(":", 1)[1]
            callers = [t for t in tests if name in called((t,)) and t is not test]
            if test.visibility is Visibility.CANDIDATE:
                callers = [t for t in callers if t.visibility is Visibility.CANDIDATE]
            if not callers:
                seen = "a test" if test.visibility is Visibility.STAFF else "a candidate test"
                problems.append(FormatProblem(
                    "challenge.toml", f"tests[{index}].require",
                    f"{construct!r} needs {seen} that calls {name}: recursion is checked "
                    "by running it.", f'Add a test with call = "{name}" and args that make '
                    f"{name} call itself."))


def describe_call(step: Mapping[str, Any]) -> str:
    """The step as code, e.g. ``medel([1, 2])``, ``konto.saldo`` or ``konto.saldo = 5``."""
    op = op_of(step)
    args = ", ".join([repr(expected_value(a)) for a in step.get("args", [])]
                     + [f"{k}={expected_value(v)!r}" for k, v in step.get("kwargs", {}).items()])
    if op == "attr":
        return f"{step.get('on')}.{step[op]}"
    if op == "set":
        return f"{step.get('on')}.{step[op]} = {compare.show(expected_value(step.get('value')))}"
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
        return compare.show(expected_value(step["expect"]))
    return compare.show(step["prints"]) if "prints" in step else ""
