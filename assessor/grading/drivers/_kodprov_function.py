"""Function driver: imports the candidate's module and calls what the plan names.

For each test it records what happened at each step (returned value, raised exception type,
printed text, list reads, whether an argument was changed) and never judges it.
"""

import contextlib
import copy
import importlib
import sys
import traceback

import _kodprov_observe as obs


class CountingList(list):
    """A list that counts how many items the candidate's code reads from it."""

    reads = 0

    def __getitem__(self, index):
        result = super().__getitem__(index)
        CountingList.reads += len(result) if isinstance(index, slice) else 1
        return result

    def __iter__(self):
        for index in range(len(self)):
            yield self[index]

    def __contains__(self, item):
        return any(value == item for value in self)

    def index(self, item, *args):
        for position, value in enumerate(self):
            if value == item:
                return position
        raise ValueError(f"{item!r} is not in list")


def _value(arg, saved):
    if isinstance(arg, dict) and set(arg) == {"$ref"}:
        return saved.get(arg["$ref"])
    if isinstance(arg, dict) and set(arg) == {"$range"}:
        return list(range(*arg["$range"]))
    if isinstance(arg, dict) and set(arg) == {"$tuple"}:
        return tuple(_value(a, saved) for a in arg["$tuple"])
    if isinstance(arg, list):
        return [_value(a, saved) for a in arg]
    if isinstance(arg, dict):
        return {k: _value(v, saved) for k, v in arg.items()}
    return arg


def _target(module, step, saved):
    op, name = step["op"], step["target"]
    if op in ("method", "attr"):
        return getattr(saved[step["on"]], name)
    return getattr(module, name)


def _perform(module, step, saved):
    args = [_value(a, saved) for a in step.get("args", [])]
    kwargs = {k: _value(v, saved) for k, v in step.get("kwargs", {}).items()}
    for position in step.get("counting", []):
        args[position] = CountingList(args[position])
    before = {p: copy.deepcopy(args[p]) for p in step.get("unchanged", [])}
    CountingList.reads = 0
    target = _target(module, step, saved)
    if step["op"] == "attr":
        result = target
    elif step["op"] == "issubclass":
        result = isinstance(target, type) and issubclass(target, getattr(module, step["of"]))
    else:
        result = target(*args, **kwargs)
    changed = [p for p, old in before.items() if args[p] != old]
    return result, changed


def run_step(module, step, saved, seconds):
    """Perform one step and describe what happened."""
    record = {}
    printed = obs.CappedText()
    try:
        with contextlib.redirect_stdout(printed), obs.time_limit(seconds):
            result, changed = _perform(module, step, saved)
        record["value"] = obs.encode(result)
        record["changed"] = changed
        if step.get("as"):
            saved[step["as"]] = result
    except obs.Timeout:
        record["timeout"] = seconds
    except Exception as error:
        record.update(obs.describe(error))
    record["printed"] = printed.getvalue()
    record["reads"] = CountingList.reads
    return record


def main():
    plan = obs.load_plan()
    sys.stdin = obs.CappedText()  # input() in graded functions reads nothing
    try:
        with contextlib.redirect_stdout(obs.CappedText()), obs.time_limit(plan["call_timeout"]):
            module = importlib.import_module(plan["module"])
    except BaseException as error:  # SystemExit and KeyboardInterrupt too: report, stop
        record = {"id": "_import", **obs.describe(error)}
        record["traceback"] = obs.clip(traceback.format_exc(), 2000)
        obs.emit(record)
        return
    for test in plan["tests"]:
        saved = {}
        steps = [run_step(module, step, saved, plan["call_timeout"]) for step in test["steps"]]
        obs.emit({"id": test["id"], "steps": steps})


if __name__ == "__main__":
    main()
