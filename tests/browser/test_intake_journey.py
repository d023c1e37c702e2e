"""Issue 19 from end to end in Chromium. A new person, not logged in, finds the page for people
and the public calendar from the start page and sends the interest form. The demo coach finds
the lead, holds the first talk, records eligibility, puts the lead in the queue of a new
funding area, sees the place of that area given and admits them, and invites them to the
questionnaire with the link shown on screen. The person follows the link, chooses a password
and sees "Din väg"; the coach adds a goal to the plan and the person sees it. The person says
yes to SUS and answers the start survey; the coach fills the SUS worksheet; the funder report
has its indicator section and its SUS section. axe-core finds no serious issue on any page on
the way."""

from __future__ import annotations

import re
import secrets

import pytest
from playwright.sync_api import expect

from tests.browser.axe_core import violations
from tests.browser.helpers import (
    add_plan_goal,
    answer_the_start_survey,
    log_in,
    say_yes_to_sus,
    set_language,
)

pytestmark = pytest.mark.browser

COACH = "handledare@demo.kodprov.se"
#: the funder report's SUS tables (by caption) and some of their rows
SUS_TABLES = {
    "Periodens deltagare i SUS, efter kön": (
        "Registrerade med fullständiga uppgifter (med samtycke till SUS)",
        "Registrerade anonymt (bara kön och budgetår)", "Deltagare under perioden"),
    "Utskrivna ur SUS under perioden, efter kön": (
        "Utskrivna, med fullständiga uppgifter", "Utskrivna, anonymt registrerade",
        "Deltar fortfarande när perioden slutar"),
    "Sysselsättning efter, för dem som skrivits ut med fullständiga uppgifter": (
        "Arbete", "Studier", "Inte registrerat", "Utskrivna med fullständiga uppgifter"),
    "Sysselsättning i procent av heltid": (
        "Högre andel av heltid efter", "Samma andel av heltid", "Lägre andel av heltid efter"),
}


class Journey:
    """The names of this run (unique, since the live server is shared by every browser test)
    and axe-core's findings on each page, collected as the journey goes."""

    def __init__(self) -> None:
        tag = secrets.token_hex(3)
        self.name, self.email = f"Robin Resa {tag}", f"robin-{tag}@example.se"
        self.area, self.criterion = f"Norra förbundet {tag}", f"Bor i länet ({tag})"
        self.password = f"robins-losenord-{tag}"
        self.problems: dict[str, list[str]] = {}

    def check(self, page, where: str) -> None:
        """axe-core's serious findings on the page as it is now."""
        if found := violations(page):
            self.problems[where] = found


def coach_sets_the_evenings(page, base: str) -> None:
    """The facilitator sets the programme's Tuesday evenings once (the start page shows
    them from then on)."""
    page.goto(base + "/kalender/schema")
    page.get_by_label("Plats").fill("Biblioteket, rum 3")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.get_by_text("Kalendern är sparad.")).to_be_visible()


def newcomer_finds_us_and_sends_the_form(page, base: str, journey: Journey) -> None:
    """Not logged in: the start page, the calendar, the page for people, the interest form."""
    page.goto(base + "/")
    set_language(page, "sv")
    journey.check(page, "start page")
    main = page.locator("main")
    expect(main.get_by_role("heading", name="Mini Hackathon-kvällar")).to_be_visible()
    with page.expect_navigation():
        main.get_by_role("link", name="Alla kvällar, och anmälan").click()
    assert page.url == base + "/kalender"
    expect(main.get_by_text("Tisdagar 17:00–19:00").first).to_be_visible()
    journey.check(page, "/kalender")

    page.go_back()
    with page.expect_navigation():
        main.get_by_role("link", name="För dig med IT-kunskaper, och din familj").click()
    assert page.url == base + "/for-dig"
    journey.check(page, "/for-dig")
    with page.expect_navigation():
        main.get_by_role("link", name="Jag är intresserad").click()
    assert page.url == base + "/intresse"
    journey.check(page, "/intresse")
    page.get_by_label("Namn (eller vad personen vill kallas)").fill(journey.name)
    page.get_by_label("E-post", exact=True).fill(journey.email)
    page.get_by_label("Hur hörde du om oss?").select_option(label="På ett bibliotek")
    with page.expect_navigation():
        main.get_by_role("button", name="Skicka", exact=True).click()
    expect(page.get_by_role("heading", name="Tack", exact=True)).to_be_visible()
    journey.check(page, "thanks")


def coach_holds_the_first_talk(page, base: str, journey: Journey) -> str:
    """The coach takes the lead, writes the first talk's notes and the eligibility. Returns
    the lead page's address."""
    page.goto(base + "/intag/")
    journey.check(page, "/intag/")
    with page.expect_navigation():
        page.get_by_role("link", name=journey.name, exact=True).click()
    lead_page = page.url
    expect(page.get_by_text("Hörde om oss")).to_be_visible()
    expect(page.locator("dd", has_text="På ett bibliotek")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Jag har kontaktat personen: jag är samordnare").click()
    expect(page.get_by_text("Sparat.")).to_be_visible()

    with page.expect_navigation():
        page.get_by_role("link", name="Skriv anteckningarna").click()
    journey.check(page, "first talk")
    page.locator("#area_programmering").get_by_label("Lite").check()
    page.locator("#area_webb").get_by_label("Mycket").check()
    page.get_by_label("På egen hand").check()
    page.get_by_label("Språk och verktyg som personen nämner").fill("Python, HTML")
    page.get_by_label("Något som personen har gjort").fill("En webbsida för klubben")
    page.get_by_label("Vad personen skulle vilja göra").fill("Bygga webbsidor")
    page.locator("#next_step").get_by_label("Bjud in till frågeformuläret").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.get_by_text("Anteckningarna är sparade.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Hölls .*Nästa steg: Bjud in till frågeformuläret"))
           ).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="Ändra anteckningarna").click()
    expect(page.locator("#area_webb").get_by_label("Mycket")).to_be_checked()
    expect(page.get_by_label("Något som personen har gjort")).to_have_value(
        "En webbsida för klubben")
    page.goto(lead_page)

    # eligibility as the programme defines it: a criterion the coach adds once
    page.goto(base + "/intag/")
    with page.expect_navigation():
        page.get_by_role("link", name="Programmets behörighetskriterier").click()
    journey.check(page, "criteria")
    add = page.locator("form", has=page.get_by_role("button", name="Lägg till", exact=True))
    add.get_by_label("Kriterium").fill(journey.criterion)
    with page.expect_navigation():
        add.get_by_role("button", name="Lägg till", exact=True).click()
    expect(page.get_by_text("Sparat.")).to_be_visible()
    page.goto(lead_page)
    criterion = page.locator("fieldset", has_text=journey.criterion)
    criterion.get_by_label("Svar").select_option(label="Uppfyllt")
    criterion.get_by_label("På vilken grund").select_option(label="Personen berättar det")
    eligibility = page.locator("section", has=page.get_by_role("heading", name="Behörighet"))
    with page.expect_navigation():
        eligibility.get_by_role("button", name="Spara", exact=True).click()
    expect(page.get_by_text("Sparat.")).to_be_visible()
    criterion = page.locator("fieldset", has_text=journey.criterion)
    expect(criterion.get_by_label("Svar")).to_have_value("met")
    journey.check(page, "lead")
    return lead_page


def coach_gives_a_place_and_invites(page, base: str, journey: Journey, lead_page: str) -> str:
    """A new area with one place; the lead in its queue gets that place and is admitted;
    then the invitation to the questionnaire. Returns the invitation link."""
    page.goto(base + "/intag/")
    with page.expect_navigation():
        page.get_by_role("link", name="Platser och köer").click()
    add = page.locator("form#add-area")
    add.get_by_label("Område (till exempel ett samordningsförbund)").fill(journey.area)
    add.get_by_label("Platser", exact=True).fill("1")
    with page.expect_navigation():
        add.get_by_role("button", name="Lägg till", exact=True).click()
    expect(page.get_by_text("Sparat.")).to_be_visible()

    page.goto(lead_page)
    with page.expect_navigation():
        page.get_by_role("link", name="Ställ i ett områdes kö, eller se platsen").click()
    expect(page.get_by_label("Vem")).to_have_value(re.compile(r"^lead-\d+$"))
    page.get_by_label("Personens område").select_option(label=journey.area)
    with page.expect_navigation():
        page.get_by_role("button", name="Ställ i kön").click()
    expect(page.get_by_text("Erbjuden en plats.")).to_be_visible()
    expect(page.get_by_text(f"En plats i {journey.area} erbjöds {journey.name}: näst på tur "
                            f"i kön för {journey.area}.")).to_be_visible()
    row = page.locator("tr", has_text=journey.name)
    expect(row.locator("td").nth(0)).to_have_text(journey.area)  # their own area
    expect(row.locator("td").nth(1)).to_have_text(journey.area)  # the place's area: not lent
    with page.expect_navigation():
        row.get_by_role("button", name="Anta").click()
    expect(page.get_by_text("Antagen. Deltagandet har börjat.")).to_be_visible()
    expect(page.locator("tr", has_text=journey.name).locator("td").nth(2)).to_have_text("Deltar")
    journey.check(page, "pools")

    page.goto(lead_page)
    invite = page.locator("section", has=page.get_by_role("heading", name="Bjud in"))
    expect(invite.get_by_label("Personens e-post (inloggningen)")).to_have_value(journey.email)
    with page.expect_navigation():
        invite.get_by_role("button", name="Bjud in till frågeformuläret").click()
    expect(page.get_by_role("heading", name=f"Inbjudan för {journey.name}")).to_be_visible()
    journey.check(page, "invitation link")
    return page.input_value("#link-address")


def coach_opens_the_path(page, lead_page: str) -> str:
    """From the lead's page to the path of the person the lead became. Returns their code."""
    page.goto(lead_page)
    contact = page.locator("section", has=page.get_by_role("heading", name="Kontakt"))
    with page.expect_navigation():
        contact.get_by_role("link", name="Väg", exact=True).click()
    return page.url.rsplit("/", 1)[-1]


def test_a_new_person_is_found_taken_in_given_a_place_a_plan_and_a_path(live_server,
                                                                           chromium):
    journey = Journey()
    coach_context, person_context = chromium.new_context(), chromium.new_context()
    try:
        coach = coach_context.new_page()
        log_in(coach, live_server, COACH)
        set_language(coach, "sv")
        coach_sets_the_evenings(coach, live_server)

        person = person_context.new_page()
        newcomer_finds_us_and_sends_the_form(person, live_server, journey)

        lead_page = coach_holds_the_first_talk(coach, live_server, journey)
        link = coach_gives_a_place_and_invites(coach, live_server, journey, lead_page)

        # the person chooses a password through the link and sees where they are
        person.goto(link)
        journey.check(person, "choose a password")
        person.fill("#password", journey.password)
        person.fill("#password_again", journey.password)
        with person.expect_navigation():
            person.click("#submit")
        assert person.url == live_server + "/kandidat/samtycke"
        with person.expect_navigation():
            person.locator("header").get_by_role("link", name="Din väg").click()
        expect(person.get_by_role("heading", name="Din väg", level=1)).to_be_visible()
        expect(person.locator("[aria-current=step]")).to_contain_text("Du är här")
        journey.check(person, "Din väg")

        # the coach adds a goal to the plan; the person sees it on theirs
        code = coach_opens_the_path(coach, lead_page)
        expect(coach.locator("[aria-current=step]")).to_contain_text("Nu")
        journey.check(coach, "path (coach)")
        with coach.expect_navigation():
            coach.get_by_role("link", name="Utvecklingsplan").click()
        add_plan_goal(coach, "webb:Webbutveckling 1 C", "En tillgänglig webbsida")
        journey.check(coach, "plan (coach)")
        with person.expect_navigation():
            person.get_by_role("link", name="Din utvecklingsplan").click()
        goals = person.locator("table.plan-goals")
        expect(goals).to_contain_text("Webbutveckling 1 C")
        expect(goals).to_contain_text("En tillgänglig webbsida")
        journey.check(person, "plan (person)")

        # SUS: the person's own yes and the start survey; the coach's worksheet
        say_yes_to_sus(person, live_server)
        journey.check(person, "consents")
        person.goto(f"{live_server}/kandidat/")
        with person.expect_navigation():
            person.get_by_role("link", name="Hur det går: en kort enkät").click()
        journey.check(person, "survey")
        answer_the_start_survey(person)

        coach.goto(f"{live_server}/placeringar/person/{code}")
        # the admission started the participation: it has a first day
        expect(coach.get_by_label("Började i programmet den")).to_have_value(
            re.compile(r"^\d{4}-\d{2}-\d{2}$"))
        with coach.expect_navigation():
            coach.get_by_role("link", name="SUS-underlag").click()
        coach.get_by_label("Studiemedel").first.check()
        coach.select_option("#occupation_before", "ingen")
        coach.select_option("#education", "gymnasial")
        with coach.expect_navigation():
            coach.get_by_role("button", name="Spara", exact=True).click()
        expect(coach.get_by_text("Sparat.")).to_be_visible()
        expect(coach.get_by_text("Vid start: besvarad")).to_be_visible()
        journey.check(coach, "SUS worksheet")

        # the funder report: the indicator survey's section and the SUS section, each with
        # its rows (counts masked; the worksheet itself stays on the person's SUS page)
        coach.goto(f"{live_server}/statistik/finansiar")
        indicators = coach.locator("table", has=coach.locator(
            "caption", has_text="Svar vid avslut, efter kön"))
        expect(coach.get_by_role("heading", name="Indikatorenkät vid avslut")).to_be_visible()
        for row in ("Svarade positivt", "Svarade inte positivt", "Svarade vid avslut"):
            expect(indicators.get_by_role("rowheader", name=row, exact=True)).to_be_visible()
        expect(coach.get_by_role("heading", name="Registrering i SUS", level=2)).to_be_visible()
        for caption, rows in SUS_TABLES.items():
            table = coach.locator("table", has=coach.locator("caption", has_text=caption))
            for row in rows:
                expect(table.get_by_role("rowheader", name=row, exact=True)).to_be_visible()
        journey.check(coach, "funder report")
    finally:
        coach_context.close()
        person_context.close()
    assert not journey.problems, journey.problems
