"""What there is to fuzz, found rather than listed: every URL rule and method of the app, the
fields each one takes (from the form classes its view names and from the forms on the pages
that post to it), and which roles reach it. A route added later is found the same way; one
whose fields nobody can find is still fuzzed with generic fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin, urlsplit

from flask import Flask, url_for
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DateTimeField,
    DateTimeLocalField,
    DecimalField,
    FileField,
    FloatField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
)
from wtforms.csrf.core import CSRFTokenField

from tests.fuzz.world import ROLES, World
from web.errors import JSON_ATTRIBUTE

PARAMETER = re.compile(r"<(?:(?P<converter>\w+)(?:\([^)]*\))?:)?(?P<name>\w+)>")
SKIPPED_ENDPOINTS = {"static"}
WRITING_METHODS = ("POST", "PUT", "PATCH", "DELETE")


@dataclass(frozen=True)
class Route:
    """One URL rule with one method."""

    rule: str
    endpoint: str
    method: str
    #: (name, converter) of each path parameter, in order
    params: tuple[tuple[str, str], ...]

    @property
    def id(self) -> str:
        """How the test names it: ``POST /kandidat/samtycke``."""
        return f"{self.method} {self.rule}"

    def path(self, values: dict[str, object]) -> str:
        """The address with ``values`` put in (quoted, so any text fits in one segment)."""
        return PARAMETER.sub(lambda m: quote(str(values[m["name"]]), safe=""), self.rule)


@dataclass
class FieldSpec:
    """A field a route takes: what kind of value, and values seen or offered for it."""

    kind: str = "text"  #: text, bool, int, datetime, date, choice, multi or file
    values: set[str] = field(default_factory=set)


@dataclass
class Target:
    """A route with what is known about it."""

    route: Route
    fields: dict[str, FieldSpec] = field(default_factory=dict)
    #: roles whose requests reach the view (others are refused before it)
    roles: tuple[str, ...] = ()
    #: the view can answer JSON (page scripts call it)
    answers_json: bool = False
    #: only page scripts call it: every error it gives is JSON
    json_only: bool = False


def find_routes(app: Flask) -> list[Route]:
    """Every rule and method of the app except static files, in a stable order."""
    routes = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in SKIPPED_ENDPOINTS:
            continue
        params = tuple((m["name"], m["converter"] or "default")
                       for m in PARAMETER.finditer(rule.rule))
        routes += [Route(rule.rule, rule.endpoint, method, params)
                   for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})]
    return sorted(routes, key=lambda r: (r.rule, r.method))


def describe(world: World, routes: list[Route]) -> dict[Route, Target]:
    """Fields, reaching roles and JSON answers of every route, by crawling as every role."""
    targets = {route: Target(route, answers_json=answers_json(world.app, route.endpoint),
                             json_only=json_only(world.app, route.endpoint))
               for route in routes}
    for route in routes:
        targets[route].fields.update(class_fields(world.app, route.endpoint))
    by_endpoint: dict[tuple[str, str], list[Target]] = {}
    for target in targets.values():
        by_endpoint.setdefault((target.route.endpoint, target.route.method), []).append(target)
    for role in ROLES:
        for route in routes:
            if route.method == "GET":
                crawl(world, role, route, by_endpoint)
    for target in targets.values():
        target.roles = tuple(role for role in ROLES if reaches(world, role, target.route))
    return targets


def seeded_path(world: World, route: Route, index: int = 0) -> str:
    """The route's address with seeded values (the ``index``-th where there are several)."""
    values = {}
    for name, converter in route.params:
        known = world.seeds.get(name) or (all_ints(world) if converter == "int"
                                          else all_texts(world))
        values[name] = known[index % len(known)]
    return route.path(values)


def all_ints(world: World) -> list[int]:
    """Every seeded integer value (for an int parameter with a name nobody seeded)."""
    return sorted({v for values in world.seeds.values() for v in values if isinstance(v, int)})


def all_texts(world: World) -> list[str]:
    """Every seeded text value (for a text parameter with a name nobody seeded)."""
    return sorted({v for values in world.seeds.values() for v in values if isinstance(v, str)})


def crawl(world: World, role: str, route: Route,
          by_endpoint: dict[tuple[str, str], list[Target]]) -> None:
    """Open the page as ``role`` and note the fields of every form on it, by target route."""
    from bs4 import BeautifulSoup

    path = seeded_path(world, route)
    with world.isolated():
        response = world.client(role).get(path)
        html = response.get_data(as_text=True) if response.mimetype == "text/html" else ""
    if response.status_code != 200 or not html:
        return
    adapter = world.app.url_map.bind(world.app.config["SERVER_NAME"])
    for form in BeautifulSoup(html, "html.parser").find_all("form"):
        method = (form.get("method") or "GET").upper()
        urls = [(form.get("action") or path, method)]
        urls += [(value, "POST") for name, value in form.attrs.items()
                 if name.startswith("data-") and name.endswith("-url")]
        for url, url_method in urls:
            try:
                endpoint, _args = adapter.match(urlsplit(urljoin(path, url)).path,
                                                method=url_method)
            except Exception:  # a form posting elsewhere (or nowhere known)
                continue
            for target in by_endpoint.get((endpoint, url_method), []):
                merge(target.fields, form_fields(form))


def form_fields(form) -> dict[str, FieldSpec]:
    """The named inputs of an HTML form (the CSRF token is added by the fuzzer itself)."""
    fields: dict[str, FieldSpec] = {}
    for element in form.find_all(["input", "select", "textarea", "button"]):
        name = element.get("name")
        if not name or name == "csrf_token":
            continue
        spec = fields.setdefault(name, FieldSpec(kind=html_kind(element)))
        if element.name == "select":
            spec.values |= {o.get("value", o.text) for o in element.find_all("option")}
        elif element.get("value") is not None:
            spec.values.add(element["value"])
        if spec.kind == "bool" and len(spec.values) > 1:
            spec.kind = "multi"  # several check boxes with one name
    return fields


def html_kind(element) -> str:
    """The kind of value an HTML input takes."""
    if element.name == "select":
        return "multi" if element.has_attr("multiple") else "choice"
    kind = (element.get("type") or "text").lower()
    return {"checkbox": "bool", "radio": "choice", "file": "file", "number": "int",
            "datetime-local": "datetime", "date": "date"}.get(kind, "text")


def class_fields(app: Flask, endpoint: str) -> dict[str, FieldSpec]:
    """The fields of the form classes the view names (its prefix, if any, comes from HTML)."""
    view = app.view_functions.get(endpoint)
    if view is None:
        return {}
    names = getattr(getattr(view, "__code__", None), "co_names", ())
    fields: dict[str, FieldSpec] = {}
    with app.test_request_context():
        for name in names:
            form_class = getattr(view, "__globals__", {}).get(name)
            if isinstance(form_class, type) and issubclass(form_class, FlaskForm):
                for form_field in form_class(meta={"csrf": False}):
                    if not isinstance(form_field, CSRFTokenField):
                        fields[form_field.name] = class_kind(form_field)
    return fields


def class_kind(form_field) -> FieldSpec:
    """The kind of value a WTForms field takes, with its choices."""
    choices = {str(c.value if hasattr(c, "value") else c[0])  # a value may be "" or 0
               for c in getattr(form_field, "choices", None) or []}
    kinds = [(BooleanField, "bool"), (SelectMultipleField, "multi"), (RadioField, "choice"),
             (SelectField, "choice"), (DateTimeLocalField, "datetime"),
             (DateTimeField, "datetime"), (DateField, "date"), (FileField, "file"),
             ((IntegerField, DecimalField, FloatField), "int")]
    kind = next((kind for cls, kind in kinds if isinstance(form_field, cls)), "text")
    return FieldSpec(kind=kind, values=choices)


def merge(fields: dict[str, FieldSpec], found: dict[str, FieldSpec]) -> None:
    """Add ``found`` fields; a class field and its prefixed HTML name share a kind."""
    for name, spec in found.items():
        class_name = next((known for known in fields
                           if name.endswith("-" + known) and known != name), None)
        existing = fields.get(name) or (fields[class_name] if class_name else None)
        if existing is None:
            fields[name] = spec
        else:
            fields[name] = FieldSpec(existing.kind, existing.values | spec.values)


def json_only(app: Flask, endpoint: str) -> bool:
    """Whether the view is marked as called by page scripts only (``errors.json_endpoint``)."""
    return getattr(app.view_functions.get(endpoint), JSON_ATTRIBUTE, False)


def answers_json(app: Flask, endpoint: str) -> bool:
    """Whether the view can answer JSON: it is marked so, or it calls ``jsonify`` or
    ``wants_json``."""
    view = app.view_functions.get(endpoint)
    names = getattr(getattr(view, "__code__", None), "co_names", ())
    return json_only(app, endpoint) or bool({"jsonify", "wants_json"} & set(names))


def reaches(world: World, role: str, route: Route) -> bool:
    """Whether ``role``'s request gets past the role checks (not a 403, not sent to log in)."""
    data = {"csrf_token": world.csrf[role]} if route.method in WRITING_METHODS else None
    with world.isolated():
        response = world.client(role).open(seeded_path(world, route), method=route.method,
                                           data=data)
    with world.app.app_context():
        login_page = url_for(world.app.login_manager.login_view)
    if response.status_code in (401, 403):
        return False
    return not (response.status_code in (301, 302, 303)
                and urlsplit(response.headers.get("Location", "")).path == login_page)
