"""Save PNG screenshots of the main pages under docs/screenshots/ (``make screenshots``).

Starts the app on a free loopback port with a fresh demo database, then drives Debian's
Chromium through Playwright, as the browser tests do.
"""

from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path

from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessor import migrate  # noqa: E402
from assessor.demo import DEMO_PASSWORD, create_demo  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS  # noqa: E402
from tests.services import CHROMIUM  # noqa: E402
from web import create_app  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
#: (file name, login email or None, path; {id} is the demo candidate's code name)
SHOTS = [
    ("start", None, "/"),
    ("login", None, "/konto/logga-in"),
    ("candidate-home", "kandidat@demo.kodprov.se", "/kandidat/"),
    ("questionnaire-question", "kandidat@demo.kodprov.se", "/formular/{id}/fraga/7"),
    ("consent", "kandidat@demo.kodprov.se", "/kandidat/samtycke"),
    ("facilitator-people", "handledare@demo.kodprov.se", "/handledare/"),
    ("caseworker-report", "handlaggare@demo.kodprov.se", "/rapport/{id}"),
]


def serve(folder: Path) -> tuple[str, object]:
    """The app with demo data on a free port; returns its URL and the server."""
    url = f"sqlite:///{folder / 'shots.sqlite3'}"
    migrate.upgrade(url)
    app = create_app({"KODPROV_ENV": "testing", "DATABASE_URL": url})
    with app.app_context():
        session = app.extensions["kodprov_db"].session()
        create_demo(session)
        session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


def candidate_id(base: str, browser) -> str:
    """The demo candidate's code name, read from their questionnaire address."""
    page = browser.new_page()
    log_in(page, base, "kandidat@demo.kodprov.se")
    page.goto(base + "/formular/")
    code = page.url.rstrip("/").rsplit("/", 1)[1]
    page.close()
    return code


def log_in(page, base: str, email: str) -> None:
    """Log in through the form."""
    page.goto(base + "/konto/logga-in")
    page.fill("#email", email)
    page.fill("#password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.click("#submit")


def main() -> None:
    """Take every screenshot in SHOTS."""
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        base, server = serve(Path(folder))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        code = candidate_id(base, browser)
        for name, email, path in SHOTS:
            context = browser.new_context(viewport={"width": 1100, "height": 800})
            page = context.new_page()
            if email:
                log_in(page, base, email)
            page.goto(base + path.format(id=code))
            page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
            context.close()
            print(f"saved docs/screenshots/{name}.png")
        browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
