"""In Chromium, three people at once: the demo coach runs an evening while a guest and Kim take
part. The coach's live view shows who joined and Kim's help request without reloading, the
guest's page shows the coach's message without reloading, and the coach closes the evening and
downloads the export."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from assessor.domain.clock import LOCAL_TIMEZONE
from tests.browser.helpers import log_in, wait_for_value

pytestmark = pytest.mark.browser

COACH = "handledare@demo.kodprov.se"
KIM = "kandidat@demo.kodprov.se"
LIVE_TEXT = "document.querySelector('[data-live-people]').textContent"


def window_around_now() -> tuple[str, str, str]:
    """Today's date and a start and end time (Swedish clock) around now, within the day."""
    now = datetime.now(ZoneInfo(LOCAL_TIMEZONE))
    start = max(now - timedelta(minutes=5), now.replace(hour=0, minute=0))
    end = min(start + timedelta(hours=2), now.replace(hour=23, minute=59))
    return now.strftime("%Y-%m-%d"), start.strftime("%H:%M"), end.strftime("%H:%M")


def create_evening(page, base_url: str) -> str:
    log_in(page, base_url, COACH)
    page.goto(base_url + "/kvallar/")
    day, starts, ends = window_around_now()
    page.fill("#name", "Tisdagskväll i Chromium")
    page.fill("#day", day)
    page.fill("#starts", starts)
    page.fill("#ends", ends)
    page.fill("#place", "Rum 3")
    with page.expect_navigation():
        page.get_by_role("button", name="Skapa kvällen").click()
    return page.locator("[data-join-code]").inner_text().strip()


def test_a_coach_runs_an_evening_with_two_participants_at_once(live_server, chromium):
    contexts = [chromium.new_context() for _ in range(3)]
    try:
        coach, guest, kim = (context.new_page() for context in contexts)
        code = create_evening(coach, live_server)
        evening_url = coach.url

        guest.goto(f"{live_server}/kvall/?kod={code}")
        guest.fill("#nickname", "Gästen")
        with guest.expect_navigation():
            guest.get_by_role("button", name="Gå med", exact=True).click()
        assert guest.get_by_text("Du är här som Gästen.").is_visible()
        assert "/kvall/hamta/" in guest.locator("code").inner_text()

        log_in(kim, live_server, KIM)
        kim.goto(live_server + "/kvall/")
        kim.fill("#code", code.lower())
        with kim.expect_navigation():
            kim.get_by_role("button", name="Gå med", exact=True).click()

        # the coach's page was loaded before anyone joined: the list fills in by itself
        wait_for_value(coach, f"{LIVE_TEXT}.includes('Gästen') && {LIVE_TEXT}.includes('Kim')",
                       True)
        with kim.expect_navigation():
            kim.get_by_role("button", name="Jag vill ha hjälp").click()
        assert kim.get_by_text("Du har bett om hjälp.").first.is_visible()
        wait_for_value(coach, "document.querySelector('[data-live-help]').textContent"
                              ".includes('Kim')", True)
        assert coach.url == evening_url  # no reload happened

        with coach.expect_navigation():
            coach.locator("[data-live-help] button", has_text="Klar").click()
        row = coach.locator("[data-live-people] tr", has_text="Gästen")
        with coach.expect_navigation():
            row.get_by_role("button", name="Checka in").click()
        wait_for_value(coach, "document.querySelector('[data-live-people] tr').textContent"
                              ".includes('Incheckad')", True)

        coach.fill("#text", "Pizzan är här!")
        with coach.expect_navigation():
            coach.get_by_role("button", name="Skicka").click()
        wait_for_value(guest, "document.querySelector('[data-announcements]').textContent"
                              ".includes('Pizzan är här!')", True, tries=400)

        with coach.expect_navigation():
            coach.get_by_role("button", name="Avsluta kvällen nu").click()
        with coach.expect_download() as download:
            coach.get_by_role("link", name="Ladda ner CSV").click()
        with open(download.value.path(), encoding="utf-8-sig") as exported:
            first_line = exported.readline().strip()
        assert first_line == "person_code;task;score;time;supervised"
    finally:
        for context in contexts:
            context.close()
