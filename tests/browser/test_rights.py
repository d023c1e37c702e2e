"""The person's rights in Chromium: Kim sees her data, downloads it as JSON, and sees that the
caseworker read her report; the admin finds the same read in the access log."""

from __future__ import annotations

import json
import re

import pytest

from assessor.cli.demo import AGENCY
from tests.browser.helpers import log_in, set_language

pytestmark = pytest.mark.browser

KIM, CASEWORKER = "kandidat@demo.kodprov.se", "handlaggare@demo.kodprov.se"


def kims_code(page, base_url: str) -> str:
    page.goto(base_url + "/kandidat/")
    return re.search(r"K-[A-Z0-9]{4}-[A-Z0-9]{4}", page.content()).group(0)


def test_kim_downloads_her_data_and_sees_who_read_it_and_the_admin_finds_it(live_server,
                                                                             page, tmp_path):
    log_in(page, live_server, KIM)
    set_language(page, "sv")
    code = kims_code(page, live_server)
    page.context.clear_cookies()
    log_in(page, live_server, CASEWORKER)
    assert page.goto(f"{live_server}/rapport/{code}").status == 200

    page.context.clear_cookies()
    log_in(page, live_server, KIM)
    page.get_by_role("link", name="Mina uppgifter: se dem, ladda ner dem, se vem som har "
                                   "läst dem").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Dina uppgifter", level=1).is_visible()
    assert code in page.content()
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner allt som en fil (JSON)").click()
    path = tmp_path / "kodprov.json"
    download.value.save_as(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["person"]["code_name"] == code and data["hand_ins"]

    page.get_by_role("link", name="Vem som har läst dina uppgifter").first.click()
    page.wait_for_load_state()
    rows = page.locator("tbody tr").all_inner_texts()
    assert any(f"Handläggare på {AGENCY}" in row and "läste din rapport" in row
               for row in rows), rows
    assert CASEWORKER not in page.content()

    page.context.clear_cookies()
    log_in(page, live_server, "admin@demo.kodprov.se")
    page.goto(live_server + "/admin/")
    page.get_by_role("link", name="Åtkomstlogg").click()
    page.get_by_label("Kodnamn").fill(code)
    page.get_by_role("button", name="Visa").click()
    page.wait_for_load_state()
    rows = page.locator("tbody tr").all_inner_texts()
    assert any(CASEWORKER in row and "report" in row for row in rows), rows
