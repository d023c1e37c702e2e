"""A challenge in words: its title and area in the reader's language, and how far one got."""

from __future__ import annotations

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from web.grading import catalogue
from web.words import area_name

#: ``web.challenges.progress.ChallengeProgress.state`` in words
PROGRESS_NAMES = {
    "new": _l("Not started"),
    "draft": _l("Draft saved"),
    "tried": _l("Tried"),
    "done": _l("Done"),
}


def task_title(challenge_id: str) -> str:
    """A challenge's title in the current language (its id when it has left the bank)."""
    return catalogue().title(challenge_id, str(get_locale() or "sv"))


def task_area_name(challenge_id: str) -> str:
    """The translated area of a challenge ("–" once it has left the bank)."""
    challenge = catalogue().challenge(challenge_id)
    return area_name(challenge.area.value) if challenge is not None else "–"


def progress_name(state: str) -> str:
    """The translated name of a challenge's progress state."""
    return str(PROGRESS_NAMES.get(state, state))
