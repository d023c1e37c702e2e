"""Error pages in the visitor's language; never a stack trace outside debug."""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape
from typing import TypeVar

from flask import Flask, Response, current_app, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from web import database

log = logging.getLogger(__name__)
View = TypeVar("View", bound=Callable)
JSON_ATTRIBUTE = "kodprov_json"

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


def json_endpoint(view: View) -> View:
    """Mark a view that only page scripts call: every error it gives is JSON."""
    setattr(view, JSON_ATTRIBUTE, True)
    return view


def wants_json() -> bool:
    """Whether the request comes from a page script that reads JSON."""
    if request.accept_mimetypes.best == "application/json" or request.args.get("format") == "json":
        return True
    view = current_app.view_functions.get(request.endpoint or "")
    return getattr(view, JSON_ATTRIBUTE, False)


def render_error(code: int, detail: str | None = None):
    """The error page for ``code`` with an optional extra explanation (JSON for page scripts).
    Never fails: when the page itself cannot be made, a plain page says the same."""
    title, text = MESSAGES.get(code, MESSAGES[500])
    try:
        if wants_json():
            return jsonify(ok=False, saved=False, message=f"{title}. {detail or text}"), code
        return render_template("errors/error.html", code=code, title=title, text=text,
                               detail=detail), code
    except Exception:  # the database, a template or a translation failed: say it plainly
        log.exception("the error page for %s failed", code)
        return plain_error(code, detail)


#: The plain page's words when even the translations fail.
PLAIN_FALLBACK = ("Något gick fel / Something went wrong",
                  "Försök igen om en stund. / Try again in a while.")


def plain_error(code: int, detail: str | None = None) -> Response:
    """A page made without templates, the database or the session: the last resort."""
    try:
        title, text = (str(part) for part in MESSAGES.get(code, MESSAGES[500]))
    except Exception:
        title, text = PLAIN_FALLBACK
    body = (f"<!doctype html><meta charset=utf-8><title>{escape(title)}</title>"
            f"<h1>{escape(title)}</h1><p>{escape(detail or text)}</p>")
    return Response(body, status=code, mimetype="text/html")


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
        try:  # the page itself must not trip over a failed transaction
            database.discard()
        except Exception:
            log.exception("rolling back after the error failed")
        return render_error(500)
