"""The embedded SQLite database under many writers at once (an evening's forty hand-ins, their
grading, the coach's clicks): every write waits its turn, none fails with "database is
locked", and readers do not wait for writers (``assessor.infra.db``)."""

from __future__ import annotations

import threading
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.infra.db import Database

WRITERS, ROUNDS = 8, 25
metadata = sa.MetaData()
tally = sa.Table("tally", metadata, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("count", sa.Integer, nullable=False))
entry = sa.Table("entry", metadata, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("writer", sa.Integer, nullable=False))


def make_database(tmp_path: Path) -> Database:
    database = Database(f"sqlite:///{tmp_path / 'writers.sqlite3'}")
    metadata.create_all(database.engine)
    with database.engine.begin() as connection:
        connection.execute(tally.insert().values(id=1, count=0))
    return database


def read_then_write(database: Database, writer: int, failures: list[str]) -> None:
    """The pattern of a hand-in and of a grading job's claim: read, open a savepoint,
    read again inside the transaction, then write (a read lock that must become a write
    lock)."""
    for _round in range(ROUNDS):
        try:
            with Session(database.engine) as session:
                session.execute(sa.select(tally.c.count))
                with session.begin_nested():
                    count = session.execute(sa.select(tally.c.count)).scalar_one()
                    session.execute(entry.insert().values(writer=writer))
                    session.execute(tally.update().values(count=count + 1))
                session.commit()
        except sa.exc.OperationalError as error:
            failures.append(str(error.orig))


def test_many_writers_at_once_all_succeed_and_none_is_lost(tmp_path):
    database = make_database(tmp_path)
    failures: list[str] = []
    threads = [threading.Thread(target=read_then_write, args=(database, n, failures))
               for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with database.engine.connect() as connection:
        count = connection.execute(sa.select(tally.c.count)).scalar_one()
        entries = connection.execute(sa.select(sa.func.count()).select_from(entry)).scalar_one()
    database.dispose()
    assert failures == []
    assert (count, entries) == (WRITERS * ROUNDS, WRITERS * ROUNDS)  # no update overwrote another


def test_the_database_keeps_a_write_ahead_log_and_readers_see_the_last_commit(tmp_path):
    database = make_database(tmp_path)
    with Session(database.engine) as writer:
        writer.execute(tally.update().values(count=41))  # holds the write lock, not committed
        with database.engine.connect() as reader:
            assert reader.execute(sa.select(tally.c.count)).scalar_one() == 0
        writer.commit()
    with database.engine.connect() as reader:
        assert reader.execute(sa.select(tally.c.count)).scalar_one() == 41
        assert reader.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
    database.dispose()
