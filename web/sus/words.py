"""The words of the SUS page: SUS's categories, in Swedish as SUS names them (English second)."""

from flask_babel import lazy_gettext as _l

INCOME_NAMES = {
    "lon": _l("Wages"),
    "a_kassa": _l("Unemployment benefit (a-kassa)"),
    "aktivitetsersattning": _l("Activity compensation (aktivitetsersättning)"),
    "sjukersattning": _l("Sickness compensation (sjukersättning)"),
    "sjukpenning": _l("Sickness benefit (sjukpenning)"),
    "forsorjningsstod": _l("Financial assistance (försörjningsstöd)"),
    "studiemedel": _l("Student finance (studiemedel)"),
    "aktivitetsstod": _l("Activity support (aktivitetsstöd)"),
    "etableringsersattning": _l("Establishment allowance (etableringsersättning)"),
    "ingen_offentlig": _l("No public support"),
    "annan": _l("Other income"),
}
OCCUPATION_NAMES = {
    "arbete": _l("Work"),
    "arbete_med_stod": _l("Work with support (e.g. wage subsidy)"),
    "studier": _l("Studies"),
    "arbetssokande": _l("Actively looking for work"),
    "daglig_verksamhet": _l("Daily activity (daglig verksamhet)"),
    "praktik": _l("Praktik"),
    "ingen": _l("None"),
}
EDUCATION_NAMES = {
    "forgymnasial": _l("Compulsory school or less"),
    "gymnasial": _l("Upper secondary school"),
    "eftergymnasial": _l("Post-secondary education"),
    "okand": _l("Not known"),
}
SUPPORT_TIME_NAMES = {
    "ingen": _l("No public support"),
    "under_1_ar": _l("Less than a year"),
    "1_2_ar": _l("1–2 years"),
    "3_4_ar": _l("3–4 years"),
    "5_ar_eller_mer": _l("5 years or more"),
    "okand": _l("Not known"),
}
END_REASON_NAMES = {
    "planerat_avslut": _l("Planned end"),
    "arbete": _l("Work"),
    "studier": _l("Studies"),
    "annan_insats": _l("Another programme"),
    "sjukdom": _l("Illness"),
    "flytt": _l("Moved"),
    "eget_beslut": _l("Own decision"),
    "atertaget_samtycke": _l("Consent taken back"),
    "ej_kontakt": _l("No contact"),
    "felregistrering": _l("Registered by mistake"),
    "ovrigt": _l("Other"),
}
GENDER_NAMES = {"kvinna": _l("Woman"), "man": _l("Man")}
ERRORS = {
    "unknown": _l("A choice is not on the list. Nothing was changed."),
    "hours": _l("Hours a week are a number from 0 to 60. Nothing was changed."),
    "hours_without_occupation": _l("Hours a week belong to an occupation: choose the "
                                   "occupation too. Nothing was changed."),
    "income_alone": _l("“No public support” cannot be chosen together with another income. "
                       "Nothing was changed."),
}


def error_text(code: str) -> str:
    """Why a registration was refused, in words."""
    return str(ERRORS.get(code, ERRORS["unknown"]))
