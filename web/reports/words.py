"""The report's own words: how sure, how verified, how a task went."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

STATUS_TEXTS = {
    "verified": _l("Verified: a supervised session agrees with the results from home."),
    "discrepancy": _l("Needs a talk: the supervised session and the results from home differ."),
    "not_verified": _l("Not verified yet: no supervised meeting has confirmed the level."),
    "not_done": _l("Not done yet."),
}
#: ``assessor.domain.ability.levels.CONFIDENCE_WORDS`` in words
CONFIDENCE_WORDS = {
    "very_sure": _l("very sure"),
    "sure": _l("sure"),
    "fairly_sure": _l("fairly sure"),
    "unsure": _l("unsure"),
}
TASK_OUTCOME_NAMES = {
    "solved": _l("Solved"),
    "partly": _l("Partly solved"),
    "tried": _l("Tried"),
}
