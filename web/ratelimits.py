"""Rate limits on login and costly forms (Flask-Limiter), and the calm page when one is hit.

The numbers are settings (``KODPROV_RATE_LIMITS`` in the config, defaults below); views say
which limits apply with ``@limited(...)``. Each app gets a limiter of its own, so two apps in
one process (tests, a live server) never share counts.

Login has three limits (see README, "Accounts and sessions"):
- wrong passwords per IP address: one computer cannot guess for long;
- password checks per IP address: bounds the CPU one address can spend on argon2;
- wrong passwords per account, counted per computer for a computer that has logged in to the
  account before (``web.trusted_devices``), so a flood locks out no one's own computer.
Right passwords count only as checks: a room of people logging in from one address is fine.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from flask import Flask, Response, current_app, g, jsonify, render_template, request
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_limiter import Limiter
from flask_limiter.errors import RateLimitExceeded
from flask_login import current_user

from web import trusted_devices
from web.errors import wants_json

View = TypeVar("View", bound=Callable)
RULES_ATTRIBUTE = "kodprov_rate_limits"
EXTENSION = "kodprov_limiter"

#: limits in Flask-Limiter's notation; overridden per app with KODPROV_RATE_LIMITS
DEFAULT_LIMITS = {
    "login_failures_per_ip": "30 per 10 minutes",
    "password_checks_per_ip": "100 per 10 minutes",
    "login_failures_per_account": "10 per 15 minutes",
    "hand_ins": "10 per minute; 120 per hour",  #: each one starts a sandbox container
    "draft_saves": "60 per minute",  #: the editor saves 3 s after typing stops
    "link_failures_per_ip": "20 per 10 minutes",  #: one-time links that do not work
    #: "forgot my password" (each may send e-mail) and registering: a room of people behind
    #: one address may all do it in an evening
    "reset_requests_per_ip": "30 per hour",
    "reset_requests_per_account": "3 per hour",  #: nobody's inbox gets flooded
    "registrations_per_ip": "30 per hour",
    "links_made": "60 per hour",  #: invitations and reset links a staff member makes
    "password_change_failures": "10 per 15 minutes",  #: a wrong current password
    #: the public interest form: a family or a library may send a few from one address
    "interest_forms_per_ip": "20 per hour",
}


def by_address() -> str:
    """The visitor's IP address (the proxy's X-Forwarded-For, see KODPROV_PROXY_HOPS)."""
    return f"ip:{request.remote_addr or 'unknown'}"


def by_user() -> str:
    """The logged-in account, else the address."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return by_address()


def by_login_account() -> str:
    """The account being logged in to, or this computer when it has logged in to it before."""
    email = request.form.get("email", "")
    device = trusted_devices.device_for(email)
    return f"device:{device}" if device else f"account:{trusted_devices.account_tag(email)}"


def by_email_field() -> str:
    """The account named in the form's email field (a keyed hash, never the address)."""
    return f"account:{trusted_devices.account_tag(request.form.get('email', ''))}"


def note_password_check(right: bool) -> None:
    """Tell the limits that this request checked a password, and whether it was right."""
    g.kodprov_password_check = "right" if right else "wrong"


def note_reset_request() -> None:
    """Tell the limits that this request asked for a new-password e-mail."""
    g.kodprov_reset_request = True


def _reset_requested(_response: Response) -> bool:
    return g.get("kodprov_reset_request", False)


def _password_wrong(_response: Response) -> bool:
    return g.get("kodprov_password_check") == "wrong"


def _password_checked(_response: Response) -> bool:
    return g.get("kodprov_password_check") is not None


@dataclass(frozen=True)
class Rule:
    """One limit: its name in the settings, what it counts by, and when a request counts."""

    name: str
    key: Callable[[], str]
    counts: Callable[[Response], bool] | None = None  #: None: every request counts
    methods: tuple[str, ...] = ("POST",)  #: the requests the limit applies to


def _link_refused(response: Response) -> bool:
    return response.status_code in (404, 410)


LOGIN = (Rule("login_failures_per_ip", by_address, _password_wrong),
         Rule("password_checks_per_ip", by_address, _password_checked),
         Rule("login_failures_per_account", by_login_account, _password_wrong))
HAND_IN = (Rule("hand_ins", by_user),)
DRAFT_SAVE = (Rule("draft_saves", by_user),)
#: opening or using a one-time link: guessing codes is slowed down (right ones never count)
ACCOUNT_LINK = (Rule("link_failures_per_ip", by_address, _link_refused, ("GET", "POST")),
                Rule("password_checks_per_ip", by_address))
RESET_REQUEST = (Rule("reset_requests_per_ip", by_address, _reset_requested),
                 Rule("reset_requests_per_account", by_email_field, _reset_requested))
REGISTRATION = (Rule("registrations_per_ip", by_address),
                Rule("password_checks_per_ip", by_address))
LINKS_MADE = (Rule("links_made", by_user),)
INTEREST_FORM = (Rule("interest_forms_per_ip", by_address),)
PASSWORD_CHANGE = (Rule("password_checks_per_ip", by_address, _password_checked),
                   Rule("password_change_failures", by_user, _password_wrong))


def limited(*rules: Rule) -> Callable[[View], View]:
    """Apply ``rules`` to a view's requests (POST unless a rule says; wired up by
    ``init_app``)."""

    def mark(view: View) -> View:
        setattr(view, RULES_ATTRIBUTE, (*getattr(view, RULES_ATTRIBUTE, ()), *rules))
        return view

    return mark


def _limit_value(name: str) -> Callable[[], str]:
    return lambda: current_app.config["KODPROV_RATE_LIMITS"][name]


def init_app(app: Flask) -> None:
    """Give the app its own limiter and apply the marked views' rules. Call after the
    blueprints are registered."""
    limiter = Limiter(by_address, storage_options=_storage_options(app))
    limiter.init_app(app)
    app.extensions[EXTENSION] = limiter
    app.register_error_handler(RateLimitExceeded, too_many_requests)
    if not limiter.enabled:  # RATELIMIT_ENABLED=False, e.g. for a load test
        return
    for endpoint, view in list(app.view_functions.items()):
        for rule in getattr(view, RULES_ATTRIBUTE, ()):
            view = limiter.shared_limit(_limit_value(rule.name), scope=rule.name,
                                        key_func=rule.key, deduct_when=rule.counts,
                                        methods=list(rule.methods))(view)
        app.view_functions[endpoint] = view


def _storage_options(app: Flask) -> dict:
    if app.config["RATELIMIT_STORAGE_URI"].startswith("redis"):
        return {"socket_connect_timeout": 2, "socket_timeout": 2}  # never hang a login on it
    return {}


def seconds_to_wait() -> int:
    """Seconds until every limit this request broke lets it through again."""
    limiter: Limiter = current_app.extensions[EXTENSION]
    resets = [limit.reset_at for limit in limiter.current_limits if limit.breached]
    return max(1, math.ceil(max(resets, default=time.time() + 60) - time.time()))


def too_many_requests(_error: RateLimitExceeded):
    """A calm page (or JSON for page scripts) that says when to try again; never a bare 429."""
    seconds = seconds_to_wait()
    minutes = max(1, math.ceil((seconds - 1) / 60))  # reset_at is rounded up a second
    title = _("Too many attempts")
    text = _("There have been many attempts in a short while, so we take a short pause. "
             "Nothing is wrong with your account.")
    when = ngettext("Try again in %(num)d minute.", "Try again in %(num)d minutes.", minutes)
    if wants_json():
        response = jsonify(ok=False, saved=False, message=f"{title}. {when}",
                           retry_after=seconds)
    else:
        response = Response(render_template("errors/error.html", code=429, title=title,
                                            text=text, detail=when))
    response.status_code = 429
    response.headers["Retry-After"] = str(seconds)
    return response
