"""Settings read from the environment: the one home for every ``KODPROV_*`` variable."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_PATH = Path(os.environ.get("KODPROV_INSTANCE_PATH", PROJECT_ROOT / "instance"))
DEV_SECRET_KEY = "dev-only-not-secret"


def default_sqlite_url() -> str:
    """The embedded database used by ``make run``: a SQLite file under ``instance/``."""
    return f"sqlite:///{INSTANCE_PATH / 'kodprov.sqlite3'}"


def normalise_database_url(url: str) -> str:
    """Use the psycopg 3 driver for plain ``postgres://`` and ``postgresql://`` URLs."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


@dataclass(frozen=True)
class Settings:
    """Deployment settings. Safe embedded defaults; production overrides them by environment."""

    environment: str
    database_url: str
    secret_key: str
    sandbox: str
    queue: str
    redis_url: str
    allow_sqlite_in_production: bool

    @classmethod
    def from_env(cls) -> Settings:
        """Read the settings from ``KODPROV_*`` environment variables."""
        env = os.environ
        return cls(
            environment=env.get("KODPROV_ENV", "development"),
            database_url=normalise_database_url(
                env.get("KODPROV_DATABASE_URL") or default_sqlite_url()
            ),
            secret_key=env.get("KODPROV_SECRET_KEY", DEV_SECRET_KEY),
            sandbox=env.get("KODPROV_SANDBOX", "auto"),
            queue=env.get("KODPROV_QUEUE", "inprocess"),
            redis_url=env.get("KODPROV_REDIS_URL", "redis://127.0.0.1:6379/0"),
            allow_sqlite_in_production=env.get("KODPROV_ALLOW_SQLITE", "") == "1",
        )

    @property
    def is_production(self) -> bool:
        """True when running with the production configuration."""
        return self.environment == "production"


class ConfigurationError(RuntimeError):
    """The settings are unsafe or incomplete for the chosen environment."""


def check_production(settings: Settings) -> None:
    """Refuse a production start with a development secret or (unless told) SQLite."""
    if not settings.is_production:
        return
    if settings.secret_key in ("", DEV_SECRET_KEY) or len(settings.secret_key) < 32:
        raise ConfigurationError(
            "Production needs KODPROV_SECRET_KEY: a random string of at least 32 characters."
        )
    if settings.database_url.startswith("sqlite") and not settings.allow_sqlite_in_production:
        raise ConfigurationError(
            "Production uses PostgreSQL. Set KODPROV_DATABASE_URL, or KODPROV_ALLOW_SQLITE=1 "
            "if you really mean to run on SQLite."
        )
    if settings.sandbox == "process":
        raise ConfigurationError(
            "The process sandbox is not a security boundary and is refused in production."
        )
