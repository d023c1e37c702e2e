"""Flask configuration classes built on the environment settings in ``assessor.infra.settings``."""

from __future__ import annotations

from assessor.domain.clock import LOCAL_TIMEZONE
from assessor.domain.vocabulary import DEFAULT_LOCALE, LOCALES
from assessor.infra.settings import Settings, check_production
from assessor.services.sessions import SESSION_LIFETIME
from web.ratelimits import DEFAULT_LIMITS


class BaseConfig:
    """Defaults shared by every environment."""

    BABEL_DEFAULT_LOCALE = DEFAULT_LOCALE
    BABEL_DEFAULT_TIMEZONE = LOCAL_TIMEZONE  #: stored in UTC, shown as Swedish time
    BABEL_TRANSLATION_DIRECTORIES = "translations"
    LANGUAGES = LOCALES
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = SESSION_LIFETIME  #: the login session ends then too
    PERMANENT_SESSION_LIFETIME = SESSION_LIFETIME
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024  #: uploads larger than this get a clear 413 page
    WTF_CSRF_TIME_LIMIT = None  #: candidates pause for hours; a form must not expire meanwhile

    def __init__(self, settings: Settings) -> None:
        self.SECRET_KEY = settings.secret_key
        self.DATABASE_URL = settings.database_url
        self.KODPROV_SETTINGS = settings
        self.KODPROV_RATE_LIMITS = dict(DEFAULT_LIMITS)
        self.RATELIMIT_STORAGE_URI = settings.ratelimit_storage_uri
        self.RATELIMIT_KEY_PREFIX = "kodprov"
        # In production a Redis outage lets requests through (and logs each one) rather than
        # refusing every login; elsewhere a storage error should be seen at once.
        self.RATELIMIT_SWALLOW_ERRORS = settings.is_production


class DevelopmentConfig(BaseConfig):
    """``make run``: SQLite under instance/, debug pages off unless FLASK_DEBUG is set."""


class TestingConfig(BaseConfig):
    """Tests: in-memory-like database given by the test, CSRF still on unless a test says so."""

    TESTING = True


class ProductionConfig(BaseConfig):
    """Production: refuses unsafe settings, secure cookies."""

    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"
    #: HSTS only here: in development and tests it would lock plain-http localhost out
    HSTS_MAX_AGE = 365 * 24 * 3600

    def __init__(self, settings: Settings) -> None:
        check_production(settings)
        super().__init__(settings)


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_for(settings: Settings) -> BaseConfig:
    """The config object for the environment named in the settings."""
    config_class = CONFIGS.get(settings.environment)
    if config_class is None:
        known = ", ".join(CONFIGS)
        raise ValueError(f"KODPROV_ENV must be one of {known}, not {settings.environment!r}")
    return config_class(settings)
