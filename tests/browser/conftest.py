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
def live_server(tmp_path_factory) -> Iterator[str]:
    """The app with demo data, served on a free loopback port; yields its base URL."""
    base_url, server, app = start_demo_server(tmp_path_factory.mktemp("live"))
    yield base_url
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
