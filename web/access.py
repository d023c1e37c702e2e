"""Who may open which page. Every view is private unless it is marked ``@public``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from flask import Blueprint, Flask, abort, current_app, redirect, request, url_for
from flask_login import current_user

View = TypeVar("View", bound=Callable)
PUBLIC_ATTRIBUTE = "kodprov_public"
ROLES_ATTRIBUTE = "kodprov_roles"


def public(view: View) -> View:
    """Mark a view as open to anonymous visitors (the only way to do so)."""
    setattr(view, PUBLIC_ATTRIBUTE, True)
    return view


def is_public(view: Callable) -> bool:
    """Whether ``view`` was marked with ``@public``."""
    return getattr(view, PUBLIC_ATTRIBUTE, False)


def restrict_blueprint(blueprint: Blueprint, roles: Iterable[str] | None) -> None:
    """Let only users with one of ``roles`` use ``blueprint`` (None: any logged-in user)."""
    allowed = frozenset(roles) if roles is not None else None
    setattr(blueprint, ROLES_ATTRIBUTE, allowed)

    @blueprint.before_request
    def check_role() -> None:
        if allowed is None or not current_user.is_authenticated:
            return
        if current_user.role not in allowed:
            abort(403)


def init_app(app: Flask) -> None:
    """Send anonymous visitors of non-public views to the login page."""

    @app.before_request
    def require_login():
        if request.endpoint is None or request.endpoint == "static":
            return None
        view = current_app.view_functions.get(request.endpoint)
        if view is None or is_public(view) or current_user.is_authenticated:
            return None
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
