"""A live server on 127.0.0.1 and Debian's Chromium driven by Playwright."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.live import start_demo_server
from tests.services import CHROMIUM, chromium_available, require_service

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def live(tmp_path_factory) -> Iterator[tuple[str, object]]:
    """The app with demo data, served on a free loopback port: (base URL, app)."""
    base_url, server, app = start_demo_server(tmp_path_factory.mktemp("live"))
    yield base_url, app
    server.shutdown()
    app.extensions["kodprov_queue"].close()
    app.extensions["kodprov_sandbox"].close()
    app.extensions["kodprov_db"].dispose()


@pytest.fixture(scope="session")
def live_server(live) -> str:
    """The live app's base URL."""
    return live[0]


@pytest.fixture(scope="session")
def live_app(live):
    """The live app itself (for a test that needs an account of its own in its database)."""
    return live[1]


@pytest.fixture(autouse=True)
def demo_accounts_stay_swedish(request) -> Iterator[None]:
    """Tests switch the demo accounts to English; after each test they are Swedish again, even
    when it failed half-way (the next test then starts from the demo's own state)."""
    live = request.getfixturevalue("live") if "live" in request.fixturenames else None
    yield
    if live is None:
        return
    import sqlalchemy as sa

    from assessor.models import User

    database = live[1].extensions["kodprov_db"]
    with database.session() as session:
        session.execute(sa.update(User).where(User.email.like("%@demo.kodprov.se"))
                        .values(locale="sv"))
        session.commit()
    database.session.remove()


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
