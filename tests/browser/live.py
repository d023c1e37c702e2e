"""A live app with demo data on a free loopback port, for browser tests and screenshots."""

from __future__ import annotations

import threading
from pathlib import Path

from werkzeug.serving import BaseWSGIServer, make_server

from assessor.cli.demo import create_demo
from assessor.infra import migrate
from assessor.services.jobs.queues import grade_waiting
from tests.app_settings import REAL_SANDBOX, app_settings
from web import create_app
from web.ratelimits import DEFAULT_LIMITS

#: every browser test logs in to this one server from 127.0.0.1: the suite checks more
#: passwords in ten minutes than one address may (the limits are tested in tests/web)
BROWSER_SUITE_LIMITS = DEFAULT_LIMITS | {"password_checks_per_ip": "2000 per 10 minutes",
                                         "login_failures_per_ip": "300 per 10 minutes"}


def start_demo_server(folder: Path) -> tuple[str, BaseWSGIServer, object]:
    """Migrate a fresh SQLite database in ``folder``, load demo data and serve the app.
    Returns the base URL, the server (call ``shutdown()``) and the app."""
    url = f"sqlite:///{folder / 'live.sqlite3'}"
    migrate.upgrade(url)
    app = create_app(app_settings(folder, DATABASE_URL=url, **REAL_SANDBOX,
                                  KODPROV_RATE_LIMITS=BROWSER_SUITE_LIMITS))
    with app.app_context():
        session = app.extensions["kodprov_db"].session()
        create_demo(session, app.extensions["kodprov_catalogue"])
        session.commit()
    # as `kodprov demo` does
    grade_waiting(app.extensions["kodprov_db"], app.extensions["kodprov_grader"])
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server, app
