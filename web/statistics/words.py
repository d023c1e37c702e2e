"""The words statistics pages use: columns, rows, steps, and the definitions."""

from flask_babel import lazy_gettext as _l

COLUMN_NAMES = {
    "woman": _l("Women"),
    "man": _l("Men"),
    "non_binary": _l("Other"),
    "undisclosed": _l("Did not say"),
    "total": _l("Total"),
}
AGE_NAMES = {
    "under_25": _l("Under 25"),
    "25_29": _l("25–29"),
    "30_plus": _l("30 or older"),
    "unknown": _l("Age not known"),
    "total": _l("All"),
}
OUTCOME_NAMES = {
    "praktik": _l("Started praktik"),
    "job": _l("Got a job"),
    "studies": _l("Moved on to studies"),
    "course_passed": _l("Passed the course"),
}
EVENING_NAMES = {
    "attendees": _l("Came to an evening"),
    "attendances": _l("Places taken at evenings"),
}
STAGE_NAMES = {
    "found": _l("Found"),
    "screened": _l("Screened"),
    "verified": _l("Verified"),
    "matched": _l("Matched"),
    "placed": _l("Placed"),
    "still_placed": _l("Still placed after six months"),
}
NO_LEVEL_NAME = _l("No level yet")
DEFINITIONS = (
    _l("Only people who said yes to “Anonymous statistics” are counted."),
    _l("A participant took part at some time in the period. Age is counted at the period's "
       "end."),
    _l("An outcome counts a person once, when it happened in the period."),
    _l("A goal's result is the share of the participants with that outcome."),
    _l("Evenings held are the Mini Hackathon evenings that began in the period. A place "
       "taken is one person at one evening."),
    _l("“<3” means 1 or 2. “–” is hidden so that no count of 1 or 2 can be worked out from "
       "the others. A share is hidden when one of its counts is."),
)
