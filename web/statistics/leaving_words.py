"""The words of the funder report's end reasons and first-step figures (kept apart from the
report's other words, which they only add to)."""

from flask_babel import lazy_gettext as _l

from web.pools.words import END_REASON_NAMES

END_ROW_NAMES = {**END_REASON_NAMES, "not_recorded": _l("No reason recorded"),
                 "total": _l("Everyone who left")}
FIRST_STEP_NAMES = {
    "within_goal": _l("Within two weeks"),
    "later": _l("Later"),
    "not_yet": _l("Not yet"),
    "total": _l("Everyone who enrolled"),
}
DEFINITIONS = (
    _l("End reasons count each participation that ended in the period once, with the reason "
       "the coach recorded."),
    _l("The first step is the first of these after enrolling: the questionnaire done, “how I "
       "work” started, a first employer contact, a workplace started. It is counted for the "
       "people who enrolled in the period."),
)
