"""A live server on 127.0.0.1 and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import make_server

from assessor import migrate
from assessor.demo import create_demo
from tests.services import CHROMIUM, chromium_available, require_service
from web import create_app

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[str]:
    """The app with demo data, served on a free loopback port; yields its base URL."""
    folder = tmp_path_factory.mktemp("live")
    url = f"sqlite:///{folder / 'live.sqlite3'}"
    migrate.upgrade(url)
    app = create_app({"KODPROV_ENV": "testing", "DATABASE_URL": url})
    with app.app_context():
        session = app.extensions["kodprov_db"].session()
        create_demo(session)
        session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    app.extensions["kodprov_db"].dispose()


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium (Debian's package), launched through Playwright."""
    require_service("Chromium", chromium_available(),
                    "apt-get install chromium (scripts/services.sh does it in CI)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh browser context and page for one test."""
    context = chromium.new_context()
    page = context.new_page()
    yield page
    context.close()
