"""Every view is private unless marked public, and each area lets in only its roles (which
come from the access policy; tests/web/test_route_matrix.py checks each route against it)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask import Flask

from assessor.models import AccessLog
from web.access import ROLES_ATTRIBUTE, is_public

ALL_ROLES = ("candidate", "facilitator", "caseworker", "admin")
EXPECTED_PUBLIC = {
    "public.index", "public.about", "public.privacy", "public.accessibility",
    "public.set_language", "public.set_text_size", "auth.login",
    # getting in without a login: a one-time link, a forgotten password, registering
    "auth.link", "auth.forgot_password", "auth.register",
    # joining a Mini Hackathon evening with its code, as a guest with only a nickname
    "evening.join",
    # an employer opens a consented, time-limited link to a profile (no account)
    "employer_view.show",
    # finding people: the two public pages, their PDFs, the interest form and its thanks
    "outreach.people", "outreach.people_pdf", "outreach.employers", "outreach.employers_pdf",
    "outreach.interest", "outreach.thanks",
    # the calendar of evenings: reading it, signing up for one, taking it back by the mail's link
    "calendar.index", "calendar.sign_up", "calendar.withdraw",
}


def endpoints(app: Flask):
    """(endpoint, path, method) for every URL rule except static files."""
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        path = rule.build({arg: "1" for arg in rule.arguments}, append_unknown=False)[1]
        method = "GET" if "GET" in rule.methods else sorted(rule.methods - {"OPTIONS"})[0]
        yield rule.endpoint, path, method


def allowed_roles(app: Flask, endpoint: str) -> frozenset[str] | None:
    blueprint = app.blueprints.get(endpoint.split(".")[0])
    return getattr(blueprint, ROLES_ATTRIBUTE, None)


def test_the_public_views_are_exactly_the_declared_ones(app):
    public = {ep for ep, view in app.view_functions.items() if ep != "static" and is_public(view)}
    assert public == EXPECTED_PUBLIC


def test_every_private_view_sends_anonymous_visitors_to_login(app, client):
    checked = 0
    for endpoint, path, method in endpoints(app):
        if is_public(app.view_functions[endpoint]):
            continue
        response = client.open(path, method=method)
        assert response.status_code == 302, endpoint
        assert "/konto/logga-in" in response.location, endpoint
        checked += 1
    assert checked >= 5


def gate_refusals(db_session, endpoint: str) -> int:
    """How often a blueprint's role gate has refused ``endpoint`` (each refusal is logged;
    the access policy's refusals of particular people name an action instead)."""
    return db_session.scalar(sa.select(sa.func.count()).select_from(AccessLog).where(
        AccessLog.action == "denied", AccessLog.what == endpoint, AccessLog.reason == "role"))


@pytest.mark.parametrize("role", ALL_ROLES)
def test_each_role_gets_403_where_it_does_not_belong(app, client, make_user, login, role,
                                                     db_session):
    login(make_user(role=role))
    refused = allowed = 0
    for endpoint, path, method in endpoints(app):
        roles = allowed_roles(app, endpoint)
        if is_public(app.view_functions[endpoint]) or roles is None:
            continue
        response = client.open(path, method=method)
        if role in roles:
            assert gate_refusals(db_session, endpoint) == 0, endpoint
            allowed += 1
        else:
            assert response.status_code == 403, endpoint
            assert gate_refusals(db_session, endpoint) == 1, endpoint
            refused += 1
    assert allowed >= 1 and refused >= 1


def test_every_blueprint_declares_who_may_use_it(app):
    for name, blueprint in app.blueprints.items():
        if name == "public":
            continue
        assert hasattr(blueprint, ROLES_ATTRIBUTE), name
