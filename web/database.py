"""The app's handle on ``assessor.infra.db.Database``: one session per request."""

from __future__ import annotations

from flask import Flask, current_app
from sqlalchemy.orm import Session

from assessor.infra.db import Database


def init_app(app: Flask) -> None:
    """Open the database named in the config and close the session after each request."""
    database = Database(app.config["DATABASE_URL"])
    app.extensions["kodprov_db"] = database

    @app.teardown_appcontext
    def remove_session(_exc: BaseException | None) -> None:
        # An uncommitted transaction (an error, or a read-only request) is rolled back here.
        database.session.remove()


def session() -> Session:
    """The current request's database session."""
    return current_app.extensions["kodprov_db"].session()
