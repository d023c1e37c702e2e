"""Where to send a user: their home page, or a safe ``next`` address."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import url_for
from flask_babel import lazy_gettext as _l

HOME_ENDPOINTS = {
    "candidate": "candidate.index",
    "facilitator": "facilitator.index",
    "caseworker": "caseworker.index",
    "admin": "admin.index",
}


#: the main menu of each role, between "My page" and "My account": one entry per everyday
#: task (pages reached from these, such as the calendar from the evenings, are linked there)
MENUS: dict[str, tuple[tuple[str, object], ...]] = {
    "candidate": (("challenges.index", _l("Tasks")), ("evening.join", _l("Evening")),
                  ("profiles.edit", _l("How I work")), ("candidate.path", _l("Your path"))),
    "facilitator": (("events.index", _l("Evenings")), ("intake.index", _l("Leads")),
                    ("people.index", _l("People")), ("matching.employers", _l("Employers")),
                    ("placements.overdue", _l("Follow-ups")),
                    ("statistics.funder", _l("Statistics"))),
    "caseworker": (("intake.refer", _l("Refer a person")), ("people.index", _l("People"))),
    "admin": (("people.index", _l("People")), ("statistics.funder", _l("Statistics"))),
}


def menu_for(role: str) -> tuple[tuple[str, object], ...]:
    """The main menu's entries for a role: (endpoint, label) pairs."""
    return MENUS.get(role, ())


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
