"""The database: engine and thread-local session factory. No Flask here."""

from __future__ import annotations

import contextlib
import sqlite3

import sqlalchemy as sa
from sqlalchemy.orm import scoped_session, sessionmaker

#: how long a SQLite write waits for another's to finish before it fails: forty people
#: handing in at once on a busy machine must wait their turn, never lose their work
SQLITE_BUSY_SECONDS = 30.0
#: how SQLite begins a write transaction: with the write lock (see ``make_engine``)
SQLITE_BEGIN = "IMMEDIATE"


def make_engine(url: str) -> sa.Engine:
    """An engine for ``url``. SQLite is set up for many threads and processes at once (see
    ``_sqlite_pragmas``); a write transaction takes the write lock when it begins
    (``BEGIN IMMEDIATE``), so two never deadlock upgrading a read lock, and waits up to
    ``SQLITE_BUSY_SECONDS`` for it."""
    kwargs: dict = {"future": True}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": SQLITE_BUSY_SECONDS,
                                  "isolation_level": SQLITE_BEGIN}
    else:
        kwargs["pool_pre_ping"] = True
    engine = sa.create_engine(url, **kwargs)
    if url.startswith("sqlite"):
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine, "savepoint", _sqlite_begin_before_savepoint)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Foreign keys on, and the write-ahead log: readers (a coach's live view) never wait for
    a writer (a hand-in), and a commit writes less (an in-memory database keeps its own)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] not in ("wal", "memory"):
        # kept in the file: once is enough; if another connection is busy, the next sets it
        with contextlib.suppress(sqlite3.OperationalError):
            cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # with the log: consistent, fsync at checkpoints
    cursor.close()


def _sqlite_begin_before_savepoint(connection: sa.Connection, _name: str) -> None:
    """Open the transaction before a savepoint when the driver has not yet (it begins only
    before a write): a savepoint outside a transaction is one on SQLite, and releasing it
    would commit everything at once, whatever the unit of work decides later."""
    dbapi_connection = connection.connection.dbapi_connection
    if not dbapi_connection.in_transaction:
        dbapi_connection.execute(f"BEGIN {SQLITE_BEGIN}")


class Database:
    """One engine and a thread-local session for an application or a command."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.session = scoped_session(sessionmaker(bind=self.engine, expire_on_commit=False))

    def dispose(self) -> None:
        """Close the session and every pooled connection."""
        self.session.remove()
        self.engine.dispose()
