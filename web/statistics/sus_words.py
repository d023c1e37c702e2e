"""The words of the funder report's SUS section (kept apart from the report's other words,
which it only adds to). SUS's occupation categories are the SUS page's own."""

from flask_babel import lazy_gettext as _l

from web.sus.words import OCCUPATION_NAMES

REGISTRATION_NAMES = {
    "full": _l("Registered in full (with the SUS consent)"),
    "anonymous": _l("Registered anonymously (gender and budget year only)"),
    "total": _l("Participants in the period"),
}
EXIT_NAMES = {
    "out_full": _l("Registered out, in full"),
    "out_anonymous": _l("Registered out, anonymously"),
    "still_in": _l("Still taking part at the period's end"),
    "total": _l("Participants in the period"),
}
OCCUPATION_ROW_NAMES = {**OCCUPATION_NAMES, "not_recorded": _l("Not recorded"),
                        "total": _l("Registered out in full")}
CHANGE_NAMES = {
    "increased": _l("More per cent of full time after"),
    "same": _l("The same per cent of full time"),
    "decreased": _l("Less per cent of full time after"),
    "not_recorded": _l("Hours not recorded before or after"),
    "total": _l("Registered out in full"),
}
DEFINITIONS = (
    _l("SUS counts the participants of the period who said yes to “Anonymous statistics”. "
       "Each is registered in full only with the yes to “Registration in SUS” and without a "
       "protected identity; otherwise anonymously, with gender and budget year only."),
    _l("Registered out: the participation ended in the period. An anonymous registration is "
       "counted only in the rows by gender and in the totals, never by occupation."),
    _l("Occupation before and after is counted for those registered out in full, in SUS's "
       "categories, as the coach recorded it on the SUS worksheet. In SUS 40 hours a week is "
       "100 %; the occupation “None” without hours counts as 0 %."),
)
