"""The words and page helpers that templates use, registered as globals and filters here.

The words live with their feature (``web/<feature>/words.py``) or in the one vocabulary of
shared words (``web.words``); this module only hands them to Jinja, with the few globals that
are about the page itself (the account's key for local copies, "Listen", the admins' notices).
Names that belong to one part of the app stay with it (``web.identity.person_name``, the
locale in ``web.i18n``, the task pages' filters in ``web.challenges``).
"""

from __future__ import annotations

import hmac

from flask import Flask, current_app, render_template
from flask_login import current_user
from markupsafe import Markup

from assessor.domain.placements import degree_of, percent_of_full_time
from assessor.domain.profiles import CHECKLIST_GROUPS, SECTIONS
from assessor.domain.vocabulary import AREAS
from assessor.infra.mail import uses_outbox
from web import words
from web.challenges import files as challenge_files
from web.challenges import words as challenge_words
from web.dates import format_day, format_moment
from web.facilitator import words as coach_words
from web.guest_retention import retention_categories
from web.handins import words as hand_in_words
from web.navigation import home_for, menu_for
from web.placements import words as placement_words
from web.profiles import words as profile_words
from web.progress import words as progress_words
from web.questionnaire import words as questionnaire_words
from web.rights import words as rights_words
from web.statistics import words as statistics_words


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


def outbox_in_use() -> bool:
    """Whether e-mail goes to the development outbox (the admin's menu links it then)."""
    return uses_outbox(current_app.config["KODPROV_SETTINGS"])


#: every function and value a template may use by name (beside its own variables)
GLOBALS = {
    # the page itself
    "home_url": home_for, "menu_for": menu_for, "sandbox_warning": sandbox_warning,
    "account_key": account_key,
    "listen_button": listen_button, "outbox_in_use": outbox_in_use,
    # the shared vocabulary
    "role_name": words.role_name, "purpose_name": words.purpose_name,
    "purpose_explanation": words.purpose_explanation, "area_name": words.area_name,
    "area_blurb": words.area_blurb, "known_areas": AREAS,
    # each feature's words
    "outcome_name": questionnaire_words.outcome_name,
    "questionnaire_state_name": questionnaire_words.state_name,
    "follow_up_outcome_name": coach_words.follow_up_outcome_name,
    "signal_text": coach_words.signal_text,
    "task_title": challenge_words.task_title, "task_area_name": challenge_words.task_area_name,
    "progress_name": challenge_words.progress_name,
    "editor_language": challenge_files.editor_language,
    "submission_status_name": hand_in_words.submission_status_name,
    "category_name": rights_words.category_name,
    "on_erasure": rights_words.on_erasure, "retention_period": rights_words.period,
    "request_kind_name": rights_words.request_kind_name,
    "request_outcome_name": rights_words.request_outcome_name,
    "log_kind_name": rights_words.log_kind_name,
    "section_names": profile_words.SECTION_NAMES, "section_hints": profile_words.SECTION_HINTS,
    "sections": SECTIONS, "checklist_names": profile_words.CHECKLIST_NAMES,
    "checklist_groups": CHECKLIST_GROUPS, "group_names": profile_words.GROUP_NAMES,
    "need_names": profile_words.NEED_NAMES, "offer_names": profile_words.OFFER_NAMES,
    "remote_names": profile_words.REMOTE_NAMES,
    "opening_remote_names": profile_words.OPENING_REMOTE_NAMES,
    "kind_names": profile_words.KIND_NAMES, "proposal_status_names": profile_words.STATUS_NAMES,
    "reason_text": profile_words.reason_text, "effect_name": profile_words.effect_name,
    "placement_kind_names": placement_words.KIND_NAMES,
    "placement_form_names": placement_words.FORM_NAMES,
    "placement_degree_names": placement_words.DEGREE_NAMES,
    "placement_state_names": placement_words.STATE_NAMES,
    "placement_reason_names": placement_words.REASON_NAMES,
    "follow_up_with_names": placement_words.WITH_NAMES,
    "follow_up_mode_names": placement_words.MODE_NAMES,
    "ips_step_names": placement_words.STEP_NAMES,
    "participation_names": placement_words.PARTICIPATION_NAMES,
    "wheel_area_names": progress_words.DEFAULT_AREA_NAMES,
    "percent_of_full_time": percent_of_full_time,
    "degree_of": degree_of,
    "column_names": statistics_words.COLUMN_NAMES, "age_names": statistics_words.AGE_NAMES,
    "outcome_names": statistics_words.OUTCOME_NAMES, "stage_names": statistics_words.STAGE_NAMES,
    "no_level_name": statistics_words.NO_LEVEL_NAME,
    "goal_outcome_names": statistics_words.GOAL_OUTCOME_NAMES,
    "goal_definitions": statistics_words.GOAL_DEFINITIONS,
    "evening_names": statistics_words.EVENING_NAMES,
    "statistics_definitions": statistics_words.DEFINITIONS,
}
#: every filter (``{{ value|name }}``)
FILTERS = {
    "format_date": format_day, "format_datetime": format_moment, "area_name": words.area_name,
    "file_suffix": challenge_files.file_suffix, "without_title": challenge_files.without_title,
    "format_iso": rights_words.format_iso,
}


def init_app(app: Flask) -> None:
    """Register the template globals and filters (the retention periods with the guests' days
    as the admin set them: ``web.guest_retention``)."""
    for name, value in GLOBALS.items():
        app.add_template_global(value, name)
    for name, function in FILTERS.items():
        app.add_template_filter(function, name)
    app.add_template_global(retention_categories, "retention_categories")
