"""Flask-Login and CSRF protection."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

from assessor.models import User
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
def load_user(user_id: str) -> User | None:
    """The active user for a session cookie, or None."""
    if not user_id.isdigit():
        return None
    user = database.session().get(User, int(user_id))
    return user if user is not None and user.active else None
