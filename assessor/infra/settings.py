"""Settings read from the environment: the one home for every ``KODPROV_*`` variable."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from assessor.infra.secret_keys import HOW_TO_MAKE_ONE, weakness
from sandbox.config import BACKENDS, SandboxConfig, default_pool_size
from sandbox.image.build import DEFAULT_IMAGE

#: where the code lives: the defaults for the instance folder and the challenge bank
PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_INSTANCE_PATH = PROJECT_ROOT / "instance"
DEFAULT_CHALLENGES_PATH = PROJECT_ROOT / "challenges"
DEV_SECRET_KEY = "dev-only-not-secret"
#: how many days after their evening an unclaimed guest's results are kept, unless set
DEFAULT_GUEST_DAYS = 30


def default_sqlite_url(instance_path: Path = DEFAULT_INSTANCE_PATH) -> str:
    """The embedded database used by ``make run``: a SQLite file in the instance folder."""
    return f"sqlite:///{Path(instance_path) / 'kodprov.sqlite3'}"


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
    #: where rate limits are counted: "" means memory in development, Redis in production
    ratelimit_storage: str = ""
    #: how many reverse proxies in front of the app may set X-Forwarded-For
    proxy_hops: int = 0
    #: where e-mail goes (smtp://user:password@host:587 or smtps://…); "" sends none
    smtp_url: str = ""
    #: the sender of Kodprov's e-mail
    mail_from: str = "kodprov@localhost"
    #: how many days an invitation link works
    invitation_days: int = 14
    #: the site's address as people reach it (links in e-mail); "" uses the request's
    base_url: str = ""
    #: where the SQLite file and uploads live
    instance_path: Path = DEFAULT_INSTANCE_PATH
    #: the challenge bank's folder
    challenges_path: Path = DEFAULT_CHALLENGES_PATH
    #: the sandbox image, the warm pool's size (None: two per CPU) and the container runtime
    sandbox_image: str = DEFAULT_IMAGE
    sandbox_pool_size: int | None = None
    sandbox_runtime: str | None = None
    #: a test machine's Docker may use a runc without the CVE-2024-21626 fix
    sandbox_allow_old_runc: bool = False
    #: how many days after their evening an unclaimed guest's results are kept
    guest_days: int = DEFAULT_GUEST_DAYS

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the settings from ``KODPROV_*`` environment variables (``env``: another
        mapping instead of ``os.environ``). The only place that reads them."""
        env = os.environ if env is None else env
        instance_path = Path(env.get("KODPROV_INSTANCE_PATH") or DEFAULT_INSTANCE_PATH)
        return cls(
            environment=env.get("KODPROV_ENV", "development"),
            database_url=normalise_database_url(
                env.get("KODPROV_DATABASE_URL") or default_sqlite_url(instance_path)
            ),
            secret_key=env.get("KODPROV_SECRET_KEY", DEV_SECRET_KEY),
            sandbox=_sandbox_backend(env),
            queue=env.get("KODPROV_QUEUE", "inprocess"),
            redis_url=env.get("KODPROV_REDIS_URL", "redis://127.0.0.1:6379/0"),
            allow_sqlite_in_production=env.get("KODPROV_ALLOW_SQLITE", "") == "1",
            ratelimit_storage=env.get("KODPROV_RATELIMIT_STORAGE", ""),
            proxy_hops=_proxy_hops(env),
            smtp_url=env.get("KODPROV_SMTP_URL", ""),
            mail_from=env.get("KODPROV_MAIL_FROM", "kodprov@localhost"),
            invitation_days=_whole_number(env, "KODPROV_INVITATION_DAYS", "14", minimum=1),
            base_url=env.get("KODPROV_BASE_URL", "").rstrip("/"),
            instance_path=instance_path,
            challenges_path=Path(env.get("KODPROV_CHALLENGES") or DEFAULT_CHALLENGES_PATH),
            sandbox_image=env.get("KODPROV_SANDBOX_IMAGE", "").strip() or DEFAULT_IMAGE,
            sandbox_pool_size=_optional_whole_number(env, "KODPROV_SANDBOX_POOL_SIZE"),
            sandbox_runtime=env.get("KODPROV_SANDBOX_RUNTIME", "").strip() or None,
            sandbox_allow_old_runc=env.get("KODPROV_SANDBOX_ALLOW_OLD_RUNC", "") == "1",
            guest_days=_whole_number(env, "KODPROV_GUEST_DAYS", str(DEFAULT_GUEST_DAYS),
                                     minimum=1),
        )

    @property
    def is_production(self) -> bool:
        """True when running with the production configuration."""
        return self.environment == "production"

    @property
    def ratelimit_storage_uri(self) -> str:
        """Where rate limits are counted: shared Redis in production, this process's memory
        otherwise, unless ``KODPROV_RATELIMIT_STORAGE`` says."""
        if self.ratelimit_storage:
            return self.ratelimit_storage
        return self.redis_url if self.is_production else "memory://"

    @property
    def sandbox_config(self) -> SandboxConfig:
        """What the sandbox needs of these settings, as the sandbox's own config object."""
        pool = default_pool_size() if self.sandbox_pool_size is None else self.sandbox_pool_size
        return SandboxConfig(backend=self.sandbox, image=self.sandbox_image, pool_size=pool,
                             runtime=self.sandbox_runtime, production=self.is_production,
                             allow_old_runc=self.sandbox_allow_old_runc)


def _sandbox_backend(env) -> str:
    """``KODPROV_SANDBOX``: one of the sandbox's backends (``auto`` unless set)."""
    backend = env.get("KODPROV_SANDBOX", "auto").strip().lower() or "auto"
    if backend not in BACKENDS:
        raise ConfigurationError(f"KODPROV_SANDBOX={backend!r}: use one of {', '.join(BACKENDS)}")
    return backend


def _optional_whole_number(env, name: str) -> int | None:
    """A whole number of at least 0 in ``name``, or None when it is unset or empty."""
    value = env.get(name, "").strip()
    return _whole_number({name: value}, name, "0") if value else None


def _proxy_hops(env) -> int:
    """``KODPROV_PROXY_HOPS``: production sits behind one reverse proxy unless told otherwise."""
    default = "1" if env.get("KODPROV_ENV") == "production" else "0"
    return _whole_number(env, "KODPROV_PROXY_HOPS", default)


def _whole_number(env, name: str, default: str, minimum: int = 0) -> int:
    value = env.get(name, default)
    if not value.isdigit() or int(value) < minimum:
        raise ConfigurationError(f"{name} must be a whole number of at least {minimum}, "
                                 f"not {value!r}.")
    return int(value)


class ConfigurationError(RuntimeError):
    """The settings are unsafe or incomplete for the chosen environment."""


def check_production(settings: Settings) -> None:
    """Refuse a production start with a development secret or (unless told) SQLite."""
    if not settings.is_production:
        return
    problem = weakness(settings.secret_key, DEV_SECRET_KEY)
    if problem is not None:
        raise ConfigurationError(
            f"Production needs a strong KODPROV_SECRET_KEY: the key {problem}. {HOW_TO_MAKE_ONE}"
        )
    if settings.database_url.startswith("sqlite") and not settings.allow_sqlite_in_production:
        raise ConfigurationError(
            "Production uses PostgreSQL. Set KODPROV_DATABASE_URL, or KODPROV_ALLOW_SQLITE=1 "
            "if you really mean to run on SQLite."
        )
    if settings.smtp_url and not settings.base_url:
        raise ConfigurationError(
            "With KODPROV_SMTP_URL set, production needs KODPROV_BASE_URL (the site's address "
            "for the links in e-mail; a request's own Host header must never decide them)."
        )
    if settings.sandbox == "process":
        raise ConfigurationError(
            "The process sandbox is not a security boundary and is refused in production."
        )
