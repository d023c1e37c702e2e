"""How tests find the real services they need.

Locally a missing service skips its tests with a reason; with ``CI=true`` it fails them,
because CI installs and starts every service (see ``scripts/services.sh``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

POSTGRES_URL = os.environ.get(
    "KODPROV_TEST_POSTGRES_URL", "postgresql+psycopg://kodprov:kodprov@127.0.0.1:5432/kodprov_test"
)
REDIS_URL = os.environ.get("KODPROV_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
CHROMIUM = os.environ.get("KODPROV_CHROMIUM", "/usr/bin/chromium")


def in_ci() -> bool:
    """True when the suite runs in CI, where every service must be present."""
    return os.environ.get("CI", "").lower() == "true"


def require_service(name: str, available: bool, how_to_fix: str) -> None:
    """Skip (locally) or fail (in CI) the calling test when a service is missing."""
    if available:
        return
    message = f"{name} is not available: {how_to_fix}"
    if in_ci():
        pytest.fail(f"CI=true and {message}", pytrace=False)
    pytest.skip(message)


def postgres_available(url: str = POSTGRES_URL) -> bool:
    """Whether a PostgreSQL server answers at ``url``."""
    import sqlalchemy as sa

    try:
        engine = sa.create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(sa.text("select 1"))
        engine.dispose()
        return True
    except Exception:
        return False


def redis_available(url: str = REDIS_URL) -> bool:
    """Whether a Redis server answers at ``url``."""
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=3).ping())
    except Exception:
        return False


def docker_available() -> bool:
    """Whether a Docker engine answers on the default socket."""
    try:
        import docker

        client = docker.from_env(timeout=5)
        client.ping()
        client.close()
        return True
    except Exception:
        return False


def chromium_available() -> bool:
    """Whether Debian's Chromium is installed where the browser tests look for it."""
    return shutil.which(CHROMIUM) is not None or os.path.exists(CHROMIUM)


#: parameters for a ``database_url`` fixture that runs its tests on SQLite and on PostgreSQL
BOTH_DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@contextmanager
def database_of_kind(kind: str, tmp_path, prefix: str) -> Iterator[str]:
    """The URL of a fresh database of ``kind`` ("sqlite" in ``tmp_path``, or "postgresql"
    named after ``prefix``), for a fixture parametrized with ``BOTH_DATABASES``."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    with fresh_postgres_database(prefix) as url:
        yield url


@contextmanager
def fresh_postgres_database(prefix: str = "kodprov_test") -> Iterator[str]:
    """The URL of a new, empty database on the test server, dropped afterwards (runs may
    overlap, so each gets its own). Skips or fails (CI) when PostgreSQL is missing."""
    import secrets

    import sqlalchemy as sa

    require_service("PostgreSQL", postgres_available(),
                    "run scripts/services.sh as root, or set KODPROV_TEST_POSTGRES_URL")
    server = sa.make_url(POSTGRES_URL)
    name = f"{prefix}_{secrets.token_hex(4)}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        _drop(admin, name)
        admin.dispose()


def _drop(admin, name: str, tries: int = 5) -> None:
    """Drop a test database; a server worker still on it (autovacuum) gets a moment to leave."""
    import time

    import sqlalchemy as sa

    for attempt in range(tries):
        try:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except sa.exc.DBAPIError:
            if attempt == tries - 1:
                raise
            time.sleep(0.5 * (attempt + 1))
