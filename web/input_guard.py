"""Input that must never reach the database, stopped before any view runs.

* An id in an address (``<int:...>``) beyond what the id columns hold is a 404: no row can have
  it, and the database would overflow on it (int4 on PostgreSQL, int8 on SQLite).
* A NUL byte anywhere in the address, the query or a form is a 400: PostgreSQL refuses NUL in
  text, and nobody types one. Uploaded files' contents are left to their own checks.
* A form field whose name Werkzeug could not read (a line break in a multipart name gives
  ``None``) is a 400: no page sends one, and the CSRF check would fail on it.
"""

from __future__ import annotations

from collections.abc import Iterable

from flask import Flask, request
from flask_babel import lazy_gettext as _l
from werkzeug.routing import IntegerConverter

from assessor.models.base import MAX_ID

NUL = "\x00"
NUL_MESSAGE = _l("The text has a character that cannot be saved (a NUL byte). Remove it and "
                 "try again. Nothing was saved.")
UNREADABLE_MESSAGE = _l("The form could not be read. Reload the page and try again. Nothing "
                        "was saved.")


class IdConverter(IntegerConverter):
    """``<int:...>`` for ids and numbers: at most ``MAX_ID`` unless a rule says ``max=``."""

    def __init__(self, map, fixed_digits: int = 0, min: int | None = None,
                 max: int | None = None, signed: bool = False) -> None:
        super().__init__(map, fixed_digits, min, MAX_ID if max is None else max, signed)


def has_nul(values: Iterable[str | None]) -> bool:
    """Whether any of ``values`` holds a NUL byte (None, as Werkzeug gives a multipart field
    whose name it could not read, holds none)."""
    return any(NUL in (value or "") for value in values)


def _every_value(values) -> list[str]:
    return [value for values_of_key in values.listvalues() for value in values_of_key]


def request_has_nul() -> bool:
    """Whether the address, the query or the form of this request holds a NUL byte."""
    # every value of a key (``values()`` gives only the first: a list field hid the rest)
    texts = [request.path, *request.args.keys(), *_every_value(request.args)]
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        texts += [*request.form.keys(), *_every_value(request.form), *request.files.keys()]
        texts += [upload.filename or "" for upload in request.files.values()]
    return has_nul(texts)


def request_has_unreadable_name() -> bool:
    """Whether the form of this request has a field or file whose name could not be read."""
    if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
        return False
    return None in request.form or None in request.files


def init_app(app: Flask) -> None:
    """Bound ``<int:...>`` in every address, and refuse NUL bytes before anything else runs.
    Call before any blueprint is registered (rules take their converter when added)."""
    from web.errors import render_error

    app.url_map.converters["int"] = IdConverter

    @app.before_request
    def refuse_nul():
        if request_has_nul():
            return render_error(400, str(NUL_MESSAGE))
        if request_has_unreadable_name():
            return render_error(400, str(UNREADABLE_MESSAGE))
        return None
