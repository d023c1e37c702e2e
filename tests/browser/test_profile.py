"""Kim fills in "så här fungerar jag" in Chromium, chooses what is shared, and previews exactly
what an employer would see: the shared parts, and nothing else."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import log_in, set_language

pytestmark = pytest.mark.browser

KIM = "kandidat@demo.kodprov.se"


def test_kim_edits_her_profile_and_previews_what_an_employer_would_see(live_server, page):
    log_in(page, live_server, KIM)
    set_language(page, "sv")
    page.get_by_role("link", name="Så här fungerar jag").first.click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Så här fungerar jag", level=1)).to_be_visible()
    page.get_by_label("Styrkor och intressen").fill("Jag är noggrann och hittar fel i kod.")
    page.get_by_label("Intressen, med kommatecken emellan").fill("Python, test")
    page.locator("#share_strengths").check()
    page.get_by_label("Resor", exact=True).fill("Jag tar bussen, högst en timme.")
    page.get_by_label("Instruktioner både skriftligt och muntligt").select_option("must")
    page.locator("#share_accommodations").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Spara").click()
    expect(page.get_by_text("Sparat.")).to_be_visible()
    assert page.get_by_label("Styrkor och intressen").input_value() == \
        "Jag är noggrann och hittar fel i kod."

    with page.expect_navigation():
        page.get_by_role("link", name="Se vad en arbetsgivare skulle se").click()
    shown = page.locator("#employer-view").inner_text()
    assert "Jag är noggrann och hittar fel i kod." in shown
    assert "python, test" in shown
    assert "Instruktioner både skriftligt och muntligt (Behöver)" in shown
    assert "bussen" not in shown  # travel is not shared
    assert "Kim" not in shown  # the code name, never the name


def test_the_coach_matches_kim_to_an_opening_and_the_employer_opens_the_link(live_server,
                                                                           page, chromium):
    from tests.browser.test_accessibility import audit

    log_in(page, live_server, "handledare@demo.kodprov.se")
    set_language(page, "sv")
    page.get_by_role("link", name="Arbetsgivare").first.click()
    page.get_by_label("Namn").fill("Webbyrån i Lund AB")
    with page.expect_navigation():
        page.get_by_role("button", name="Lägg till").click()
    employer_url = page.url
    page.get_by_role("link", name="Lägg till en plats").click()
    page.get_by_label("Titel").fill("Webbpraktik")
    page.get_by_label("Vad arbetet handlar om, med kommatecken emellan").fill("python, webb")
    page.get_by_label("Instruktioner både skriftligt och muntligt").select_option("yes")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara").click()
    opening_url = page.url
    with page.expect_navigation():
        page.get_by_role("link", name="Vem passar den här platsen").click()
    ranked_url = page.url
    with page.expect_navigation():
        page.get_by_role("link", name="Kim Kandidat").click()
    person_url = page.url
    with page.expect_navigation():
        page.get_by_role("button", name="Föreslå platsen för personen").click()
    expect(page.get_by_text("Föreslaget.")).to_be_visible()
    problems = audit(page, [live_server + "/matchning/", employer_url, opening_url, ranked_url,
                            person_url])

    kim = chromium.new_page()
    log_in(kim, live_server, KIM)
    kim.goto(live_server + "/kandidat/profil/forslag")
    # Kim may have other proposals (other tests share the demo data): this employer's one
    proposal = kim.locator("section.panel", has_text="Webbyrån i Lund AB")
    with kim.expect_navigation():
        proposal.get_by_role("button", name="Ja, visa min profil för den här arbetsgivaren").click()
    expect(kim.locator("section.panel", has_text="Webbyrån i Lund AB")
           .get_by_text("Har sagt ja")).to_be_visible()
    kim.close()

    page.goto(opening_url)
    with page.expect_navigation():
        page.get_by_role("button", name="Gör en länk till arbetsgivaren").click()
    address = page.locator("#employer-link").inner_text()
    employer = chromium.new_page()  # no login: the employer has no account
    employer.goto(address)
    shown = employer.locator("#employer-view").inner_text()
    code = person_url.split("?")[0].rsplit("/", 1)[1]
    assert code in shown and "Kim" not in shown
    problems |= audit(employer, [address])
    employer.close()
    assert not problems, problems
