"""Swedish first, English second: choosing the language and switching it."""

from __future__ import annotations

from flask import Flask, current_app, session
from flask_babel import Babel
from flask_login import current_user

babel = Babel()


def select_locale() -> str:
    """The logged-in user's stored language, else the visitor's choice, else Swedish."""
    languages = current_app.config["LANGUAGES"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    chosen = session.get("locale")
    return chosen if chosen in languages else current_app.config["BABEL_DEFAULT_LOCALE"]


def init_app(app: Flask) -> None:
    """Register Flask-Babel with our locale selector and expose the locale to templates."""
    babel.init_app(app, locale_selector=select_locale)

    @app.context_processor
    def inject_locale() -> dict:
        return {"current_locale": select_locale(), "languages": app.config["LANGUAGES"]}
