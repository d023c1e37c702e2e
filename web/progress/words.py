"""Words for progress over time: the default areas and why a save failed."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

DEFAULT_AREA_NAMES = {
    "everyday_life": _l("Everyday life"),
    "health": _l("Health"),
    "social_contact": _l("Social contact"),
    "work_studies": _l("Work or studies"),
    "it_skills": _l("IT skills"),
}
ERRORS = {
    "empty": _l("Rate at least one area."),
    "range": _l("Each rating is a whole number from 1 to 10."),
    "area": _l("That area is not in use."),
    "date": _l("Choose the day of the conversation. It cannot be in the future."),
    "too_long": _l("The note is too long. Use at most 1000 characters."),
    "programme": _l("The person takes part in no programme yet."),
    "name": _l("Write the area's name, at most 60 characters."),
}


def area_name(area) -> str:
    """An area's name: the words for a default, or the programme's own name."""
    return str(DEFAULT_AREA_NAMES[area.key]) if area.key in DEFAULT_AREA_NAMES else area.name


def error_text(code: str) -> str:
    """Why nothing was saved, in words."""
    return str(ERRORS.get(code, _l("That did not work. Nothing was changed. Try again.")))
