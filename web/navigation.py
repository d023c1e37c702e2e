"""Where to send a user: their home page, or a safe ``next`` address."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import url_for

HOME_ENDPOINTS = {
    "candidate": "candidate.index",
    "facilitator": "facilitator.index",
    "caseworker": "caseworker.index",
    "admin": "admin.index",
}


def home_for(role: str) -> str:
    """The start page for a role."""
    return url_for(HOME_ENDPOINTS.get(role, "public.index"))


def safe_next(target: str | None, default: str | None = None) -> str:
    """``target`` if it is a local path on this site, else ``default`` or the start page.
    A control character (a line break would split the redirect's header) is never local."""
    if target and target.isprintable():
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") \
                and not target.startswith("//") and "\\" not in target:
            return target
    return default or url_for("public.index")
