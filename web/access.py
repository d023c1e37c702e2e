"""Who may open which page. Every view is private unless it is marked ``@public``; a view about
a person asks the access policy (``services.policy``) through ``allow``, which logs the access
and refuses with a page that says why."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

import sqlalchemy as sa
from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.exceptions import Forbidden

from assessor.models import Person
from assessor.services import policy
from web import database
from web.errors import wants_json

View = TypeVar("View", bound=Callable)
PUBLIC_ATTRIBUTE = "kodprov_public"
ROLES_ATTRIBUTE = "kodprov_roles"

#: why a request was refused, in words (keys: assessor.services.policy.facts.REASONS)
REFUSALS = {
    "role": _l("Your account cannot do this."),
    "not_own": _l("This belongs to another person."),
    "no_organisation": _l("Your account belongs to no organisation, so nothing is shared with "
                          "you through one. Ask an administrator."),
    "organisation": _l("The person with the code %(code)s is not in your programme."),
    "no_tests_consent": _l("The person with the code %(code)s has not said yes to “Tests and "
                           "results”."),
    "not_shared": _l("The person with the code %(code)s has not said yes to sharing the report "
                     "with you or your organisation."),
    "not_added": _l("You did not add the person with the code %(code)s."),
    "own_login": _l("The person with the code %(code)s fills in their own questionnaire."),
    "finished": _l("The questionnaire is finished. It stays as it is."),
    "protected": _l("The person with the code %(code)s has a protected identity."),
    "restricted": _l("The data of the person with the code %(code)s is restricted. Only an "
                     "administrator can reach it."),
    "no_sus_consent": _l("The person with the code %(code)s has not said yes to registration "
                         "in SUS, or has a protected identity: only the anonymous worksheet "
                         "can be made."),
}


def public(view: View) -> View:
    """Mark a view as open to anonymous visitors (the only way to do so)."""
    setattr(view, PUBLIC_ATTRIBUTE, True)
    return view


def is_public(view: Callable) -> bool:
    """Whether ``view`` was marked with ``@public``."""
    return getattr(view, PUBLIC_ATTRIBUTE, False)


def restrict_blueprint(blueprint: Blueprint, roles: Iterable[str] | None) -> None:
    """Let only users with one of ``roles`` use ``blueprint`` (None: any logged-in user).
    Pass ``policy.roles_that_may(...)`` where the blueprint is about people's data."""
    allowed = frozenset(roles) if roles is not None else None
    setattr(blueprint, ROLES_ATTRIBUTE, allowed)

    @blueprint.before_request
    def check_role() -> None:
        if allowed is None or not current_user.is_authenticated:
            return
        if current_user.role not in allowed:
            session = database.session()
            policy.service.log(session, policy.Actor.of(current_user), None, "denied",
                               request.endpoint or "", "role")
            database.commit_now(database.Early.ACCESS_LOG)
            abort(403)


class Refused(Forbidden):
    """The policy said no; the page explains ``decision.reason``."""

    def __init__(self, decision: policy.Decision, person: Person | None = None) -> None:
        super().__init__(decision.reason)
        self.decision = decision
        self.person = person


def ask(action: policy.Action, person: Person | None = None, *, about: int | None = None,
        log_as: str | None = None) -> policy.Decision:
    """Ask the policy whether the current user may do ``action`` (about ``person``); the
    access-log entry is committed at once, whatever the request does next."""
    session = database.session()
    decision = policy.authorize(session, current_user, action, person, about=about,
                                log_as=log_as)
    database.commit_now(database.Early.ACCESS_LOG)
    return decision


def allow(action: policy.Action, person: Person | None = None, *, about: int | None = None,
          log_as: str | None = None) -> policy.Decision:
    """``ask``, and raise Refused (403, the reason explained) when the answer is no."""
    decision = ask(action, person, about=about, log_as=log_as)
    if not decision.allowed:
        raise Refused(decision, person)
    return decision


def person_or_404(public_id: str) -> Person:
    """The person with this code name (404 when there is none)."""
    person = database.session().scalar(sa.select(Person).where(Person.public_id == public_id))
    if person is None:
        abort(404)
    return person


#: the same, said to the person themself
OWN_REFUSALS = {
    "no_tests_consent": _l("You have not said yes to “Tests and results”, so nothing was "
                           "saved."),
    "restricted": _l("Your data is restricted, as you asked: nothing is used or shown to "
                     "anyone. You can still see your data and who read it under “My data”."),
}


def refusal_text(refused: Refused) -> str:
    """Why, in the user's language."""
    person, reason = refused.person, refused.decision.reason
    if person is not None and person.user_id == current_user.id and reason in OWN_REFUSALS:
        return str(OWN_REFUSALS[reason])
    code = person.public_id if person is not None else ""
    return str(REFUSALS.get(reason, REFUSALS["role"])) % {"code": code}


def init_app(app: Flask) -> None:
    """Send anonymous visitors of non-public views to the login page; explain refusals."""

    @app.before_request
    def require_login():
        if request.endpoint is None or request.endpoint == "static":
            return None
        view = current_app.view_functions.get(request.endpoint)
        if view is None or is_public(view) or current_user.is_authenticated:
            return None
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))

    @app.errorhandler(Refused)
    def refused(error: Refused):
        text = refusal_text(error)
        if wants_json():
            return jsonify(ok=False, saved=False, message=text), 403
        return render_template("errors/refused.html", text=text, refused=error), 403
