"""One unit of work per request, job or command: inner code adds and flushes, one place
commits, an exception rolls back, and side effects wait for the commit.

Where the commit is:

- a web request: ``web.database`` commits after the view when the answer is not an error
  (status below 400), and rolls back on an error answer or an exception;
- a command or a job: ``unit_of_work(database)`` commits when its block ends and rolls back
  when it raises.

``after_commit(session, callback)`` runs ``callback`` once the transaction is committed and
never when it is rolled back: queueing a submission for grading (a worker must find the row;
a rolled-back hand-in must queue nothing), e-mail over SMTP.

The exceptions, all of them:

- ``Early``: the only reasons to commit before a request ends (``web.database.commit_now``).
- A grading job is two units (``assessor.services.jobs.grading_job``): the claim (``running``,
  one more try) is committed before the sandbox runs, so no transaction stays open for the
  seconds a run takes (on SQLite it would lock every other writer out) and a crash leaves the
  try counted; the outcome is the second unit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

if TYPE_CHECKING:
    from assessor.infra.db import Database

log = logging.getLogger(__name__)
_WAITING = "kodprov_after_commit"


class Early(StrEnum):
    """Why a request may commit before it ends. Each keeps a promise that the rollback of a
    failed request would break; what was pending before is committed with it."""

    #: An access decision and its access-log entry stay whatever the request does next: a
    #: refusal answers 403, which rolls the request back (``web.access.ask``, the role check of
    #: a blueprint, and the pages and lists that log what they show).
    ACCESS_LOG = "access_log"
    #: A login session's "last seen" is noted when the login is used, before the view runs,
    #: even when the request then fails; only when nothing else is pending
    #: (``web.extensions.load_user``).
    LAST_SEEN = "last_seen"
    #: A one-time link is stored before it is e-mailed, so it works when the mail arrives, and
    #: the page can say whether the e-mail went (``web.account_links.send_link``).
    LINK_BEFORE_MAIL = "link_before_mail"


def after_commit(session: Session, callback: Callable[[], object]) -> None:
    """Run ``callback`` after ``session``'s transaction is committed through ``commit``; it
    is dropped when the transaction is rolled back or closed instead."""
    session.info.setdefault(_WAITING, []).append(callback)


def commit(session: Session) -> None:
    """The commit: then the callbacks that waited for it, in the order they were given.
    A failing commit runs none of them."""
    waiting = session.info.pop(_WAITING, [])
    session.commit()
    for callback in waiting:
        callback()


def commit_early(session: Session, because: Early) -> None:
    """Commit before the unit ends, for one of the reasons in ``Early``."""
    log.debug("committing early: %s", because)
    commit(session)


@contextmanager
def unit_of_work(database: Database) -> Iterator[Session]:
    """A session whose work is committed when the block ends (then the ``after_commit``
    callbacks run) and rolled back when it raises; the session is closed either way."""
    session = database.session()
    try:
        yield session
        commit(session)
    except BaseException:
        session.rollback()
        raise
    finally:
        database.session.remove()


@event.listens_for(Session, "after_transaction_end")
def _drop_waiting(session: Session, transaction: SessionTransaction) -> None:
    """A transaction that ended without ``commit`` (rolled back, closed) takes its callbacks
    with it; a savepoint's end leaves them to the transaction around it."""
    if transaction.parent is None:
        session.info.pop(_WAITING, None)
