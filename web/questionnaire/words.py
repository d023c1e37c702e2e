"""The questionnaire's words: its outcomes, and how far a person has come with it."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

#: the outcomes of ``assessor.domain.screening.scoring.OUTCOMES``
OUTCOME_NAMES = {
    "programmer": _l("Likely programmer"),
    "superuser": _l("Likely superuser"),
    "unclear": _l("Unclear"),
}
#: where a person is with the questionnaire: ``assessor.services.people_overview``'s
#: NOT_STARTED and STARTED, or finished with an outcome
STATE_NAMES = {
    "none": _l("Not started"),
    "started": _l("Started"),
    **OUTCOME_NAMES,
}


def outcome_name(outcome: str) -> str:
    """The translated name of a screening outcome."""
    return str(OUTCOME_NAMES.get(outcome, outcome))


def state_name(state: str) -> str:
    """Not started, started, or the outcome, in words."""
    return str(STATE_NAMES.get(state, state))
