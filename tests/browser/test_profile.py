"""Kim fills in "så här fungerar jag" in Chromium, chooses what is shared, and previews exactly
what an employer would see: the shared parts, and nothing else."""

from __future__ import annotations

import pytest

from tests.browser.helpers import log_in, set_language

pytestmark = pytest.mark.browser

KIM = "kandidat@demo.kodprov.se"


def test_kim_edits_her_profile_and_previews_what_an_employer_would_see(live_server, page):
    log_in(page, live_server, KIM)
    set_language(page, "sv")
    page.get_by_role("link", name="Så här fungerar jag").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Så här fungerar jag", level=1).is_visible()
    page.get_by_label("Styrkor och intressen").fill("Jag är noggrann och hittar fel i kod.")
    page.get_by_label("Intressen, med kommatecken emellan").fill("Python, test")
    page.locator("#share_strengths").check()
    page.get_by_label("Resor", exact=True).fill("Jag tar bussen, högst en timme.")
    page.get_by_label("Instruktioner både skriftligt och muntligt").select_option("must")
    page.locator("#share_accommodations").check()
    page.get_by_role("button", name="Spara").click()
    page.wait_for_load_state()
    assert page.get_by_text("Sparat.").is_visible()
    assert page.get_by_label("Styrkor och intressen").input_value() == \
        "Jag är noggrann och hittar fel i kod."

    page.get_by_role("link", name="Se vad en arbetsgivare skulle se").click()
    page.wait_for_load_state()
    shown = page.locator("#employer-view").inner_text()
    assert "Jag är noggrann och hittar fel i kod." in shown
    assert "python, test" in shown
    assert "Instruktioner både skriftligt och muntligt (Behöver)" in shown
    assert "bussen" not in shown  # travel is not shared
    assert "Kim" not in shown  # the code name, never the name
