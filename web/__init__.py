"""The Kodprov web app: ``create_app`` builds it; ``flask --app web run`` serves it."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from assessor.infra.settings import Settings
from web import (
    access,
    database,
    errors,
    extensions,
    grading,
    i18n,
    identity,
    input_guard,
    ratelimits,
    security_headers,
    template_helpers,
    text_size,
)
from web.config import config_for

log = logging.getLogger(__name__)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then the environment (read here, once), then ``config``
    overrides, then parts. An entry of ``config`` named like a ``KODPROV_*`` variable
    (``KODPROV_SANDBOX``, ``KODPROV_QUEUE``, ``KODPROV_CHALLENGES``, ``KODPROV_INSTANCE_PATH``,
    …) stands in for that variable; the rest is Flask configuration."""
    config = config or {}
    settings = Settings.from_env(_environment_with(config))
    app = Flask(__name__, instance_path=str(settings.instance_path.resolve()))
    app.config.from_object(config_for(settings))
    app.config.update(config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    database.init_app(app)
    input_guard.init_app(app)  # first: its checks run before CSRF and login
    extensions.init_app(app)
    i18n.init_app(app)
    access.init_app(app)
    errors.init_app(app)
    security_headers.init_app(app)
    template_helpers.init_app(app)
    identity.init_app(app)
    text_size.init_app(app)
    grading.init_app(app)
    _register_blueprints(app)
    ratelimits.init_app(app)  # after the blueprints: it wraps their marked views
    _trust_proxies(app, settings.proxy_hops)
    return app


def _trust_proxies(app: Flask, hops: int) -> None:
    """Read the visitor's address from the reverse proxy (per-address limits need it)."""
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]


def _environment_with(config: Mapping[str, Any]) -> dict[str, str]:
    """The process environment with the ``KODPROV_*`` entries of ``config`` in place of its
    own (a path or a number is given as text, as the environment would give it)."""
    overrides = {name: str(value) for name, value in config.items()
                 if name.startswith("KODPROV_") and isinstance(value, str | Path | int)
                 and not isinstance(value, bool)}
    return {**os.environ, **overrides}


def _register_blueprints(app: Flask) -> None:
    from web.admin import bp as admin_bp
    from web.auth import bp as auth_bp
    from web.calendar import bp as calendar_bp
    from web.candidate import bp as candidate_bp
    from web.caseworker import bp as caseworker_bp
    from web.challenges import bp as challenges_bp
    from web.employer_view import bp as employer_view_bp
    from web.events import bp as events_bp
    from web.events import participant_bp as evening_bp
    from web.facilitator import bp as facilitator_bp
    from web.handins import bp as handins_bp
    from web.intake import bp as intake_bp
    from web.invitations import bp as invitations_bp
    from web.matching import bp as matching_bp
    from web.outreach import bp as outreach_bp
    from web.people import bp as people_bp
    from web.placements import bp as placements_bp
    from web.plans import bp as plans_bp
    from web.pools import bp as pools_bp
    from web.preview import bp as preview_bp
    from web.profiles import bp as profiles_bp
    from web.progress import bp as progress_bp
    from web.public import bp as public_bp
    from web.questionnaire import bp as questionnaire_bp
    from web.reports import bp as reports_bp
    from web.statistics import bp as statistics_bp
    from web.survey import bp as survey_bp
    from web.sus import bp as sus_bp

    app.register_blueprint(public_bp)
    app.register_blueprint(auth_bp, url_prefix="/konto")
    app.register_blueprint(candidate_bp, url_prefix="/kandidat")
    app.register_blueprint(facilitator_bp, url_prefix="/handledare")
    app.register_blueprint(caseworker_bp, url_prefix="/handlaggare")
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(questionnaire_bp, url_prefix="/formular")
    app.register_blueprint(people_bp, url_prefix="/personer")
    app.register_blueprint(reports_bp, url_prefix="/rapport")
    app.register_blueprint(challenges_bp, url_prefix="/uppgifter")
    app.register_blueprint(handins_bp, url_prefix="/inlamningar")
    app.register_blueprint(preview_bp, url_prefix="/forhandsvisning")
    app.register_blueprint(invitations_bp, url_prefix="/inbjudningar")
    app.register_blueprint(events_bp, url_prefix="/kvallar")
    app.register_blueprint(evening_bp, url_prefix="/kvall")
    app.register_blueprint(profiles_bp, url_prefix="/kandidat/profil")
    app.register_blueprint(matching_bp, url_prefix="/matchning")
    app.register_blueprint(employer_view_bp, url_prefix="/arbetsgivare")
    app.register_blueprint(outreach_bp)
    app.register_blueprint(intake_bp, url_prefix="/intag")
    app.register_blueprint(pools_bp, url_prefix="/intag/platser")
    app.register_blueprint(placements_bp, url_prefix="/placeringar")
    app.register_blueprint(statistics_bp, url_prefix="/statistik")
    app.register_blueprint(plans_bp, url_prefix="/plan")
    app.register_blueprint(progress_bp, url_prefix="/framsteg")
    app.register_blueprint(calendar_bp)
    app.register_blueprint(sus_bp, url_prefix="/sus")
    app.register_blueprint(survey_bp, url_prefix="/kandidat/enkat")
