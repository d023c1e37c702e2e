"""Hypothesis strategies for whole requests: a role, an address with hostile parameters, a
query, headers, and form fields of the right kinds plus random extra ones."""

from __future__ import annotations

import io
import json
import reprlib
from dataclasses import dataclass, field
from datetime import datetime

from hypothesis import strategies as st

from assessor.models.base import MAX_ID
from tests.fuzz.discovery import FieldSpec, Target, all_ints, all_texts
from tests.fuzz.world import ROLES, World

NUL = "\x00"
#: lengths just under, at and over the text columns' limits
COLUMN_EDGES = (15, 16, 17, 20, 21, 63, 64, 65, 100, 101, 120, 121, 200, 201, 254, 255, 500,
                501, 1000, 1001, 2000, 2001, 5000)
NASTY = (NUL, "a\x00b", "", " ", "'", '"', "<script>alert(1)</script>", "../../etc/passwd",
         "\r\nSet-Cookie: x=1", "\n", "\t", "\x7f", "\u2028", "%0d%0a", "?a=1#b",
         "%00", "{{7*7}}", "\u202e\u2066", "😀", "\r\n", "null", "NaN", "-1", "0", "1e309",
         "[" * 1000, "\\", "K-%", "*", "true")
INT_EDGES = (0, 1, MAX_ID, MAX_ID + 1, 2**32, 2**53 + 1, 2**63 - 1, 2**63, 2**64, 10**30)
INT_TEXTS = ("", " 1", "1.5", "1e3", "0x10", "\u0661\u0662", "+1", "1_000", "-0", "9" * 5000)
TIMES = ("0001-01-01T00:00", "9999-12-31T23:59", "2000-01-01T00:30", "2100-12-31T23:59",
         "1999-12-31T23:59", "2026-03-29T02:30", "2026-10-25T02:30", "2026-02-30T10:00",
         "i morgon", "", "2026-12-01", "2026-12-01T18:00:00Z")
FILE_NAMES = ("medel.py", "temperatur.ipynb", "svar.sql", "index.html", "style.css",
              "answers.toml", "x.exe", "", "..\\..\\medel.py", "MEDEL.PY", "😀.py",
              "a" * 300 + ".py", "a\x00.py")
MAX_REQUEST = 2 * 1024 * 1024  #: ``MAX_CONTENT_LENGTH``
ACCEPTS = (None, "application/json", "text/html", "*/*", "application/json;q=0.1, text/html")
CSRF_CHOICES = ("valid",) * 8 + ("missing", "garbled", "another role's")


@dataclass
class FuzzRequest:
    """One request, as data (files as bytes, so that a replay sends the same)."""

    role: str
    method: str
    path: str
    query: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    form: dict[str, object] = field(default_factory=dict)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    #: why the request must be refused (a 4xx), if the fuzzer made it so on purpose
    hostile: list[str] = field(default_factory=list)

    def send(self, client):
        """Send it with ``client``."""
        data = dict(self.form)
        data.update({name: (io.BytesIO(content), filename)
                     for name, (filename, content) in self.files.items()})
        return client.open(self.path, method=self.method, query_string=self.query,
                           headers=self.headers, data=data or None,
                           content_type="multipart/form-data" if self.files else None)

    def __repr__(self) -> str:
        short = reprlib.Repr()
        short.maxstring, short.maxother, short.maxdict, short.maxlist = 120, 120, 20, 10
        files = {name: (filename, f"{len(content)} bytes")
                 for name, (filename, content) in self.files.items()}
        return (f"{self.method} {short.repr(self.path)} as {self.role}, query "
                f"{short.repr(self.query)}, headers {self.headers}, form "
                f"{short.repr(self.form)}, files {short.repr(files)}, hostile {self.hostile}")

    @property
    def asks_json(self) -> bool:
        """Whether it asks for JSON the way page scripts do."""
        return self.headers.get("Accept") == "application/json" or \
            self.query.get("format") == "json"


def weighted(*options: tuple[int, st.SearchStrategy]) -> st.SearchStrategy:
    """One of ``options`` chosen with the given weights (``one_of`` leaves the choice to
    Hypothesis, which soon avoids a branch whose few values it has seen); shrinks towards the
    first."""
    picks = [index for index, (weight, _strategy) in enumerate(options) for _ in range(weight)]
    return st.sampled_from(picks).flatmap(lambda index: options[index][1])


def texts() -> st.SearchStrategy[str]:
    """Short texts, hostile classics, and texts at the columns' length limits."""
    plain = st.text(st.characters(codec="utf-8", exclude_characters=NUL), max_size=40)
    at_edges = st.builds(lambda c, n: c * n, st.sampled_from("aå😀'<"),
                         st.sampled_from(COLUMN_EDGES))
    return weighted((2, plain), (1, st.sampled_from(NASTY)), (1, at_edges))


def ints(seeded: list[int]) -> st.SearchStrategy[int]:
    """Seeded ids, edges of every integer width, and any integer."""
    return weighted((2, st.sampled_from(seeded or [1])), (1, st.sampled_from(INT_EDGES)),
                    (1, st.integers(0, MAX_ID)), (1, st.integers()))


def int_texts(seeded: list[int]) -> st.SearchStrategy[str]:
    """Integers as a form sends them, and texts that are almost integers."""
    return weighted((4, ints(seeded).map(str)), (1, st.sampled_from(INT_TEXTS)))


def times() -> st.SearchStrategy[str]:
    """``datetime-local`` values from year 1 to 9999, tricky clock times, and junk."""
    moments = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31))
    typed = moments.map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}T"
                                  f"{d.hour:02d}:{d.minute:02d}")
    return weighted((2, typed), (2, st.sampled_from(TIMES)), (1, texts()))


def file_contents() -> st.SearchStrategy[bytes]:
    """Small files, notebooks good and bad, 200,000 ``[``, and files over each limit."""
    notebook = json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "code", "source": "def medel(t):\n    return 0\n", "metadata": {
            "tags": ["svar"]}, "outputs": [], "execution_count": None}]}).encode()
    special = st.sampled_from([notebook, b"[" * 200_000, b'{"cells": [', b"\xff\xfe\x00",
                               b"x" * (256 * 1024 + 1), b"x" * (MAX_REQUEST + 10)])
    return weighted((2, st.binary(max_size=300)), (2, texts().map(str.encode)), (1, special))


def value_for(spec: FieldSpec, world: World) -> st.SearchStrategy:
    """A value for a field of this kind: mostly a plausible one, often a hostile one."""
    offered = sorted(spec.values)
    plausible = st.sampled_from(offered) if offered else texts()
    spoiled = st.builds(str.__add__, plausible, st.sampled_from(NASTY))
    kinds = {
        "bool": st.sampled_from(["y", "on", "", "false", "0"]),
        "int": int_texts(all_ints(world)),
        "datetime": times(),
        "date": times().map(lambda t: t[:10]),
        "choice": weighted((4, plausible), (1, spoiled), (1, int_texts(all_ints(world))),
                           (1, texts())),
        "multi": st.lists(weighted((3, plausible), (1, spoiled), (1, texts())), max_size=4),
        "text": weighted((2, plausible), (1, spoiled), (2, texts())),
    }
    return kinds.get(spec.kind, texts())


@st.composite
def requests(draw, target: Target, world: World) -> FuzzRequest:
    """A request to ``target``: mostly from a role that reaches it, sometimes from another."""
    route, others = target.route, [r for r in ROLES if r not in target.roles]
    reaching = list(target.roles) or list(ROLES)
    role = draw(weighted((4, st.sampled_from(reaching)), (1, st.sampled_from(others)))
                if others else st.sampled_from(reaching))
    request = FuzzRequest(role=role, method=route.method, path="")
    request.path = route.path({name: draw_param(draw, request, world, name, converter)
                               for name, converter in route.params})
    request.query = draw(st.dictionaries(
        weighted((1, st.sampled_from(["next", "format", "page", "q"])), (1, texts())),
        weighted((1, st.just("json")), (2, texts())), max_size=2))
    if route.method == "GET":  # a search or filter form's fields go in the query
        request.query.update(draw(known_fields(target, world, files=False)))
    accept, language = draw(st.sampled_from(ACCEPTS)), draw(st.sampled_from(
        [None, "en", "sv", "de", "*", "en;q=x"]))
    request.headers = {k: v for k, v in {"Accept": accept, "Accept-Language": language}.items()
                       if v is not None}
    if route.method in ("POST", "PUT", "PATCH", "DELETE"):
        draw_form(draw, request, target, world)
    mark_hostile(request)
    return request


def draw_param(draw, request: FuzzRequest, world: World, name: str, converter: str):
    """A path parameter: a seeded value most of the time, else edges and hostile text."""
    if converter == "int":
        seeded = st.sampled_from(world.seeds.get(name) or all_ints(world))
        value = draw(weighted((6, seeded), (1, ints(all_ints(world))), (1, texts())))
        if isinstance(value, int) and not 0 <= value <= MAX_ID:
            request.hostile.append(f"{name} out of range")
    else:
        seeded = st.sampled_from(world.seeds.get(name) or all_texts(world))
        spoiled = st.builds(str.__add__, seeded, st.sampled_from(NASTY))
        value = draw(weighted((6, seeded), (1, spoiled), (1, texts())))
    if NUL in str(value):
        request.hostile.append(f"NUL byte in {name}")
    return value


def draw_form(draw, request: FuzzRequest, target: Target, world: World) -> None:
    """Known fields (all of them, or some), random extra fields, files, and the CSRF token."""
    for name, value in draw(known_fields(target, world, files=True)).items():
        if isinstance(value, tuple):
            request.files[name] = value
        else:
            request.form[name] = value
    request.form.update(draw(st.dictionaries(texts(), texts(), max_size=3)))
    csrf = draw(st.sampled_from(CSRF_CHOICES))
    if csrf == "valid":
        request.form["csrf_token"] = world.csrf[request.role]
    elif csrf == "garbled":
        request.form["csrf_token"] = world.csrf[request.role][::-1]
    elif csrf == "another role's":
        request.form["csrf_token"] = next(world.csrf[r] for r in ROLES if r != request.role)
    else:  # missing: Flask-WTF also takes a prefixed form's token ("give-csrf_token")
        for name in [name for name in request.form if name.endswith("csrf_token")]:
            del request.form[name]
    if request.form.get("csrf_token") != world.csrf[request.role]:
        request.hostile.append("no valid CSRF token")


@st.composite
def known_fields(draw, target: Target, world: World, *, files: bool) -> dict[str, object]:
    """Values for the route's known fields: all of them, or some (files as (name, bytes))."""
    names = sorted(name for name, spec in target.fields.items() if files or spec.kind != "file")
    chosen = names if names and draw(st.booleans()) else draw(
        st.lists(st.sampled_from(names), unique=True) if names else st.just([]))
    values: dict[str, object] = {}
    for name in chosen:
        spec = target.fields[name]
        values[name] = (draw(st.sampled_from(FILE_NAMES)), draw(file_contents())) \
            if spec.kind == "file" else draw(value_for(spec, world))
    return values


def mark_hostile(request: FuzzRequest) -> None:
    """Note what makes the request one that must be refused whatever the route."""
    texts_sent = [*request.query, *request.form]
    for value in [*request.query.values(), *request.form.values()]:
        texts_sent += value if isinstance(value, list) else [value]
    texts_sent += [filename for filename, _content in request.files.values()]
    if any(NUL in str(text) for text in texts_sent):
        request.hostile.append("NUL byte")
    if sum(len(content) for _name, content in request.files.values()) > MAX_REQUEST:
        request.hostile.append("larger than the request limit")
