"""The funder report's SUS section on the page (Swedish and English, with its definitions) and
in the CSV file: counts by gender, masked, never a person."""

from __future__ import annotations

from datetime import date

import pytest

from assessor.models import Consent, Participation, Person, SusRegistration
from tests.web.access_world import build_world, client_of

PERIOD = "start=2025-01-01&end=2025-12-31"


@pytest.fixture
def world(db_session):
    world = build_world(db_session)
    programme = world.tove.organisation_id
    people = [("man", True)] * 4 + [("man", False)] * 3 + [("woman", False)]
    for i, (gender, sus) in enumerate(people):
        person = Person(name=f"Sus Person {i}", gender=gender, organisation_id=programme)
        db_session.add(person)
        db_session.flush()
        db_session.add_all([
            Consent(person_id=person.id, purpose="statistics"),
            Participation(person_id=person.id, enrolled_on=date(2025, 2, 1),
                          left_on=date(2025, 6, 1)),
            SusRegistration(person_id=person.id, occupation_before="ingen",
                            occupation_after="studier", hours_after=20)])
        if sus:
            db_session.add(Consent(person_id=person.id, purpose="sus"))
    db_session.commit()
    return world


def row_of(section: str, name: str) -> str:
    start = section.index(f'<th scope="row">{name}</th>')
    return section[start:section.index("</tr>", start)]


def test_the_funder_report_has_a_sus_section_masked_with_its_definitions(app, world):
    client = client_of(app, world.users["coach same org"])
    page = client.get(f"/statistik/finansiar?{PERIOD}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "<h2>Registrering i SUS</h2>" in text
    section = text[text.index("<h2>Registrering i SUS</h2>"):]
    assert "<td>4</td>" in row_of(section, "Registrerade med fullständiga uppgifter "
                                           "(med samtycke till SUS)")
    assert "&lt;3" in row_of(section, "Registrerade anonymt (bara kön och budgetår)")
    after = section[section.index("Sysselsättning efter"):]
    assert "<td>4</td>" in row_of(after, "Studier")  # those registered out in full
    assert "Högre andel av heltid efter" in section
    assert "I SUS är 40 timmar i veckan 100 %." in section
    assert "Sus Person" not in text


def test_the_section_speaks_english_too(app, world):
    client = client_of(app, world.users["coach same org"])
    client.post("/sprak", data={"locale": "en"})
    text = client.get(f"/statistik/finansiar?{PERIOD}").get_data(as_text=True)
    assert "<h2>Registration in SUS</h2>" in text
    assert "Registered anonymously (gender and budget year only)" in text


def test_the_csv_file_has_the_sus_rows(app, world):
    client = client_of(app, world.users["coach same org"])
    lines = client.get(f"/statistik/finansiar.csv?{PERIOD}").get_data(as_text=True).splitlines()
    assert "sus_registrations;full;0;4;0;0;4" in lines
    assert any(line.startswith("sus_registrations;anonymous;<3;") for line in lines)
    assert "sus_occupation_after;studier;0;4;0;0;4" in lines
    assert not any(line.startswith("sus_") and ";1;" in line for line in lines)
