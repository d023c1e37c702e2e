"""Hostile input gets a clear 4xx in the visitor's language and stores nothing, on SQLite and on
PostgreSQL (where Integer columns are int4 and text may hold no NUL byte)."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from assessor.models import Consent, Draft, FollowUp, Organisation, Person, Submission, User
from assessor.models.base import Base
from tests.services import BOTH_DATABASES, database_of_kind

HUGE_IDS = [2**31, 2**32 + 7, 2**63, 2**64, 10**30]
DEEP_NOTEBOOK = "[" * 200_000
NOTEBOOK_TASK = "p2-notebook-temperatur"


@pytest.fixture(params=BOTH_DATABASES)
def database_url(request, tmp_path):
    """Each test here runs on SQLite and on PostgreSQL."""
    with database_of_kind(request.param, tmp_path, "kodprov_hostile") as url:
        yield url


@pytest.fixture
def rows(db_session):
    """``rows()``: the number of rows in every table, to show that nothing was stored."""

    def count() -> dict[str, int]:
        db_session.expire_all()
        return {table.name: db_session.scalar(sa.select(sa.func.count()).select_from(table))
                for table in Base.metadata.sorted_tables}

    return count


@pytest.fixture(autouse=True)
def queued(app) -> list[int]:
    """Submission ids sent to the queue (nothing is graded here)."""
    sent: list[int] = []

    class Recorder:
        def enqueue(self, submission_id: int) -> None:
            sent.append(submission_id)

        def close(self) -> None:
            """Nothing runs, so nothing is left to stop."""

    app.extensions["kodprov_queue"].close()
    app.extensions["kodprov_queue"] = Recorder()
    return sent


@pytest.fixture
def programme(db_session) -> Organisation:
    """The organisation that runs the programme."""
    organisation = Organisation(name="Programmet")
    db_session.add(organisation)
    db_session.commit()
    return organisation


@pytest.fixture
def make_coach(make_user, db_session, programme) -> Callable[[], User]:
    """``make_coach()``: a coach of the programme."""

    def make() -> User:
        user = make_user(role="facilitator")
        user.organisation_id = programme.id
        db_session.commit()
        return user

    return make


@pytest.fixture
def coach(make_coach, login) -> User:
    """A coach of the programme, logged in."""
    user = make_coach()
    login(user)
    return user


@pytest.fixture
def robin(db_session, programme) -> Person:
    """A person in the programme, with a yes to the tests."""
    person = Person(name="Robin", organisation_id=programme.id)
    db_session.add(person)
    db_session.flush()
    db_session.add(Consent(person_id=person.id, purpose="assessment"))
    db_session.commit()
    return person


def add_follow_up(db_session, person: Person, booked_for: datetime) -> FollowUp:
    follow_up = FollowUp(person_id=person.id, area="programmering", checklist={},
                         booked_for=booked_for)
    db_session.add(follow_up)
    db_session.commit()
    return follow_up


# Dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("when", [datetime(9999, 12, 31, 23, 0, tzinfo=UTC),
                                  datetime(1, 1, 1, 0, 30, tzinfo=UTC),
                                  datetime(1999, 12, 31, 12, tzinfo=UTC)])
def test_the_service_refuses_a_follow_up_outside_the_years_2000_to_2100(db_session, robin,
                                                                        make_coach, when):
    from assessor.services.verification import FollowUpError, book_follow_up

    coach = make_coach()
    with pytest.raises(FollowUpError) as refused:
        book_follow_up(db_session, robin, "programmering", coach, when)
    assert refused.value.code == "out_of_range"
    db_session.rollback()
    assert db_session.scalar(sa.select(sa.func.count()).select_from(FollowUp)) == 0


@pytest.mark.parametrize("when", [datetime(9999, 12, 31, 23, 30, tzinfo=UTC),
                                  datetime(1, 1, 1, 0, 30, tzinfo=UTC)])
def test_a_stored_follow_up_with_an_extreme_date_never_breaks_the_pages(client, db_session,
                                                                        robin, coach, when):
    follow_up = add_follow_up(db_session, robin, when)
    assert client.get(f"/handledare/person/{robin.public_id}").status_code == 200
    page = client.get(f"/handledare/uppfoljning/{follow_up.id}")
    assert page.status_code == 200 and str(when.year) in page.get_data(as_text=True)
    recorded = client.post(f"/handledare/uppfoljning/{follow_up.id}",
                           data={"explained_code": "y"}, follow_redirects=True)
    assert recorded.status_code == 200


# Ids beyond the column ------------------------------------------------------------------------

@pytest.mark.parametrize("number", HUGE_IDS)
def test_an_id_beyond_the_column_in_an_address_is_not_found(client, make_user, make_coach, login,
                                                            robin, number):
    login(make_coach())
    for path in (f"/handledare/uppfoljning/{number}",
                 f"/formular/{robin.public_id}/fraga/{number}"):
        assert client.get(path).status_code == 404, path
    login(make_user(role="candidate", tests_consent=True))
    assert client.get(f"/uppgifter/inlamning/{number}").status_code == 404


@pytest.mark.parametrize("number", [2**31, 2**63, 10**30, -1, "12abc"])
def test_an_id_beyond_the_column_in_a_form_changes_nothing(client, make_user, login, rows,
                                                           db_session, number):
    from assessor.models import Organisation

    db_session.add(Organisation(name="Förvaltningen"))
    db_session.commit()
    login(make_user(role="candidate"))
    before = rows()
    for data in ({"withdraw-consent_id": str(number)},
                 {"give-purpose": "share_report", "give-organisation": str(number)}):
        page = client.post("/kandidat/samtycke", data=data, follow_redirects=True)
        assert page.status_code == 200
        assert "Det gick inte. Inget ändrades." in page.get_data(as_text=True)
    assert rows() == before
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Consent)) == 0


# Deeply nested notebooks ----------------------------------------------------------------------

def test_a_notebook_nested_too_deeply_is_explained_and_changes_nothing(client, make_user, login,
                                                                       rows):
    login(make_user(tests_consent=True))
    before = rows()
    for action in ("utkast", "skicka"):
        response = client.post(f"/uppgifter/{NOTEBOOK_TASK}/{action}", data={
            "kind": "attempt", "upload": (io.BytesIO(DEEP_NOTEBOOK.encode()), "t.ipynb")},
            content_type="multipart/form-data", headers={"Accept": "application/json"})
        assert response.status_code == 400, action
        assert "Notebooken är skadad" in response.get_json()["message"]
    assert rows() == before


# NUL bytes -----------------------------------------------------------------------------------

def test_a_nul_byte_in_a_name_is_refused_and_changes_nothing(client, coach, rows):
    before = rows()
    response = client.post("/personer/ny", data={"name": "Ro\x00bin", "gender": "woman"})
    assert response.status_code == 400
    assert "tecken som inte kan sparas" in response.get_data(as_text=True)
    assert rows() == before


@pytest.mark.parametrize("path", ["/handledare/person/K-%00", "/uppgifter/p1%00", "/om?next=%00",
                                  "/rapport/K-%00.pdf", "/formular/%00/klar"])
def test_a_nul_byte_in_an_address_is_refused(client, coach, rows, path):
    before = rows()
    response = client.get(path)
    assert response.status_code in (400, 404)
    assert rows() == before


def test_a_nul_byte_in_a_login_is_refused_in_english_too(client, rows):
    client.post("/sprak", data={"locale": "en", "next": "/"})
    before = rows()
    response = client.post("/konto/logga-in", data={"email": "a\x00@example.se",
                                                    "password": "x\x00"})
    assert response.status_code == 400
    assert "character that cannot be saved" in response.get_data(as_text=True)
    assert rows() == before


def test_an_uploaded_file_with_a_nul_byte_is_refused(client, make_user, login, rows):
    login(make_user(tests_consent=True))
    before = rows()
    response = client.post("/uppgifter/p1-summa-medel/utkast", data={
        "upload": (io.BytesIO(b"print(1)\x00\n"), "medel.py")},
        content_type="multipart/form-data")
    assert response.status_code == 400
    assert response.get_json()["message"] == "En fil var inte text. Inget sparades."
    assert rows() == before


def test_a_nul_byte_asked_for_as_json_is_refused_as_json(client, make_user, login, rows):
    login(make_user(tests_consent=True))
    before = rows()
    response = client.post("/uppgifter/p1-summa-medel/utkast",
                           data={"file:medel.py": "print(1)\x00"},
                           headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert response.get_json()["saved"] is False
    assert rows() == before


def test_a_form_field_name_with_a_line_break_is_no_crash(client, make_user, login, rows):
    login(make_user(tests_consent=True))
    before = rows()
    response = client.post("/uppgifter/p1-summa-medel/skicka", data={
        "\r": "", "file:medel.py": "", "kind": "attempt",
        "upload": (io.BytesIO(b""), "medel.py")}, content_type="multipart/form-data",
        headers={"Accept": "application/json"})
    assert response.status_code == 400 and response.get_json()["ok"] is False
    assert rows() == before


def test_a_field_name_that_cannot_be_read_is_refused_before_the_csrf_check(app, client, rows):
    app.config["WTF_CSRF_ENABLED"] = True  # Flask-WTF's check failed on the unreadable name
    before = rows()
    for path in ("/forhandsvisning/p1-summa-medel", "/konto/logga-in"):
        response = client.post(path, data={"\n": "", "kind": "precheck",
                                           "upload": (io.BytesIO(b""), "medel.py")},
                               content_type="multipart/form-data")
        assert response.status_code == 400, path
        assert "Formuläret kunde inte läsas" in response.get_data(as_text=True)
    assert rows() == before


# Over-long values ----------------------------------------------------------------------------

def test_an_over_long_token_is_refused_and_changes_nothing(client, make_user, login, rows):
    login(make_user(tests_consent=True))
    before = rows()
    response = client.post("/uppgifter/p1-summa-medel/skicka",
                           data={"file:medel.py": "x = 1", "kind": "precheck", "token": "t" * 65},
                           headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert "Ladda om sidan" in response.get_json()["message"]
    assert rows() == before


def test_a_token_as_long_as_the_column_is_kept(client, make_user, login, db_session):
    login(make_user(tests_consent=True))
    response = client.post("/uppgifter/p1-summa-medel/skicka",
                           data={"file:medel.py": "x = 1", "kind": "precheck", "token": "t" * 64},
                           headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert db_session.scalars(sa.select(Submission)).one().client_token == "t" * 64
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Draft)) == 1


def test_an_over_long_name_is_explained_and_changes_nothing(client, coach, rows):
    before = rows()
    response = client.post("/personer/ny", data={"name": "R" * 201, "gender": "woman"})
    assert response.status_code == 200 and "200" in response.get_data(as_text=True)
    assert rows() == before
