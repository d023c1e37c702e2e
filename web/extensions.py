"""Flask-Login and CSRF protection."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

from assessor.models import User
from assessor.services.sessions import resume_session
from web import database

login_manager = LoginManager()
csrf = CSRFProtect()


def init_app(app: Flask) -> None:
    """Register login handling and CSRF protection on every form."""
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to see that page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"
    login_manager.init_app(app)
    csrf.init_app(app)


@login_manager.user_loader
def load_user(token: str) -> User | None:
    """The active user of an unrevoked login session, or None. The cookies carry the
    session's token, not the user id (Flask-Login's "alternative tokens")."""
    session = database.session()
    was_clean = not (session.new or session.dirty or session.deleted)
    user = resume_session(session, token)
    if was_clean and session.dirty:
        database.commit_now(database.Early.LAST_SEEN)  # never someone else's half-done change
    return user
