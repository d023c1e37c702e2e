"""Names and filters that every template can use."""

from __future__ import annotations

import hmac

from flask import Flask, current_app, render_template
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup

from assessor.domain.vocabulary import AREAS
from assessor.infra.mail import uses_outbox
from web.dates import format_day, format_moment
from web.grading import catalogue
from web.navigation import home_for

ROLE_NAMES = {
    "candidate": _l("Candidate"),
    "facilitator": _l("Coach"),
    "caseworker": _l("Caseworker"),
    "admin": _l("Administrator"),
    "employer": _l("Employer"),
}


OUTCOME_NAMES = {
    "programmer": _l("Likely programmer"),
    "superuser": _l("Likely superuser"),
    "unclear": _l("Unclear"),
}


PURPOSES = {
    "assessment": (_l("Tests and results"),
                   _l("Kodprov may store your answers, your code and your results.")),
    "share_report": (_l("Share my report"),
                     _l("One organisation, such as your caseworker's, may read your report.")),
    "employer_profile": (_l("Profile for employers"),
                         _l("Your coach may show a short profile of your skills to employers.")),
    "statistics": (_l("Anonymous statistics"),
                   _l("You are counted in yearly statistics. Nobody can see who you are.")),
}


def purpose_name(purpose: str) -> str:
    """The translated name of a consent purpose."""
    return str(PURPOSES[purpose][0]) if purpose in PURPOSES else purpose


def purpose_explanation(purpose: str) -> str:
    """What saying yes to a purpose means, in plain words."""
    return str(PURPOSES[purpose][1]) if purpose in PURPOSES else ""


FOLLOW_UP_OUTCOMES = {
    "confirmed": _l("Confirmed"),
    "partly": _l("Partly confirmed"),
    "not_confirmed": _l("Not confirmed"),
}


def follow_up_outcome_name(outcome: str) -> str:
    """The translated outcome of a follow-up."""
    return str(FOLLOW_UP_OUTCOMES.get(outcome, outcome))


def area_name(area: str) -> str:
    """The translated name of an area."""
    from web.reports.rendering import AREA_NAMES

    return str(AREA_NAMES.get(area, area))


EDITOR_LANGUAGES = {".py": "python", ".sql": "sql", ".html": "html", ".css": "css"}
PROGRESS_NAMES = {
    "new": _l("Not started"),
    "draft": _l("Draft saved"),
    "tried": _l("Tried"),
    "done": _l("Done"),
}
STATUS_NAMES = {
    "queued": _l("Waiting to be checked"),
    "running": _l("Being checked"),
    "graded": _l("Checked"),
    "error": _l("Could not be checked (not counted)"),
    "withheld": _l("Not checked: no yes to “Tests and results” (not counted)"),
    "not_gradable": _l("Something to fix first (not counted)"),
}


def account_key() -> str:
    """An opaque name for the logged-in account ("" for visitors): what the browser keeps of
    unsaved work is filed under it, so it is never shown to another account."""
    if not current_user.is_authenticated:
        return ""
    secret = str(current_app.config["SECRET_KEY"]).encode()
    message = f"local-copy:{current_user.id}".encode()
    return hmac.new(secret, message, "sha256").hexdigest()[:24]


def listen_button(selector: str) -> Markup:
    """The "Listen" controls that read the element at ``selector`` aloud (listen.js shows them
    where the browser can speak)."""
    return Markup(render_template("macros/listen.html", selector=selector))


def sandbox_warning() -> str | None:
    """The loud warning admins see while code runs without Docker isolation."""
    return current_app.extensions["kodprov_sandbox"].warning


def without_title(html: str) -> str:
    """A challenge statement without its leading ``<h1>`` (the page shows the title)."""
    import re

    return re.sub(r"^\s*<h1>.*?</h1>\s*", "", html, count=1, flags=re.S)


def file_suffix(name: str) -> str:
    """``.py`` for ``main.py``."""
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def editor_language(name: str) -> str:
    """The editor's syntax mode for a file name (empty: plain text)."""
    return EDITOR_LANGUAGES.get(file_suffix(name), "")


def progress_name(state: str) -> str:
    """The translated name of a challenge's progress state."""
    return str(PROGRESS_NAMES.get(state, state))


def submission_status_name(submission) -> str:
    """The translated status of a submission."""
    key = "not_gradable" if submission.status == "graded" and submission.gradable is False \
        else submission.status
    return str(STATUS_NAMES.get(key, key))


AREA_BLURBS = {
    "programmering": _l("Python: from variables and loops to classes and recursion."),
    "webb": _l("HTML and CSS: structure, forms, layout, accessibility."),
    "natverk": _l("Addresses, subnets, ports and a small network program."),
    "databas": _l("SQL: questions to a database, joins and table design."),
}


def area_blurb(area: str) -> str:
    """What an area covers, in one line."""
    return str(AREA_BLURBS.get(area, ""))


SIGNAL_TEXTS = {
    "claim_gap": _l("Says more about their programming in the questionnaire than the "
                    "knowledge questions showed (%(correct)s of %(total)s right)."),
    "person_fit": _l("An unusual pattern: harder tasks solved after easier ones failed."),
    "similar_to_other": _l("Resembles the solution of %(other)s (%(percent)s %% of the code's "
                           "fragments are also there). Not a score: ask how the person solved "
                           "the task."),
    "similar_to_reference": _l("Resembles the model solution (%(percent)s %% of the code's "
                               "fragments are also there). Not a score: ask how the person "
                               "solved the task."),
    "unchanged_starter": _l("The code is almost the same as the starting code."),
}


PERSON_FIT_DETAILS = {
    "unexpected_successes": _l("Went better than expected: %(tasks)s."),
    "unexpected_failures": _l("Went worse than expected: %(tasks)s."),
}


def signal_text(kind: str, facts: dict) -> str:
    """A signal explained in plain words; tasks are named by their titles, not their ids."""
    template = SIGNAL_TEXTS.get(kind)
    if template is None:
        return kind
    wanted = {k: v for k, v in facts.items() if isinstance(v, str | int | float)}
    try:
        text = str(template) % wanted
    except (KeyError, TypeError):
        text = str(template)
    if kind == "person_fit":
        text = " ".join([text, *_person_fit_details(facts)])
    return text


def _person_fit_details(facts: dict) -> list[str]:
    """One sentence per kind of surprise, naming the tasks."""
    sentences = []
    for key, template in PERSON_FIT_DETAILS.items():
        ids = facts.get(key)
        if isinstance(ids, list | tuple) and ids:
            titles = ", ".join(task_title(str(challenge_id)) for challenge_id in ids)
            sentences.append(str(template) % {"tasks": titles})
    return sentences


def task_title(challenge_id: str) -> str:
    """A challenge's title in the current language (its id when it has left the bank)."""
    return catalogue().title(challenge_id, str(get_locale() or "sv"))


def task_area_name(challenge_id: str) -> str:
    """The translated area of a challenge ("–" once it has left the bank)."""
    challenge = catalogue().challenge(challenge_id)
    return area_name(challenge.area.value) if challenge is not None else "–"


def outcome_name(outcome: str) -> str:
    """The translated name of a screening outcome."""
    return str(OUTCOME_NAMES.get(outcome, outcome))


def outbox_in_use() -> bool:
    """Whether e-mail goes to the development outbox (the admin's menu links it then)."""
    return uses_outbox(current_app.config["KODPROV_SETTINGS"])


def role_name(role: str) -> str:
    """The translated name of a role."""
    return str(ROLE_NAMES.get(role, role))


def init_app(app: Flask) -> None:
    """Register template globals and filters."""
    app.add_template_global(home_for, "home_url")
    app.add_template_global(role_name)
    app.add_template_global(outcome_name)
    app.add_template_global(purpose_name)
    app.add_template_global(purpose_explanation)
    app.add_template_filter(format_day, "format_date")
    app.add_template_filter(format_moment, "format_datetime")
    app.add_template_global(follow_up_outcome_name)
    app.add_template_global(area_name)
    app.add_template_filter(area_name)
    app.add_template_global(area_blurb)
    app.add_template_global(AREAS, "known_areas")
    app.add_template_global(signal_text)
    app.add_template_global(task_title)
    app.add_template_global(task_area_name)
    app.add_template_global(editor_language)
    app.add_template_global(progress_name)
    app.add_template_global(submission_status_name)
    app.add_template_filter(file_suffix)
    app.add_template_filter(without_title)
    app.add_template_global(sandbox_warning)
    app.add_template_global(account_key)
    app.add_template_global(listen_button)
    app.add_template_global(outbox_in_use)
