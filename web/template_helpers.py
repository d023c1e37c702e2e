"""Every name a template may use beside its own variables, registered in one place.

The words live with their feature (``web/<feature>/words.py``) or in the one vocabulary of
shared words (``web.words``); this module only hands them to Jinja, with the few globals that
are about the page itself (the account's key for local copies, "Listen", the admins' notices).
"""

from __future__ import annotations

import hmac

from flask import Flask, current_app, render_template
from flask_login import current_user
from markupsafe import Markup

from assessor.domain.vocabulary import AREAS
from assessor.infra.mail import uses_outbox
from assessor.services.rights.periods import CATEGORIES
from sandbox import backend_warning
from web import words
from web.challenges import files as challenge_files
from web.challenges import words as challenge_words
from web.dates import format_day, format_moment
from web.facilitator import words as coach_words
from web.handins import words as hand_in_words
from web.navigation import home_for
from web.questionnaire import words as questionnaire_words
from web.rights import words as rights_words


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
    return backend_warning()


def outbox_in_use() -> bool:
    """Whether e-mail goes to the development outbox (the admin's menu links it then)."""
    return uses_outbox(current_app.config["KODPROV_SETTINGS"])


def init_app(app: Flask) -> None:
    """Register template globals and filters."""
    _register_page_globals(app)
    _register_shared_words(app)
    _register_feature_words(app)


def _register_page_globals(app: Flask) -> None:
    app.add_template_global(home_for, "home_url")
    app.add_template_filter(format_day, "format_date")
    app.add_template_filter(format_moment, "format_datetime")
    app.add_template_global(sandbox_warning)
    app.add_template_global(account_key)
    app.add_template_global(listen_button)
    app.add_template_global(outbox_in_use)


def _register_shared_words(app: Flask) -> None:
    app.add_template_global(words.role_name)
    app.add_template_global(words.purpose_name)
    app.add_template_global(words.purpose_explanation)
    app.add_template_global(words.area_name)
    app.add_template_filter(words.area_name)
    app.add_template_global(words.area_blurb)
    app.add_template_global(AREAS, "known_areas")


def _register_feature_words(app: Flask) -> None:
    app.add_template_global(questionnaire_words.outcome_name)
    app.add_template_global(questionnaire_words.state_name, "questionnaire_state_name")
    app.add_template_global(coach_words.follow_up_outcome_name)
    app.add_template_global(coach_words.signal_text)
    app.add_template_global(challenge_words.task_title)
    app.add_template_global(challenge_words.task_area_name)
    app.add_template_global(challenge_words.progress_name)
    app.add_template_global(challenge_files.editor_language)
    app.add_template_filter(challenge_files.file_suffix)
    app.add_template_filter(challenge_files.without_title)
    app.add_template_global(hand_in_words.submission_status_name)
    _register_rights_words(app)


def _register_rights_words(app: Flask) -> None:
    app.add_template_global(CATEGORIES, "retention_categories")
    app.add_template_global(rights_words.category_name)
    app.add_template_global(rights_words.on_erasure)
    app.add_template_global(rights_words.period, "retention_period")
    app.add_template_global(rights_words.request_kind_name)
    app.add_template_global(rights_words.request_outcome_name)
    app.add_template_filter(rights_words.format_iso)
    app.add_template_global(rights_words.log_kind_name)
