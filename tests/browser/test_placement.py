"""In Chromium, a coach takes the demo candidate Kim from a match to a placement: proposes an
opening, Kim says yes, the coach makes the placement, starts it and sees the follow-ups
planned (weekly the first month, then monthly), records one, and finds the report."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from assessor.models import Person, User
from assessor.services.matching.employers import OpeningInput, add_employer, save_opening
from assessor.services.placements import today_here
from assessor.services.placements.placing import PlacementInput, change_state, create_placement
from tests.browser.helpers import log_in, set_language

pytestmark = pytest.mark.browser

COACH, KIM = "handledare@demo.kodprov.se", "kandidat@demo.kodprov.se"


@pytest.fixture
def opening(live_app):
    """An employer of the demo programme with a praktik opening that offers what Kim may
    need (made by the demo coach through the service)."""
    database = live_app.extensions["kodprov_db"]
    with database.session() as session:
        coach = session.scalar(sa.select(User).where(User.email == COACH))
        employer = add_employer(session, coach, "Placeringsbolaget AB", municipality="Lund")
        found = save_opening(session, coach, employer, OpeningInput(
            title="Testare", hours_per_week=20, offers={"comm.written": "yes"}))
        kim = session.scalar(sa.select(Person).join(User, Person.user_id == User.id)
                             .where(User.email == KIM))
        session.commit()
        yield found.id, kim.public_id
    database.session.remove()


def test_a_coach_takes_kim_from_a_match_to_a_placement_with_follow_ups(live_server, page,
                                                                       chromium, opening):
    opening_id, kim = opening
    log_in(page, live_server, COACH)
    set_language(page, "sv")
    page.goto(f"{live_server}/matchning/plats/{opening_id}/person/{kim}")
    with page.expect_navigation():
        page.get_by_role("button", name="Föreslå platsen för personen").click()

    kim_page = chromium.new_context().new_page()
    log_in(kim_page, live_server, KIM)
    kim_page.goto(f"{live_server}/kandidat/profil/forslag")
    # this employer's proposal (other tests may have proposed others to Kim)
    with kim_page.expect_navigation():
        kim_page.locator("section.panel", has_text="Placeringsbolaget AB").get_by_role(
            "button", name="Ja, visa min profil för den här arbetsgivaren").click()
    kim_page.context.close()

    page.goto(f"{live_server}/handledare/person/{kim}")
    with page.expect_navigation():
        page.get_by_role("link", name="Placeringar").click()
    expect(page.get_by_role("heading", name="Placeringsbolaget AB: Testare")).to_be_visible()
    with page.expect_navigation():
        page.locator("section.panel", has_text="Placeringsbolaget AB: Testare").get_by_role(
            "button", name="Gör en placering av den här platsen").click()
    expect(page.get_by_text("Placeringen är sparad.")).to_be_visible()

    page.get_by_label("Nytt läge").select_option("started")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara steget").click()
    rows = page.locator("#follow-ups tbody tr")
    expect(rows).to_have_count(9)  # four weekly, then monthly up to six months
    expect(rows.nth(0).get_by_text("Planerad")).to_be_visible()

    today = today_here()
    page.get_by_label("Hölls den").fill(today.isoformat())
    page.get_by_label("Kort anteckning (frivilligt)").fill("Bra första dag.")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara uppföljningen").click()
    expect(page.get_by_text("Uppföljningen är inskriven.")).to_be_visible()
    expect(page.locator("#follow-ups").get_by_text("Bra första dag.")).to_be_visible()

    with page.expect_navigation():
        page.get_by_role("link", name="Statistik").first.click()
    expect(page.get_by_role("heading", name="Rapport till finansiärer")).to_be_visible()
    assert page.locator("svg.chart").count() >= 3


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_the_placement_and_statistics_pages_have_no_serious_accessibility_issues(
        live_server, live_app, page, locale):
    from tests.browser.axe_core import violations

    database = live_app.extensions["kodprov_db"]
    with database.session() as session:
        coach = session.scalar(sa.select(User).where(User.email == COACH))
        sam = session.scalar(sa.select(Person).join(User, Person.user_id == User.id)
                             .where(User.email == "kandidat2@demo.kodprov.se"))
        placement = create_placement(session, coach, sam, PlacementInput(
            kind="employment", workplace="Kaféet", employment_form="wage_subsidy",
            hours_per_week=10))
        change_state(session, coach, placement, "employed", today_here())
        session.commit()
        sam_code, placement_id = sam.public_id, placement.id
    database.session.remove()
    failing = {}
    for who, paths in ((COACH, (f"/placeringar/person/{sam_code}", f"/placeringar/{placement_id}",
                                "/placeringar/forsenade", "/statistik/finansiar",
                                "/statistik/utfall?gender=woman",
                                "/statistik/finansiar?start=nej")),
                       ("admin@demo.kodprov.se", ("/statistik/finansiar",
                                                  "/statistik/utfall"))):
        page.context.clear_cookies()
        log_in(page, live_server, who)
        set_language(page, locale)
        for path in paths:
            assert page.goto(live_server + path).status == 200, path
            if found := violations(page):
                failing[path] = found
        set_language(page, "sv")
    assert not failing, failing
