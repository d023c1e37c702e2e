"""The database: engine and thread-local session factory. No Flask here."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import scoped_session, sessionmaker


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
        sa.event.listen(engine, "savepoint", _sqlite_begin_before_savepoint)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin_before_savepoint(connection: sa.Connection, _name: str) -> None:
    """Open the transaction before a savepoint when the driver has not yet (it begins only
    before a write): a savepoint outside a transaction is one on SQLite, and releasing it
    would commit everything at once, whatever the unit of work decides later."""
    dbapi_connection = connection.connection.dbapi_connection
    if not dbapi_connection.in_transaction:
        dbapi_connection.execute("BEGIN")


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
