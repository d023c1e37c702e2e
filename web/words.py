"""The one vocabulary of the web: the words for the values several features show.

Areas and kinds of evidence (``assessor.domain.vocabulary``), roles and consent purposes: values
that every part of the app shows, each named once here. Words for what one feature owns live
beside that feature (``web/<feature>/words.py``, even when other pages show them too);
``web.template_helpers`` makes both available to templates.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

AREA_NAMES = {
    "programmering": _l("Programming"),
    "webb": _l("Web development"),
    "natverk": _l("Networks"),
    "databas": _l("Databases"),
}
AREA_BLURBS = {
    "programmering": _l("Python: from variables and loops to classes and recursion."),
    "webb": _l("HTML and CSS: structure, forms, layout, accessibility."),
    "natverk": _l("Addresses, subnets, ports and a small network program."),
    "databas": _l("SQL: questions to a database, joins and table design."),
}
#: a kind of evidence as a reason ("3 tasks, tasks done at home")
EVIDENCE_NAMES = {
    "self_report": _l("what the person says"),
    "unsupervised": _l("tasks done at home"),
    "supervised_remote": _l("a session supervised by video"),
    "supervised": _l("a supervised session"),
    "work_sample": _l("a work sample"),
}
#: a kind of evidence as where a task was done
EVIDENCE_PLACES = {
    "unsupervised": _l("At home"),
    "supervised_remote": _l("With a coach, by video"),
    "supervised": _l("With a coach"),
    "work_sample": _l("Work sample"),
    "self_report": _l("Said by the person"),
}
ROLE_NAMES = {
    "candidate": _l("Candidate"),
    "facilitator": _l("Coach"),
    "caseworker": _l("Caseworker"),
    "admin": _l("Administrator"),
    "employer": _l("Employer"),
}
#: each consent purpose: its name and what saying yes means
PURPOSES = {
    "assessment": (_l("Tests and results"),
                   _l("Kodprov may store your answers, your code and your results.")),
    "share_report": (_l("Share my report"),
                     _l("One organisation, such as your caseworker's, may read your report.")),
    "employer_profile": (_l("Profile for employers"),
                         _l("Your coach may show a short profile of your skills to employers.")),
    "statistics": (_l("Anonymous statistics"),
                   _l("You are counted in yearly statistics. Nobody can see who you are.")),
    "sus": (_l("Registration in SUS"),
            _l("Your coach may register you with your details in SUS, the funders' follow-up "
               "system (Försäkringskassan's form 9443). This is separate from every other "
               "yes. Without it you are counted there without a name: only your gender and "
               "the year you started.")),
}


def area_name(area: str) -> str:
    """The translated name of an area."""
    return str(AREA_NAMES.get(area, area))


def area_blurb(area: str) -> str:
    """What an area covers, in one line."""
    return str(AREA_BLURBS.get(area, ""))


def role_name(role: str) -> str:
    """The translated name of a role."""
    return str(ROLE_NAMES.get(role, role))


def purpose_name(purpose: str) -> str:
    """The translated name of a consent purpose."""
    return str(PURPOSES[purpose][0]) if purpose in PURPOSES else purpose


def purpose_explanation(purpose: str) -> str:
    """What saying yes to a purpose means, in plain words."""
    return str(PURPOSES[purpose][1]) if purpose in PURPOSES else ""

