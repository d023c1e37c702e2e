"""Settings and the production guard."""

import pytest

from assessor.settings import (
    DEV_SECRET_KEY,
    ConfigurationError,
    Settings,
    check_production,
    normalise_database_url,
)
from web import create_app

STRONG_KEY = "x" * 40


def production(**overrides) -> Settings:
    values = dict(environment="production", database_url="postgresql+psycopg://h/db",
                  secret_key=STRONG_KEY, sandbox="docker", queue="celery",
                  redis_url="redis://127.0.0.1:6379/0", allow_sqlite_in_production=False)
    values.update(overrides)
    return Settings(**values)


def test_production_refuses_the_development_secret_key():
    with pytest.raises(ConfigurationError, match="KODPROV_SECRET_KEY"):
        check_production(production(secret_key=DEV_SECRET_KEY))


def test_production_refuses_sqlite_unless_told_explicitly():
    with pytest.raises(ConfigurationError, match="PostgreSQL"):
        check_production(production(database_url="sqlite:///x.db"))
    check_production(production(database_url="sqlite:///x.db", allow_sqlite_in_production=True))


def test_production_refuses_the_process_sandbox():
    with pytest.raises(ConfigurationError, match="process sandbox"):
        check_production(production(sandbox="process"))


def test_a_safe_production_configuration_passes():
    check_production(production())


def test_plain_postgres_urls_get_the_psycopg_driver():
    assert normalise_database_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    assert normalise_database_url("postgresql://u@h/d") == "postgresql+psycopg://u@h/d"
    assert normalise_database_url("sqlite:///a") == "sqlite:///a"


def test_the_app_will_not_start_in_production_with_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("KODPROV_ENV", "production")
    monkeypatch.setenv("KODPROV_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("KODPROV_SECRET_KEY", raising=False)
    with pytest.raises(ConfigurationError):
        create_app()


def test_production_sets_secure_cookie_flags(monkeypatch, tmp_path):
    monkeypatch.setenv("KODPROV_ENV", "production")
    monkeypatch.setenv("KODPROV_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("KODPROV_SECRET_KEY", STRONG_KEY)
    monkeypatch.setenv("KODPROV_DATABASE_URL", f"sqlite:///{tmp_path / 'p.db'}")
    monkeypatch.setenv("KODPROV_ALLOW_SQLITE", "1")
    monkeypatch.setenv("KODPROV_SANDBOX", "docker")
    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["REMEMBER_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == app.config["REMEMBER_COOKIE_SAMESITE"] == "Lax"


def test_an_unknown_environment_name_is_explained(monkeypatch, tmp_path):
    monkeypatch.setenv("KODPROV_ENV", "staging")
    monkeypatch.setenv("KODPROV_INSTANCE_PATH", str(tmp_path))
    with pytest.raises(ValueError, match="KODPROV_ENV must be one of"):
        create_app()


def test_stored_utc_moments_are_shown_on_the_swedish_calendar_day():
    from datetime import UTC, datetime

    from assessor.db import local_date

    just_after_midnight_in_sweden = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
    assert local_date(just_after_midnight_in_sweden).isoformat() == "2026-11-24"
    assert local_date(datetime(2026, 6, 1, 21, 59)).isoformat() == "2026-06-01"  # naive = UTC
    assert local_date(datetime(2026, 6, 1, 22, 0)).isoformat() == "2026-06-02"  # summer time


def test_pages_show_times_in_swedish_time(app):
    from datetime import UTC, datetime

    from flask_babel import format_datetime

    with app.test_request_context():
        shown = format_datetime(datetime(2026, 11, 23, 23, 30, tzinfo=UTC), "yyyy-MM-dd HH:mm")
    assert shown == "2026-11-24 00:30"
