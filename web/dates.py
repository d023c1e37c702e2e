"""Dates and times as people read them: the month in words, never "3/2/26" (is that
3 February or 2 March?), and the 24-hour clock in Swedish time, in both languages. At the very
ends of time, where Swedish time would overflow, the stored value is shown as it is: a stored
value never breaks a page."""

from __future__ import annotations

from datetime import date, datetime

from flask_babel import format_date as babel_date
from flask_babel import format_datetime as babel_datetime
from flask_babel import get_locale

#: CLDR patterns per language: "2 dec. 2026" / "2 Dec 2026"
DAY_PATTERNS = {"sv": "d MMM y", "en": "d MMM y"}
#: "2 dec. 2026 kl. 01:52" / "2 Dec 2026, 01:52"
MOMENT_PATTERNS = {"sv": "d MMM y 'kl.' HH:mm", "en": "d MMM y, HH:mm"}


def _language() -> str:
    locale = get_locale()
    return locale.language if locale is not None else "sv"


def format_day(value: date | datetime | None) -> str:
    """A day with its month in words (a moment is taken in Swedish time first)."""
    if value is None:
        return ""
    try:
        return babel_date(value, DAY_PATTERNS.get(_language(), DAY_PATTERNS["en"]))
    except (OverflowError, ValueError):
        return value.isoformat()


def format_moment(value: datetime | None) -> str:
    """A day and a 24-hour time in Swedish time, with the month in words."""
    if value is None:
        return ""
    try:
        return babel_datetime(value, MOMENT_PATTERNS.get(_language(), MOMENT_PATTERNS["en"]))
    except (OverflowError, ValueError):
        return value.isoformat(sep=" ", timespec="minutes")
