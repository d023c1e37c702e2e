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
#: what a goal can count (``domain.statistics.GOAL_OUTCOMES``), and each one's definition
GOAL_OUTCOME_NAMES = {
    "job": _l("Got a job"),
    "job_half_time": _l("Got a job of at least half time"),
    "praktik": _l("Started praktik"),
    "studies": _l("Moved on to studies"),
    "job_or_studies": _l("Got a job or moved on to studies"),
    "course_passed": _l("Passed the course"),
}
GOAL_DEFINITIONS = {
    "job": _l("Of the people who left the programme in the period: those employed (any "
              "hours, with or without wage subsidy) before they left."),
    "job_half_time": _l("Of the people who left the programme in the period: those employed "
                        "at least 20 hours a week (half of 40) before they left."),
    "praktik": _l("Of the people who left the programme in the period: those who started "
                  "praktik before they left."),
    "studies": _l("Of the people who left the programme in the period: those who had moved "
                  "on to studies by the day they left."),
    "job_or_studies": _l("Of the people who left the programme in the period: those "
                         "employed or moved on to studies by the day they left."),
    "course_passed": _l("Of the people who left the programme in the period: those who "
                        "passed the course before they left."),
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
    _l("A goal's result is a share of the people who ended their participation in the "
       "period (their last day is set), not of everyone who took part: each goal says what "
       "it counts."),
    _l("Evenings held are the Mini Hackathon evenings that began in the period. A place "
       "taken is one person at one evening."),
    _l("“<3” means 1 or 2. “–” is hidden so that no count of 1 or 2 can be worked out from "
       "the others. A share is hidden when one of its counts is."),
)
