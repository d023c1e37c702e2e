"""Security headers on every response: the one home for the Content-Security-Policy, caching
and the browser policies. Templates get ``csp_nonce()`` for the rare inline ``<script>`` or
``<style>`` element; inline event handlers and ``style="…"`` attributes are never allowed."""

from __future__ import annotations

import secrets

from flask import Flask, current_app, g, request
from flask.wrappers import Response

#: Directives of the Content-Security-Policy. No 'unsafe-inline' and no 'unsafe-eval':
#: scripts and styles come from our own files or carry this response's nonce.
CSP = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # the favicon placeholder; QR codes as data: URLs
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
)
NONCE_DIRECTIVES = frozenset({"script-src", "style-src"})
#: Powerful browser features no page of Kodprov uses; nobody (not even an embed) gets them.
DENIED_FEATURES = ("accelerometer", "camera", "display-capture", "geolocation",
                   "gyroscope", "hid", "magnetometer", "microphone", "midi", "payment",
                   "serial", "usb")
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
    # same-origin, not no-referrer: Flask-WTF checks the Referer of forms sent over HTTPS
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": ", ".join(f"{feature}=()" for feature in DENIED_FEATURES),
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
#: Pages are never stored by browsers or proxies: nearly every page shows someone's data, and
#: every page carries a session's CSRF token. Only static files may be cached.
NO_STORE = "no-store"


def csp_nonce() -> str:
    """This response's nonce for inline ``<script>`` and ``<style>`` elements (made once)."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(18)
    return g.csp_nonce


def content_security_policy(nonce: str | None) -> str:
    """The policy text; ``nonce`` (if any page part asked for one) is allowed for scripts and
    styles."""
    parts = []
    for directive, sources in CSP:
        if nonce and directive in NONCE_DIRECTIVES:
            sources = f"{sources} 'nonce-{nonce}'"
        parts.append(f"{directive} {sources}")
    return "; ".join(parts)


def add_security_headers(response: Response) -> Response:
    """Set every security header on ``response`` (error pages included)."""
    response.headers["Content-Security-Policy"] = content_security_policy(g.get("csp_nonce"))
    response.headers.update(HEADERS)
    max_age = current_app.config.get("HSTS_MAX_AGE")
    if max_age:
        response.headers["Strict-Transport-Security"] = f"max-age={max_age}; includeSubDomains"
    if not (request.endpoint == "static" and response.status_code < 400):
        response.headers["Cache-Control"] = NO_STORE
    return response


def init_app(app: Flask) -> None:
    """Add the headers to every response and ``csp_nonce()`` to every template."""
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    app.after_request(add_security_headers)
