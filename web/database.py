"""The app's handle on ``assessor.infra.db.Database``: one session and one transaction per
request (``assessor.infra.unit_of_work`` has the rule and its exceptions).

Views and services add and flush; nothing in them commits. After the view, the transaction is
committed when the answer is not an error (status below 400), then what waited for the commit
runs (``after_commit``); an error answer or an exception rolls it back."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, Response, current_app
from sqlalchemy.orm import Session

from assessor.infra import unit_of_work
from assessor.infra.db import Database
from assessor.infra.unit_of_work import Early

__all__ = ["Early", "after_commit", "commit_now", "discard", "init_app", "session"]


def init_app(app: Flask) -> None:
    """Open the database named in the config; end each request's unit of work."""
    database = Database(app.config["DATABASE_URL"])
    app.extensions["kodprov_db"] = database

    @app.after_request
    def end_unit_of_work(response: Response) -> Response:
        if not database.session.registry.has():  # the request never used the database
            return response
        current = database.session()
        if response.status_code >= 400:
            current.rollback()
            return response
        try:
            unit_of_work.commit(current)
        except Exception:  # the error page must not trip over the failed transaction
            current.rollback()
            raise
        return response

    @app.teardown_appcontext
    def remove_session(_exc: BaseException | None) -> None:
        # What was not committed (an exception, a request that never reached its end) is
        # rolled back here, and what waited for a commit is dropped with it.
        database.session.remove()


def session() -> Session:
    """The current request's database session."""
    return current_app.extensions["kodprov_db"].session()


def after_commit(callback: Callable[[], object]) -> None:
    """Run ``callback`` once this request's writes are committed; never if they are rolled
    back (an error answer, an exception, ``discard``)."""
    unit_of_work.after_commit(session(), callback)


def commit_now(because: Early) -> None:
    """Commit what the request has written so far, before the request ends: only for one of
    the reasons ``Early`` lists."""
    unit_of_work.commit_early(session(), because)


def discard() -> None:
    """Undo what the request has written since its last commit: an operation that failed
    with a message for the user changes nothing (what ``commit_now`` kept stays)."""
    session().rollback()
