"""The database: declarative base, engine and session factory. No Flask here."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, scoped_session, sessionmaker

#: Constraint names that Alembic can find again on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base class of every model."""

    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


#: Times are stored in UTC and shown in the programs' own time zone.
LOCAL_TIMEZONE = "Europe/Stockholm"

#: The largest id an Integer column holds on every database we run on (int4 on PostgreSQL).
#: An id beyond it can name no row; asking the database for it would overflow instead.
MAX_ID = 2**31 - 1

#: Dates that people type (bookings, filters) lie in these years: far enough from year 1 and
#: year 9999 that turning them into Swedish or UTC time never overflows.
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


def utcnow() -> datetime:
    """Now, in UTC, timezone-aware."""
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """A stored moment as an aware UTC time (SQLite gives naive UTC times back)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def local_date(moment: datetime) -> date:
    """The calendar day of a stored moment in Sweden (the UTC day at the very ends of time,
    where Swedish time would overflow: a stored value must never break a page)."""
    try:
        return as_utc(moment).astimezone(ZoneInfo(LOCAL_TIMEZONE)).date()
    except OverflowError:
        return as_utc(moment).date()


def in_typed_range(moment: datetime | date) -> bool:
    """Whether a typed date or time lies between ``EARLIEST_YEAR`` and ``LATEST_YEAR``."""
    return EARLIEST_YEAR <= moment.year <= LATEST_YEAR


def from_local(wall_clock: datetime) -> datetime:
    """A time on a Swedish clock (as typed in a form, no zone) as an aware UTC moment: "18:00"
    on a winter day is 17:00 UTC. OverflowError for a time that has no UTC moment (year 1)."""
    return wall_clock.replace(tzinfo=ZoneInfo(LOCAL_TIMEZONE)).astimezone(UTC)


def make_engine(url: str) -> sa.Engine:
    """An engine for ``url``; SQLite gets foreign keys switched on."""
    kwargs: dict = {"future": True}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"check_same_thread": False}
    else:
        kwargs["pool_pre_ping"] = True
    engine = sa.create_engine(url, **kwargs)
    if url.startswith("sqlite"):
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Database:
    """One engine and a thread-local session for an application or a command."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.session = scoped_session(sessionmaker(bind=self.engine, expire_on_commit=False))

    @classmethod
    def from_env(cls) -> Database:
        """The database named by the settings (``KODPROV_DATABASE_URL``), for commands and
        workers."""
        from assessor.settings import Settings

        return cls(Settings.from_env().database_url)

    def dispose(self) -> None:
        """Close the session and every pooled connection."""
        self.session.remove()
        self.engine.dispose()
