"""Migrations run up and down, and the migrated schema equals the models, on both databases."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from assessor.infra import migrate
from assessor.models.base import Base
from tests.services import fresh_postgres_database


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'migrations.sqlite3'}"


@pytest.fixture
def postgres_url():
    """A database of this test's own on the test server, dropped afterwards (runs may overlap)."""
    with fresh_postgres_database("kodprov_migrations") as url:
        yield url


def schema_differences(url: str) -> list:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            return compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()


def table_names(url: str) -> set[str]:
    engine = sa.create_engine(url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def check_round_trip(url: str) -> None:
    migrate.upgrade(url)
    assert schema_differences(url) == []
    assert {"user_account", "person", "consent", "access_log", "questionnaire_response",
            "draft", "submission", "follow_up"} <= table_names(url)
    migrate.downgrade(url, "base")
    assert table_names(url) <= {"alembic_version"}
    migrate.upgrade(url)
    assert schema_differences(url) == []


def test_migrations_round_trip_on_sqlite(sqlite_url):
    check_round_trip(sqlite_url)


@pytest.mark.postgres
def test_migrations_round_trip_on_postgresql(postgres_url):
    check_round_trip(postgres_url)


@pytest.mark.postgres
def test_constraints_hold_on_postgresql(postgres_url):
    migrate.upgrade(postgres_url)
    engine = sa.create_engine(postgres_url)
    try:
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.execute(sa.text(
                "INSERT INTO user_account (email, name, password_hash, role, locale, active, "
                "created_at) VALUES ('a@b.se', 'A', 'x', 'wizard', 'sv', true, now())"))
    finally:
        engine.dispose()
