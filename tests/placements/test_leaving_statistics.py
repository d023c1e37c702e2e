"""End reasons and days to the first step through the services, the CSV rows, the command
and the page, on SQLite and PostgreSQL: who is counted, what falls in the period, masking."""

from __future__ import annotations

import json
from datetime import date

import pytest

from assessor.cli.main import cli
from assessor.models import Consent, Person
from assessor.services.placements import PlacementError
from assessor.services.placements.participation import ParticipationInput, save_participation
from assessor.services.placements.placing import PlacementInput, create_placement
from assessor.services.statistics.leaving import leaving_json, leaving_rows, leaving_statistics
from tests.conftest import TEST_PASSWORD

START, END = date(2025, 1, 1), date(2025, 12, 31)


def people(db_session, world, gender: str, n: int, *, left: date | None = None,
           reason: str | None = None, contact: date | None = None,
           enrolled: date = date(2025, 2, 3), counted: bool = True) -> None:
    """n people of programme A, enrolled on a day, maybe with a first employer contact and an
    end with its reason."""
    for i in range(n):
        person = Person(name=f"{gender} {i}", gender=gender,
                        organisation_id=world.organisations["Programme A"].id)
        db_session.add(person)
        db_session.flush()
        if counted:
            db_session.add(Consent(person_id=person.id, purpose="statistics"))
        save_participation(db_session, world.coach, person, ParticipationInput(
            enrolled_on=enrolled, left_on=left, end_reason=reason), today=END)
        if contact is not None:
            create_placement(db_session, world.coach, person, PlacementInput(
                kind="praktik", workplace="Verkstan", proposed_on=contact), today=END)
    db_session.commit()


def test_end_reasons_of_the_period_are_counted_by_gender_and_masked(db_session, world):
    people(db_session, world, "man", 4, left=date(2025, 6, 1), reason="health")
    people(db_session, world, "woman", 3, left=date(2025, 6, 1), reason="moved")
    people(db_session, world, "woman", 1, left=date(2025, 6, 1), reason="other_job")
    people(db_session, world, "man", 5, left=date(2025, 6, 1), reason="studies",
           counted=False)  # no yes to statistics: not counted
    people(db_session, world, "man", 3, left=date(2024, 6, 1), enrolled=date(2024, 2, 1),
           reason="interest")  # left before the period
    figures = leaving_statistics(db_session, world.coach, START, END,
                                 world.organisations["Programme A"].id)
    assert figures.end_reasons[("health", "man")].text == "4"
    assert figures.end_reasons[("moved", "woman")].value == 3  # shown or hidden ("–")
    assert figures.end_reasons[("other_job", "woman")].text == "<3"
    assert figures.end_reasons[("studies", "total")].text == "0"
    assert figures.end_reasons[("interest", "total")].text == "0"
    rows = leaving_rows(figures)
    assert rows[1][:4] == ["end_reasons", "other_job", "<3", "0"]  # women, men, …
    assert leaving_json(figures)["end_reasons"]["health"]["man"] == "4"


def test_the_first_step_within_two_weeks_is_a_share_by_gender(db_session, world):
    people(db_session, world, "man", 3, contact=date(2025, 2, 10))  # 7 days
    people(db_session, world, "man", 3, contact=date(2025, 3, 30))  # later
    people(db_session, world, "woman", 4)  # not yet
    figures = leaving_statistics(db_session, world.coach, START, END,
                                 world.organisations["Programme A"].id)
    assert figures.first_step[("within_goal", "man")].text == "3"
    assert figures.first_step[("later", "man")].text == "3"
    assert figures.first_step[("not_yet", "woman")].text == "4"
    assert figures.within_goal["man"] == 50 and figures.within_goal["woman"] == 0


def test_a_reason_needs_the_day_the_participation_ended(db_session, world):
    person = Person(name="P", organisation_id=world.organisations["Programme A"].id)
    db_session.add(person)
    db_session.flush()
    for data in (ParticipationInput(end_reason="health"),
                 ParticipationInput(left_on=date(2025, 3, 1), end_reason="employer")):
        with pytest.raises(PlacementError) as error:
            save_participation(db_session, world.coach, person, data, today=END)
        assert error.value.code == "end_reason"


def test_the_command_and_the_page_show_the_figures(runner, app, db_session, world,
                                                   database_url, monkeypatch):
    people(db_session, world, "man", 3, left=date(2025, 6, 1), reason="health",
           contact=date(2025, 2, 4))
    monkeypatch.setenv("KODPROV_DATABASE_URL", database_url)
    result = runner.invoke(cli, ["stats", "funder", "--from", "2025-01-01", "--to",
                                 "2025-12-31", "--format", "json",
                                 "--organisation", "Programme A"])
    assert result.exit_code == 0, result.output
    leaving = json.loads(result.output)["leaving"]
    assert leaving["end_reasons"]["health"]["man"] == "3"
    assert leaving["first_step_within_percent"]["man"] == 100
    csv = runner.invoke(cli, ["stats", "funder", "--from", "2025-01-01", "--to",
                              "2025-12-31", "--organisation", "Programme A"]).output
    assert "end_reasons;health;0;3" in csv
    client = app.test_client()
    client.post("/konto/logga-in", data={"email": world.coach.email,
                                         "password": TEST_PASSWORD})
    page = client.get("/statistik/finansiar?start=2025-01-01&end=2025-12-31")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Varför deltaganden slutade" in text and "Inom två veckor" in text
