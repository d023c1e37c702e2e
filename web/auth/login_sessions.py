"""Starting and ending login sessions in the browser: the cookies and the session rows (the
request's commit keeps the rows; its answer is a redirect)."""

from __future__ import annotations

from flask import request, session
from flask_login import current_user, login_user, logout_user

from assessor.models import User
from assessor.services.sessions import revoke_session, revoke_sessions, start_session
from web import database


def begin(user: User, remember: bool) -> None:
    """Record a new login session for ``user`` and put its token in the cookies."""
    start_session(database.session(), user, user_agent=request.user_agent.string,
                  address=request.remote_addr)
    session.clear()  # nothing from before the login carries over
    login_user(user, remember=remember)
    session["locale"] = user.locale


def end(everywhere: bool = False) -> None:
    """End this login session (or all of the user's) and clear the cookies."""
    token = current_user.login_token if current_user.is_authenticated else None
    db = database.session()
    if everywhere and current_user.is_authenticated:
        revoke_sessions(db, current_user, except_current=None)
    elif token:
        revoke_session(db, token)
    locale = session.get("locale")
    session.clear()
    # After the clear, not before: logout_user leaves the marker that makes Flask-Login
    # delete the "stay logged in" cookie, and clearing afterwards wiped it.
    logout_user()
    if locale:
        session["locale"] = locale
