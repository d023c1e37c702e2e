"""An uploaded answer in a real browser: it is graded, fills the editor and stays the draft."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.helpers import log_in

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SLUG = "d-bestallningar-join"
SOLUTION = ROOT / "challenges" / SLUG / "solution" / "fraga.sql"


def test_an_uploaded_file_is_graded_and_becomes_the_draft(live_server, page):
    log_in(page, live_server, "kandidat@demo.kodprov.se")
    page.goto(live_server + f"/uppgifter/{SLUG}")
    page.set_input_files("#upload", str(SOLUTION))
    page.click("button[value=attempt]")
    page.locator("[data-result]").get_by_text("Bra jobbat").wait_for(timeout=120_000)
    first_line = SOLUTION.read_text().strip().splitlines()[0]
    assert first_line in page.locator(".cm-content").inner_text()

    page.locator(".cm-content").click()  # one more keystroke saves a draft of the editor text
    page.keyboard.press("End")
    page.keyboard.type(" ")
    page.locator("[data-draft-status]").get_by_text("Utkast sparat").wait_for(timeout=30_000)
    page.reload()
    assert first_line in page.locator(".cm-content").inner_text()
