"""A coach books a supervised follow-up and records what the person showed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from assessor.domain.clock import as_utc
from assessor.models import FollowUp, Person


def test_booking_and_recording_a_follow_up(client, make_user, programme_coach, login, db_session):
    person = Person(name="Robin")
    db_session.add(person)
    db_session.commit()
    login(programme_coach(person))
    page = client.get("/handledare/").get_data(as_text=True)
    assert "Robin" in page and "Inte påbörjat" in page
    client.post(f"/handledare/person/{person.public_id}",
                data={"area": "programmering", "booked_for": "2025-12-01T17:00"})
    follow_up = db_session.scalars(sa.select(FollowUp)).one()
    assert follow_up.area == "programmering"
    assert as_utc(follow_up.booked_for) == datetime(2025, 12, 1, 16, tzinfo=UTC)
    client.post(f"/handledare/uppfoljning/{follow_up.id}",
                data={"explained_code": "y", "changed_code": "y", "notes": "Lugnt och bra."})
    db_session.expire_all()
    held = db_session.get(FollowUp, follow_up.id)
    assert held.outcome == "partly" and held.notes == "Lugnt och bra."
    assert "Delvis bekräftat" in client.get(
        f"/handledare/person/{person.public_id}").get_data(as_text=True)


@pytest.fixture
def robin(db_session, make_user, programme_coach, login) -> Person:
    """A person in the programme, with a coach logged in."""
    person = Person(name="Robin")
    db_session.add(person)
    db_session.commit()
    login(programme_coach(person))
    return person


@pytest.mark.parametrize(("typed", "utc"), [
    ("2026-12-01T18:00", datetime(2026, 12, 1, 17, tzinfo=UTC)),  # winter: UTC+1
    ("2026-06-02T18:00", datetime(2026, 6, 2, 16, tzinfo=UTC)),  # summer: UTC+2
])
def test_a_booked_time_is_swedish_time_and_shown_as_typed(client, db_session, robin, typed,
                                                          utc):
    person = robin
    client.post(f"/handledare/person/{person.public_id}",
                data={"area": "webb", "booked_for": typed})
    follow_up = db_session.scalars(sa.select(FollowUp)).one()
    assert as_utc(follow_up.booked_for) == utc
    assert "18:00" in client.get(f"/handledare/person/{person.public_id}").get_data(as_text=True)
    assert "18:00" in client.get(f"/handledare/uppfoljning/{follow_up.id}").get_data(as_text=True)


def test_a_follow_up_cannot_be_recorded_before_its_booked_time(client, db_session, robin):
    later = datetime.now(UTC) + timedelta(days=2)
    db_session.add(FollowUp(person_id=robin.id, area="programmering", checklist={},
                            booked_for=later))
    db_session.commit()
    follow_up = db_session.scalars(sa.select(FollowUp)).one()
    assert "Uppföljningen är bokad till senare" in client.get(
        f"/handledare/uppfoljning/{follow_up.id}").get_data(as_text=True)
    page = client.post(f"/handledare/uppfoljning/{follow_up.id}", follow_redirects=True,
                       data={"explained_code": "y", "changed_code": "y",
                             "fixed_failing_input": "y", "answered_questions": "y"})
    assert page.status_code == 200
    assert "Inget sparades" in page.get_data(as_text=True)
    db_session.expire_all()
    held = db_session.get(FollowUp, follow_up.id)
    assert held.outcome is None and held.held_at is None and held.checklist == {}


@pytest.mark.parametrize("typed", ["0001-01-01T00:00", "9999-12-31T23:59", "1899-05-01T10:00"])
def test_a_time_out_of_range_is_explained_and_not_booked(client, db_session, robin, typed):
    page = client.post(f"/handledare/person/{robin.public_id}",
                       data={"area": "programmering", "booked_for": typed})
    assert page.status_code == 200
    assert "Välj ett datum mellan år 2000 och 2100" in page.get_data(as_text=True)
    assert db_session.scalar(sa.select(sa.func.count()).select_from(FollowUp)) == 0


def test_a_follow_up_without_a_time_is_explained_and_not_booked(client, programme_coach, login,
                                                                db_session):
    person = Person(name="Robin")
    db_session.add(person)
    db_session.commit()
    login(programme_coach(person))
    page = client.post(f"/handledare/person/{person.public_id}",
                       data={"area": "programmering", "booked_for": "i morgon"})
    assert "Välj datum och tid" in page.get_data(as_text=True)
    assert db_session.scalar(sa.select(sa.func.count()).select_from(FollowUp)) == 0


def test_the_person_page_shows_a_copied_solution_as_a_signal_not_a_verdict(
        client, make_user, programme_coach, login, db_session):
    from pathlib import Path

    from assessor.models import Submission

    root = Path(__file__).resolve().parents[2]
    code = (root / "challenges" / "p1-tidrapport" / "solution" / "tidrapport.py").read_text()
    first, second = Person(name="Ett"), Person(name="Två")
    db_session.add_all([first, second])
    db_session.commit()
    for person in (first, second):
        db_session.add(Submission(person_id=person.id, challenge_id="p1-tidrapport",
                                  kind="attempt", status="graded", gradable=True, score=1.0,
                                  files={"tidrapport.py": code}))
    db_session.commit()
    login(programme_coach(first, second))
    page = client.get(f"/handledare/person/{first.public_id}").get_data(as_text=True)
    assert f"Liknar lösningen från {second.public_id}" in page
    assert "<strong>Tidrapport:</strong>" in page
    assert "<strong>p1-tidrapport" not in page
    assert "Liknar lösningsförslaget (100 % av kodens bitar" in page
    assert "stämmer med facit" not in page  # read like "100 % correct"
    assert "Inget betyg" in page and "inte ett bevis" in page


def test_the_person_page_names_the_tasks_behind_an_unusual_pattern(client, programme_coach, login,
                                                                   db_session):
    from datetime import UTC, datetime, timedelta

    from assessor.models import Submission
    from assessor.services.item_banks import current_bank
    from tests.app_settings import catalogue

    items = sorted((i for i in current_bank(db_session, catalogue=catalogue).items
                    if i.meta.area == "programmering"), key=lambda i: i.params.difficulty)
    easy, hard = items[:5], items[-2:]
    person = Person(name="Mönster")
    db_session.add(person)
    db_session.commit()
    start = datetime(2026, 3, 1, tzinfo=UTC)
    for minutes, (item, score) in enumerate([*((i, 0.0) for i in easy),
                                             *((i, 1.0) for i in hard)]):
        db_session.add(Submission(person_id=person.id, challenge_id=item.id, kind="attempt",
                                  status="graded", gradable=True, score=score, files={},
                                  created_at=start + timedelta(minutes=minutes)))
    db_session.commit()
    login(programme_coach(person))
    page = client.get(f"/handledare/person/{person.public_id}").get_data(as_text=True)
    assert "Ett ovanligt mönster" in page
    better = page.split("Gick bättre än väntat: ", 1)[1].split(".", 1)[0]
    assert all(catalogue.challenge(i.id).title["sv"] in better for i in hard)
    worse = page.split("Gick sämre än väntat: ", 1)[1].split(".", 1)[0]
    assert catalogue.challenge(easy[0].id).title["sv"] in worse
    assert not any(i.id in page for i in (*easy, *hard))
