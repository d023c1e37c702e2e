"""Error pages in the visitor's language; never a stack trace outside debug."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from web import database

log = logging.getLogger(__name__)

MESSAGES = {
    400: (_l("Something in the request was wrong"),
          _l("The page could not understand what was sent. Go back and try again.")),
    403: (_l("You do not have access to this page"),
          _l("Your account cannot open this page. If you think it should, ask your coach.")),
    404: (_l("The page was not found"),
          _l("The address may be mistyped, or the page has moved.")),
    405: (_l("That did not work"),
          _l("The page cannot be used that way. Go back and try again.")),
    413: (_l("The file is too large"),
          _l("The file is larger than we accept. Nothing was saved. Try a smaller file.")),
    500: (_l("Something went wrong on our side"),
          _l("It is not your fault. Nothing you saved is lost. Try again in a while.")),
}
CSRF_MESSAGE = _l("The form had expired or came from another page. Nothing was saved. "
                  "Reload the page and try again.")


def wants_json() -> bool:
    """Whether the request comes from a page script that reads JSON."""
    return request.accept_mimetypes.best == "application/json"


def render_error(code: int, detail: str | None = None):
    """The error page for ``code`` with an optional extra explanation (JSON for page scripts)."""
    title, text = MESSAGES.get(code, MESSAGES[500])
    if wants_json():
        return jsonify(ok=False, saved=False, message=f"{title}. {detail or text}"), code
    return render_template("errors/error.html", code=code, title=title, text=text,
                           detail=detail), code


def init_app(app: Flask) -> None:
    """Register handlers for HTTP errors, CSRF failures and unexpected exceptions."""

    @app.errorhandler(CSRFError)
    def csrf_error(_error: CSRFError):
        return render_error(400, str(CSRF_MESSAGE))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        code = error.code or 500
        return render_error(code if code in MESSAGES else 400 if code < 500 else 500)

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        if app.debug or (app.testing and app.config.get("PROPAGATE_EXCEPTIONS")):
            raise error
        log.exception("unhandled error")
        database.session().rollback()  # the page itself must not trip over a failed transaction
        return render_error(500)
