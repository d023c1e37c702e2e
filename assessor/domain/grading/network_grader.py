"""The network grader: addressing answers checked with ``ipaddress``, and socket programs
tested over loopback inside the sandbox.

``mode = "form"``: each test is a field (``type`` from ``addressing.FIELD_TYPES``, ``expect``).
``mode = "server"``: the candidate's server gets a port as its first argument; each test sends
``send`` lines (or several ``clients`` interleaved) and expects ``replies``.
``mode = "client"``: the candidate's client gets host and port; a canned server answers with
``replies_from_server``; the test expects the lines the server ``received`` and/or ``stdout``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from assessor.domain.challenges.fields import Fields
from assessor.domain.challenges.model import TestCase
from assessor.domain.grading import addressing, compare
from assessor.domain.grading.base import Context, Grader
from assessor.domain.grading.endings import program_crash, program_limit, program_problem
from assessor.domain.grading.forms import answers
from assessor.domain.grading.observations import text_field
from assessor.domain.grading.python_source import parse
from assessor.domain.grading.result import TestOutcome
from assessor.domain.grading.sandboxed import ids_of, run_driver, unobserved

DRIVER = "_kodprov_socket.py"
MODES = ("form", "server", "client")


class NetworkGrader(Grader):
    """Addressing forms on the host; socket programs through ``_kodprov_socket.py``."""

    kind: ClassVar[str] = "network"

    def grade(self, ctx: Context) -> list[TestOutcome]:
        if ctx.variant.options.get("mode", "form") == "form":
            given = answers(ctx)
            return [judge_field(ctx, test, given.get(field_name(test), "")) for test in ctx.tests]
        return self._socket(ctx)

    def _socket(self, ctx: Context) -> list[TestOutcome]:
        options = ctx.variant.options
        entry = ctx.variant.challenge.files[0]
        source = ctx.source(entry)
        parse(ctx, entry, source)
        plan = {"mode": options["mode"], "entry": entry,
                "startup_seconds": float(options.get("startup_seconds", 3.0)),
                "reply_seconds": float(options.get("reply_seconds", 2.0)),
                "client_seconds": float(options.get("client_seconds", 3.0)),
                "tests": [_planned(i, t) for i, t in ids_of(ctx.tests).items()]}
        result, records = run_driver(ctx, DRIVER, plan, {entry: source.encode("utf-8")},
                                     ids_of(ctx.tests))
        judge = judge_server if options["mode"] == "server" else judge_client
        return [judge(ctx, t, records[i]) if i in records else unobserved(ctx, t, result)
                for i, t in ids_of(ctx.tests).items()]

    def uses_sandbox(self, options: dict[str, Any]) -> bool:
        return options.get("mode", "form") != "form"

    def answered_in_form(self, options: dict[str, Any]) -> bool:
        return options.get("mode", "form") == "form"

    def check_options(self, options: Fields) -> None:
        options.choice("mode", MODES)
        options.number("startup_seconds", minimum=0.5, maximum=20)
        options.number("reply_seconds", minimum=0.1, maximum=10)
        options.number("client_seconds", minimum=0.5, maximum=20)

    def check_test(self, test: Fields, options: Fields) -> None:
        mode = options.data.get("mode", "form")
        if mode == "form":
            kind = test.choice("type", tuple(addressing.FIELD_TYPES), required=True)
            test.get("field", str)
            test.get("label", dict)
            _check_prefix(test, kind)
            if test.has("expect") and kind:
                _check_expect(test, kind)
            elif kind:
                test.problem("expect", "is missing.", 'Write, for example: expect = "10.0.0.0/26"')
        elif mode == "server":
            test.strings("send")
            test.get("clients", list)
            test.get("replies", list, required=True, example='replies = ["PONG"]')
        else:
            test.get("replies_from_server", dict)
            test.strings("args")
            test.get("stdin", str)
            test.strings("received")
            test.get("stdout", str)


def field_name(test: TestCase) -> str:
    """The form field a test reads (its ``field``, else its name)."""
    return test.get("field", test.name)


def _check_expect(test: Fields, kind: str) -> None:
    expected = test.data["expect"]
    for value in expected if isinstance(expected, list) else [expected]:
        try:
            addressing.FIELD_TYPES[kind][0](str(value))
        except ValueError:
            example = addressing.FIELD_TYPES[kind][1]
            test.problem("expect", f"{value!r} cannot be read as {kind}.",
                         f'Write, for example: expect = "{example}"')


def _check_prefix(test: Fields, kind: str | None) -> None:
    """``prefix``: the prefix an ``address`` answer may be written with (``10.0.0.64/26``)."""
    value = test.get("prefix", (int, str), example='prefix = "{{prefix}}"')
    if value is None:
        return
    if kind != "address":
        test.problem("prefix", f'is only read for type = "address", not {kind!r}.',
                     "Remove it: a network answer carries its own prefix.")
        return
    try:
        addressing.prefix(str(value))
    except ValueError:
        test.problem("prefix", f"{value!r} is not a prefix.", "Write a number from 0 to 32.")


def _asked_prefix(test: TestCase) -> int | None:
    value = test.get("prefix")
    return addressing.prefix(str(value)) if value is not None else None


def judge_field(ctx: Context, test: TestCase, answer: str) -> TestOutcome:
    """One addressing answer against the expected value, read by the field's type."""
    shown = {"got": answer}
    if not answer.strip():
        return ctx.failed(test, ctx.msg("net_missing"), **shown)
    kind = test["type"]
    try:
        right = addressing.same(kind, test["expect"], answer, _asked_prefix(test))
    except (ValueError, TypeError) as error:
        return ctx.failed(test, _unread(ctx, kind, answer, error), **shown)
    return ctx.passed(test, **shown) if right else ctx.failed(test, ctx.msg("net_wrong"), **shown)


def _unread(ctx: Context, kind: str, answer: str, error: Exception) -> str:
    """Why ``answer`` could not be read as ``kind``, and how to write it."""
    if isinstance(error, addressing.PrefixWrongError):
        if error.asked is None:
            return ctx.msg("net_prefix_not_asked", value=repr(answer[:60]))
        return ctx.msg("net_prefix_wrong", written=error.written)
    if isinstance(error, addressing.HostBitsError):  # str(error): the item, also in a list
        return ctx.msg("net_host_bits", value=repr(str(error)[:60]))
    if isinstance(error, addressing.PrefixMissingError):
        return ctx.msg("net_prefix_missing", value=repr(str(error)[:60]))
    return ctx.msg("net_unreadable", value=repr(answer[:60]), kind=kind,
                   example=addressing.FIELD_TYPES[kind][1])


def _planned(test_id: str, test: TestCase) -> dict:
    clients = test.get("clients") or [test.get("send", [])]
    return {"id": test_id, "clients": clients, "replies": test.get("replies_from_server", {}),
            "args": test.get("args", []), "stdin": test.get("stdin", "")}


def judge_server(ctx: Context, test: TestCase, record: dict) -> TestOutcome:
    """The replies the candidate's server gave, client by client and line by line."""
    if "connect_error" in record or not isinstance(record.get("replies"), list):
        message = ctx.msg("net_connect", port=record.get("port", "?"))
        ended = program_problem(ctx, record.get("server") if isinstance(record.get("server"),
                                                                         dict) else {})
        return ctx.failed(test, ctx.msg("net_server_ended", why=ended) if ended else message)
    expected = test["replies"]
    expected = expected if expected and isinstance(expected[0], list) else [expected]
    got = record["replies"]
    shown = {"input": " | ".join("; ".join(lines) for lines in _planned("", test)["clients"])}
    for client, want in enumerate(expected):
        have = got[client] if client < len(got) and isinstance(got[client], list) else []
        for n, line in enumerate(want):
            reply = have[n] if n < len(have) else None
            if reply is None:
                seconds = ctx.variant.options.get("reply_seconds", 2.0)
                return ctx.failed(test, ctx.msg("net_no_reply", n=n + 1, seconds=seconds),
                                  **shown, expected=line)
            if " ".join(str(reply).split()) != " ".join(line.split()):
                return ctx.failed(test, ctx.msg("net_replies", n=n + 1, got=compare.show(reply),
                                                expected=compare.show(line)),
                                  **shown, expected=line, got=str(reply))
    return ctx.passed(test, **shown)


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def judge_client(ctx: Context, test: TestCase, record: dict) -> TestOutcome:
    """What the candidate's client sent and printed."""
    problem = program_limit(ctx, record)
    if problem:
        return ctx.failed(test, problem)
    received = [str(x) for x in _list(record.get("received")) if isinstance(x, str | int)]
    if "received" in test and received != test["received"]:
        return ctx.failed(test, program_crash(ctx, record) or ctx.msg(
            "net_client_sent", got=compare.show(received), expected=compare.show(test["received"])))
    printed = text_field(record, "stdout")
    if "stdout" in test and not compare.whitespace(test["stdout"], printed):
        return ctx.failed(test, program_crash(ctx, record) or ctx.msg(
            "wrong_printed", got=compare.show(printed), expected=compare.show(test["stdout"])),
            expected=test["stdout"], got=printed, compare="whitespace")
    return ctx.passed(test, expected=test.get("stdout", ""), got=printed)
