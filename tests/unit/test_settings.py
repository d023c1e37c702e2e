"""Settings, read once from the environment (or the test config), and the production guard."""

import pytest

from assessor.infra.settings import (
    DEV_SECRET_KEY,
    PROJECT_ROOT,
    ConfigurationError,
    Settings,
    check_production,
    normalise_database_url,
)
from assessor.services.jobs import SynchronousQueue
from sandbox.config import SandboxConfig, default_pool_size
from tests.app_settings import app_settings
from web import create_app

#: made once with secrets.token_urlsafe(48); fixed so the tests are the same every run
STRONG_KEY = "q3Vb7nT_kP0xW2mZ9rLc8sYd-Hj4Fa6Ue1Gi5Ko0NwQe7RtX2yBvC9pM3lS8hDz"


def production(**overrides) -> Settings:
    values = dict(environment="production", database_url="postgresql+psycopg://h/db",
                  secret_key=STRONG_KEY, sandbox="docker", queue="celery",
                  redis_url="redis://127.0.0.1:6379/0", allow_sqlite_in_production=False)
    values.update(overrides)
    return Settings(**values)


def test_production_refuses_the_development_secret_key():
    with pytest.raises(ConfigurationError, match="KODPROV_SECRET_KEY"):
        check_production(production(secret_key=DEV_SECRET_KEY))


@pytest.mark.parametrize("weak_key", [
    "x" * 40,                                           # one character repeated
    "ab" * 32,                                          # a short pattern repeated
    "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ",   # a run along the keyboard/alphabet
    "password-password-password-password",             # a word, repeated
    "kodprov-production-secret-key-2026!",              # dictionary-like: says what it is
    "dev-only-not-secret-but-made-long-enough-now",     # the development marker, lengthened
    "9f86d081884c7d659a2feaa0c55ad015",                 # 32 hex digits: too little to estimate
    "Tr0ub4dor&3",                                      # too short
])
def test_production_refuses_a_weak_secret_key_with_a_clear_reason(weak_key):
    with pytest.raises(ConfigurationError, match="KODPROV_SECRET_KEY") as refused:
        check_production(production(secret_key=weak_key))
    assert "secrets.token_urlsafe(48)" in str(refused.value)


@pytest.mark.parametrize("strong_key", [
    STRONG_KEY,
    "d41d8cd98f00b204e9800998ecf8427e5f4dcc3b5aa765d61d8327deb882cf99",  # token_hex(32)
])
def test_production_accepts_a_key_made_by_a_random_generator(strong_key):
    check_production(production(secret_key=strong_key))


def test_the_app_explains_a_weak_secret_key_at_start_up(monkeypatch, tmp_path):
    monkeypatch.setenv("KODPROV_ENV", "production")
    monkeypatch.setenv("KODPROV_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("KODPROV_SECRET_KEY", "changeme" * 6)
    with pytest.raises(ConfigurationError, match="easy to guess"):
        create_app()


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

    from assessor.domain.clock import local_date

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


def test_the_sandbox_settings_come_from_the_environment_for_the_sandbox():
    settings = Settings.from_env({
        "KODPROV_SANDBOX": "Docker", "KODPROV_SANDBOX_IMAGE": "img:1",
        "KODPROV_SANDBOX_POOL_SIZE": "0", "KODPROV_SANDBOX_RUNTIME": "runsc",
        "KODPROV_SANDBOX_ALLOW_OLD_RUNC": "1", "KODPROV_ENV": "production"})
    assert settings.sandbox_config == SandboxConfig("docker", "img:1", 0, "runsc", True,
                                                    allow_old_runc=True)


def test_the_defaults_are_the_projects_folders_auto_and_two_containers_per_cpu():
    settings = Settings.from_env({})
    assert settings.instance_path == PROJECT_ROOT / "instance"
    assert settings.challenges_path == PROJECT_ROOT / "challenges"
    assert settings.database_url == f"sqlite:///{PROJECT_ROOT / 'instance' / 'kodprov.sqlite3'}"
    config = settings.sandbox_config
    assert (config.backend, config.image) == ("auto", "kodprov-sandbox:latest")
    assert config.pool_size == default_pool_size() and not config.production
    assert not config.allow_old_runc


def test_the_instance_path_holds_the_default_database_and_the_bank_can_live_elsewhere(tmp_path):
    settings = Settings.from_env({"KODPROV_INSTANCE_PATH": str(tmp_path / "data"),
                                  "KODPROV_CHALLENGES": str(tmp_path / "bank")})
    assert settings.database_url == f"sqlite:///{tmp_path / 'data' / 'kodprov.sqlite3'}"
    assert settings.challenges_path == tmp_path / "bank"


@pytest.mark.parametrize(("name", "value"), [("KODPROV_SANDBOX", "chroot"),
                                             ("KODPROV_SANDBOX_POOL_SIZE", "many")])
def test_a_sandbox_setting_that_cannot_be_used_is_explained(name, value):
    with pytest.raises(ConfigurationError, match=name):
        Settings.from_env({name: value})


def test_the_test_config_decides_the_sandbox_queue_bank_and_instance_path(tmp_path):
    app = create_app(app_settings(tmp_path, DATABASE_URL="sqlite://"))
    settings = app.config["KODPROV_SETTINGS"]
    assert app.instance_path == str((tmp_path / "instance").resolve())
    assert (settings.sandbox, settings.queue) == ("fake", "sync")
    assert isinstance(app.extensions["kodprov_queue"], SynchronousQueue)
    assert app.extensions["kodprov_sandbox"].config.backend == "fake"
    assert app.extensions["kodprov_catalogue"].path == PROJECT_ROOT / "challenges"
    app.extensions["kodprov_db"].dispose()


def test_an_app_makes_nothing_outside_its_instance_path(tmp_path):
    project_instance = PROJECT_ROOT / "instance"
    before = sorted(project_instance.rglob("*")) if project_instance.exists() else None
    app = create_app(app_settings(tmp_path, KODPROV_QUEUE="inprocess"))  # its default database
    try:
        # a page that reads no table: this database is never migrated (the start page reads
        # the calendar of evenings)
        assert app.test_client().get("/om").status_code == 200
    finally:
        app.extensions["kodprov_queue"].close()
        app.extensions["kodprov_db"].dispose()
    assert (tmp_path / "instance").is_dir()
    after = sorted(project_instance.rglob("*")) if project_instance.exists() else None
    assert after == before  # not made, or (made by `make run`) left as it was

