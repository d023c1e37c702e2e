"""The Kodprov web app: ``create_app`` builds it; ``flask --app web run`` serves it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from assessor.infra.settings import INSTANCE_PATH, Settings
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
from web.placements import words as placement_words
from web.profiles import words as profile_words
from web.rights import words as rights_words
from web.statistics import words as statistics_words

log = logging.getLogger(__name__)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then environment, then ``config`` overrides, then parts."""
    app = Flask(__name__, instance_path=str(Path(INSTANCE_PATH).resolve()))
    settings = Settings.from_env()
    if config and "KODPROV_ENV" in config:
        settings = _with_environment(settings, config["KODPROV_ENV"])
    app.config.from_object(config_for(settings))
    app.config.update(config or {})
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
    rights_words.init_app(app)
    profile_words.init_app(app)
    placement_words.init_app(app)
    statistics_words.init_app(app)
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


def _with_environment(settings: Settings, environment: str) -> Settings:
    from dataclasses import replace

    return replace(settings, environment=environment)


def _register_blueprints(app: Flask) -> None:
    from web.admin import bp as admin_bp
    from web.auth import bp as auth_bp
    from web.candidate import bp as candidate_bp
    from web.caseworker import bp as caseworker_bp
    from web.challenges import bp as challenges_bp
    from web.employer_view import bp as employer_view_bp
    from web.facilitator import bp as facilitator_bp
    from web.handins import bp as handins_bp
    from web.invitations import bp as invitations_bp
    from web.matching import bp as matching_bp
    from web.people import bp as people_bp
    from web.placements import bp as placements_bp
    from web.preview import bp as preview_bp
    from web.profiles import bp as profiles_bp
    from web.public import bp as public_bp
    from web.questionnaire import bp as questionnaire_bp
    from web.reports import bp as reports_bp
    from web.statistics import bp as statistics_bp

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
    app.register_blueprint(profiles_bp, url_prefix="/kandidat/profil")
    app.register_blueprint(matching_bp, url_prefix="/matchning")
    app.register_blueprint(employer_view_bp, url_prefix="/arbetsgivare")
    app.register_blueprint(placements_bp, url_prefix="/placeringar")
    app.register_blueprint(statistics_bp, url_prefix="/statistik")
