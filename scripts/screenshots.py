"""Save PNG screenshots of the main pages under docs/screenshots/ (``make screenshots``).

Starts the app on a free loopback port with a fresh demo database, then drives Debian's
Chromium through Playwright, as the browser tests do.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM_ARGS  # noqa: E402
from tests.browser.helpers import log_in  # noqa: E402
from tests.browser.live import start_demo_server  # noqa: E402
from tests.services import CHROMIUM  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
#: shots taken with the site-wide text size (percent) set
TEXT_SIZES = {"task-code-text-200": 200}
#: (file name, login email or None, path; {kim} and {sam} are the demo candidates' code names)
SHOTS = [
    ("start", None, "/"),
    ("login", None, "/konto/logga-in"),
    ("candidate-home", "kandidat@demo.kodprov.se", "/kandidat/"),
    ("questionnaire-question", "kandidat2@demo.kodprov.se", "/formular/{sam}/fraga/7"),
    ("consent", "kandidat@demo.kodprov.se", "/kandidat/samtycke"),
    ("tasks", "kandidat@demo.kodprov.se", "/uppgifter/"),
    ("task-code", "kandidat@demo.kodprov.se", "/uppgifter/p1-summa-medel"),
    ("task-network-form", "kandidat@demo.kodprov.se", "/uppgifter/n-adresser-i-natet"),
    ("task-notebook", "kandidat@demo.kodprov.se", "/uppgifter/p2-notebook-temperatur"),
    ("task-code-text-200", "kandidat@demo.kodprov.se", "/uppgifter/p1-summa-medel"),
    ("facilitator-people", "handledare@demo.kodprov.se", "/handledare/"),
    ("caseworker-report", "handlaggare@demo.kodprov.se", "/rapport/{kim}"),
]


def candidate_id(base: str, browser, email: str) -> str:
    """A demo candidate's code name, read from their questionnaire address."""
    page = browser.new_page()
    log_in(page, base, email)
    page.goto(base + "/formular/")
    code = page.url.rstrip("/").rsplit("/", 1)[1]
    page.close()
    return code


def main() -> None:
    """Take every screenshot in SHOTS."""
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        base, server, _app = start_demo_server(Path(folder))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        codes = {name: candidate_id(base, browser, f"{login}@demo.kodprov.se")
                 for name, login in (("kim", "kandidat"), ("sam", "kandidat2"))}
        for name, email, path in SHOTS:
            context = browser.new_context(viewport={"width": 1100, "height": 800})
            if name in TEXT_SIZES:
                context.add_cookies([{"name": "kodprov_text_size", "url": base,
                                      "value": str(TEXT_SIZES[name])}])
            page = context.new_page()
            if email:
                log_in(page, base, email)
            page.goto(base + path.format(**codes))
            for editor in page.locator(".cm-editor").all():
                editor.scroll_into_view_if_needed()  # the editor measures itself when seen
            page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
            context.close()
            print(f"saved docs/screenshots/{name}.png")
        feedback_shots(base, browser)
        report_pdf_page(base, browser, codes["kim"])
        browser.close()
        server.shutdown()


#: (file name, task, how the answer is given, the button pressed) for results on the task page
FEEDBACK = [
    ("task-result-diff", "p1-biljettpris",
     ("biljett.py", "alder = int(input())\nprint('Pris:', alder, 'kr')\n"), "precheck"),
    ("task-result-sql-tables", "d-produkter-urval",
     ("fraga.sql", "SELECT namn, pris FROM produkt ORDER BY pris;\n"), "precheck"),
    ("task-result-network-form", "n-adresser-i-natet", ("#answer-1", "10.0.0.1"), "attempt"),
]
WAIT_MS = 120_000


def feedback_shots(base: str, browser) -> None:
    """Results that teach, on the task page after "Testa" or "Lämna in" (and, on the io task,
    a run on the candidate's own input)."""
    for name, task, (where, answer), kind in FEEDBACK:
        context = browser.new_context(viewport={"width": 1100, "height": 800})
        page = context.new_page()
        log_in(page, base, "kandidat@demo.kodprov.se")
        page.goto(f"{base}/uppgifter/{task}")
        if where.startswith("#"):
            page.fill(where, answer)
        else:
            page.set_input_files("#upload", files=[{"name": where, "mimeType": "text/plain",
                                                    "buffer": answer.encode()}])
        page.click(f"button[value={kind}]")
        page.locator("[data-result] .test-results").wait_for(timeout=WAIT_MS)
        if page.locator("#own-input").count():
            page.fill("#own-input", "5\n")
            page.click("button[data-own-run]")
            page.locator("[data-own-output] pre, [data-own-output] .error").first.wait_for(
                timeout=WAIT_MS)
        page.locator("[data-result]").scroll_into_view_if_needed()
        page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
        context.close()
        print(f"saved docs/screenshots/{name}.png")


def report_pdf_page(base: str, browser, kim: str) -> None:
    """The first page of Kim's PDF report, as the caseworker downloads it (poppler's pdftoppm)."""
    context = browser.new_context()
    page = context.new_page()
    log_in(page, base, "handlaggare@demo.kodprov.se")
    pdf = page.request.get(f"{base}/rapport/{kim}.pdf").body()
    context.close()
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "report.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile",
                        str(Path(folder) / "report.pdf"), str(OUT / "caseworker-report-pdf")],
                       check=True)
    print("saved docs/screenshots/caseworker-report-pdf.png")


if __name__ == "__main__":
    main()
