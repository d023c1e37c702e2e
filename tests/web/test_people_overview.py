"""The people list: last activity, tasks tried and passed per area, questionnaire outcome and
the yes to the tests per person, each only where the policy allows; sorted and filtered on the
server; exported as a CSV file that no spreadsheet runs as formulas; the same number of queries
for fifteen people as for a hundred."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from assessor.models import (
    AccessLog,
    Consent,
    Draft,
    Person,
    QuestionnaireResponse,
    Submission,
)
from tests.web.access_world import build_world
from tests.web.test_route_matrix import logged_in
from tests.web.test_staff_see_the_work import WEB_TASK, graded

COACH = "coach same org"


@pytest.fixture
def world(db_session):
    return build_world(db_session)


def in_programme(db_session, world, name: str, *, tests: bool = True,
                 user_id: int | None = None) -> Person:
    """A person in Tove's programme (with a yes to the tests unless told otherwise)."""
    person = Person(name=name, organisation_id=world.tove.organisation_id, user_id=user_id)
    db_session.add(person)
    db_session.flush()
    if tests:
        db_session.add(Consent(person_id=person.id, purpose="assessment"))
    db_session.commit()
    return person


def rows(text: str) -> list[dict[str, str]]:
    """The CSV file's rows by column name (the byte-order mark and ';' as written)."""
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def test_the_coach_sees_activity_tasks_per_area_questionnaire_and_consent(
        app, world, db_session):
    db_session.add_all([graded(world.tove.id, days_ago=1),
                        graded(world.tove.id, WEB_TASK, days_ago=2)])
    db_session.commit()
    in_programme(db_session, world, "Nils Nej", tests=False)
    text = logged_in(app, world, COACH).get("/personer/").get_data(as_text=True)
    tove_row = text[text.index("Tove Test"):text.index("</tr>", text.index("Tove Test"))]
    # world: one full-score hand-in of p1-summa-medel (passed), plus the two above (not passed)
    assert "Programmering: 1 av 1" in tove_row and "Webbutveckling: 0 av 1" in tove_row
    assert "Troligen programmerare" in tove_row and ">Ja<" in tove_row
    nils_row = text[text.index("Nils Nej"):text.index("</tr>", text.index("Nils Nej"))]
    assert ">Nej<" in nils_row and "Programmering:" not in nils_row  # no work shown


def test_filters_and_sorting_work_on_the_server(app, world, db_session):
    busy = in_programme(db_session, world, "Alva Aktiv")
    db_session.add_all([graded(busy.id, days_ago=0), graded(busy.id, WEB_TASK, days_ago=0)])
    in_programme(db_session, world, "Nils Nej", tests=False)
    db_session.commit()
    client = logged_in(app, world, COACH)

    def names(query: str) -> list[str]:
        found = rows(client.get("/personer/lista.csv?" + query).get_data(as_text=True))
        return [row["Namn"] for row in found]

    assert names("") == ["Alva Aktiv", "Nils Nej", "Tove Test"]
    assert names("consent=no") == ["Nils Nej"]
    assert names("area=webb") == ["Alva Aktiv"]
    assert names("q=tove") == ["Tove Test"]
    assert names("questionnaire=programmer") == ["Tove Test"]
    # Tove solved one task, Alva none; Nils's work is not shown, so he comes last
    assert names("sort=passed&order=desc") == ["Tove Test", "Alva Aktiv", "Nils Nej"]
    assert names("sort=passed") == ["Alva Aktiv", "Tove Test", "Nils Nej"]
    assert names("sort=activity&order=desc")[0] == "Alva Aktiv"
    assert names("sort=name&order=desc") == ["Tove Test", "Nils Nej", "Alva Aktiv"]
    page = client.get("/personer/?sort=passed&order=desc&area=webb").get_data(as_text=True)
    assert "Alva Aktiv" in page and "Tove Test</a>" not in page


def test_a_filter_value_that_is_not_offered_is_explained_and_everyone_is_shown(app, world):
    page = logged_in(app, world, COACH).get("/personer/?consent=kanske&sort=%00x")
    assert page.status_code == 400  # a NUL byte never gets this far
    page = logged_in(app, world, COACH).get("/personer/?consent=kanske&sort=lon")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Tove Test" in text
    assert "inte ett giltigt val" in text.lower() or "not a valid choice" in text.lower()


def test_the_csv_file_has_the_columns_and_no_cell_a_spreadsheet_would_run(
        app, world, db_session):
    in_programme(db_session, world, '=HYPERLINK("http://evil.example","klicka")')
    in_programme(db_session, world, "+46 Plus")
    in_programme(db_session, world, "@SUM(A1)")
    in_programme(db_session, world, "-1+1")
    in_programme(db_session, world, "\tTabb")
    response = logged_in(app, world, COACH).get("/personer/lista.csv")
    assert response.mimetype == "text/csv" and "attachment" in response.headers[
        "Content-Disposition"]
    found = rows(response.get_data(as_text=True))
    assert set(found[0]) >= {"Namn", "Kodnamn", "E-post", "Senast aktiv",
                             "Programmering: försökte", "Databaser: klarade",
                             "Frågeformulär", "Ja till ”Prov och resultat”"}
    for row in found:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert {row["Namn"] for row in found} >= {"'=HYPERLINK(\"http://evil.example\",\"klicka\")",
                                              "'+46 Plus", "'@SUM(A1)", "'-1+1", "'\tTabb"}
    tove = next(row for row in found if row["Namn"] == "Tove Test")
    assert tove["E-post"] == world.users["candidate self"].email
    assert tove["Programmering: klarade"] == "1" and tove["Frågeformulär"] == \
        "Troligen programmerare"


def test_the_export_is_checked_and_logged_once_per_person_in_the_file(app, world, db_session):
    other = in_programme(db_session, world, "Nils Nej", tests=False)
    since = db_session.scalar(sa.select(sa.func.max(AccessLog.id))) or 0
    logged_in(app, world, COACH).get("/personer/lista.csv?consent=no")
    entries = db_session.execute(sa.select(AccessLog.person_id, AccessLog.action,
                                           AccessLog.what).where(AccessLog.id > since)).all()
    assert entries == [(other.id, "export", "people.export")]
    # a coach of another programme gets a file without anyone of this one
    file = logged_in(app, world, "coach other org").get("/personer/lista.csv")
    assert [row["Namn"] for row in rows(file.get_data(as_text=True))] == []


def test_a_caseworker_sees_no_work_in_the_list_or_the_file(app, world, db_session):
    db_session.add(graded(world.tove.id))
    db_session.commit()
    client = logged_in(app, world, "caseworker with consent")
    (tove,) = rows(client.get("/personer/lista.csv").get_data(as_text=True))
    assert tove["Namn"] == "Tove Test"
    assert tove["Programmering: försökte"] == "–" and tove["Senast aktiv"] == ""
    assert tove["E-post"] == world.users["candidate self"].email  # she shares her report
    assert tove["Frågeformulär"] == "–"


def test_a_protected_identity_shows_no_contact_details_in_the_list_or_the_file(
        app, world, db_session, make_user):
    hidden_login = make_user(role="candidate", email="skyddad@example.se")
    person = db_session.scalar(sa.select(Person).where(Person.user_id == hidden_login.id))
    person.name, person.organisation_id = "Skyddad Person", world.tove.organisation_id
    person.protected_identity = True
    db_session.add(Consent(person_id=person.id, purpose="assessment"))
    db_session.commit()
    for actor in (COACH, "admin"):
        client = logged_in(app, world, actor)
        page = client.get("/personer/").get_data(as_text=True)
        assert "Skyddad Person" not in page and "skyddad@example.se" not in page
        assert person.public_id in page and "Skyddad identitet" in page
        assert world.users["candidate self"].email in page  # others' contact details stay
        found = rows(client.get("/personer/lista.csv").get_data(as_text=True))
        assert "skyddad@example.se" not in str(found) and "Skyddad Person" not in str(found)
        row = next(r for r in found if r["Kodnamn"] == person.public_id)
        assert (row["Namn"], row["E-post"]) == ("Skyddad identitet", "")


def count_selects(app, client, path: str) -> int:
    """How many SELECT statements a request sends to the database."""
    engine = app.extensions["kodprov_db"].engine
    seen = []

    def note(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    sa.event.listen(engine, "before_cursor_execute", note)
    try:
        assert client.get(path).status_code == 200
    finally:
        sa.event.remove(engine, "before_cursor_execute", note)
    return len(seen)


def add_busy_people(db_session, world, count: int) -> None:
    """``count`` people in the programme, each with a yes, hand-ins and a draft."""
    for n in range(count):
        person = in_programme(db_session, world, f"Person {n:03d}")
        db_session.add_all([graded(person.id, days_ago=n % 7),
                            graded(person.id, WEB_TASK, days_ago=1)])
    db_session.commit()


@pytest.mark.parametrize("path", ["/personer/", "/personer/lista.csv?sort=activity"])
def test_the_list_asks_the_database_as_often_for_a_hundred_people_as_for_fifteen(
        app, world, db_session, path):
    client = logged_in(app, world, COACH)
    add_busy_people(db_session, world, 15)
    fifteen = count_selects(app, client, path)
    add_busy_people(db_session, world, 85)
    assert count_selects(app, client, path) == fifteen


def test_last_activity_is_the_latest_hand_in_draft_or_questionnaire_answer(
        app, world, db_session):
    long_ago = datetime(2025, 1, 1, tzinfo=UTC)
    db_session.execute(sa.update(Submission).values(created_at=long_ago))
    db_session.execute(sa.update(QuestionnaireResponse).values(updated_at=long_ago))
    newest = graded(world.tove.id)
    newest.created_at = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
    db_session.add(newest)
    db_session.commit()
    client = logged_in(app, world, COACH)

    def last_activity() -> str:
        found = rows(client.get("/personer/lista.csv").get_data(as_text=True))
        return next(row for row in found if row["Namn"] == "Tove Test")["Senast aktiv"]

    assert "30 nov. 2026" in last_activity() or "2026-11-30" in last_activity()
    assert "10:15" in last_activity()  # Swedish time
    db_session.add(Draft(person_id=world.tove.id, challenge_id=WEB_TASK, files={},
                         updated_at=datetime(2026, 12, 1, 8, 0, tzinfo=UTC)))
    db_session.commit()
    assert "09:00" in last_activity()
