"""Site-wide text size: a few steps up from the normal size, remembered in a cookie."""

from __future__ import annotations

from flask import Flask, Response, current_app, request
from flask_babel import format_percent

#: the sizes offered, in percent of the normal size (WCAG 1.4.4 asks for up to 200 %)
SIZES = (100, 125, 150, 175, 200)
COOKIE = "kodprov_text_size"
ONE_YEAR = 365 * 24 * 3600


def current() -> int:
    """The visitor's text size (a cookie that is not one of ``SIZES`` counts as normal)."""
    value = request.cookies.get(COOKIE, "")
    return int(value) if value.isdigit() and int(value) in SIZES else SIZES[0]


def changed(size: int, change: str) -> int:
    """One step larger or smaller, within ``SIZES``; an unknown change changes nothing."""
    step = {"larger": 1, "smaller": -1}.get(change, 0)
    index = max(0, min(len(SIZES) - 1, SIZES.index(size) + step))
    return SIZES[index]


def label(size: int) -> str:
    """``size`` as the page shows it: "125 %" in Swedish, "125%" in English."""
    return format_percent(size / 100)


def remember(response: Response, size: int) -> Response:
    """Keep ``size`` for a year on this browser."""
    response.set_cookie(COOKIE, str(size), max_age=ONE_YEAR, httponly=True, samesite="Lax",
                        secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")))
    return response


def init_app(app: Flask) -> None:
    """Give every template the visitor's ``text_size`` and ``text_size_label(size)``."""

    @app.context_processor
    def inject_text_size() -> dict:
        return {"text_size": current(), "text_size_label": label}
