"""The indicator survey's page: the person answers the start, then the exit once the coach
has recorded the last day; bad answers are named and change nothing; nobody else answers; the
funder report shows the positive share at exit by gender, masked."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from assessor.domain.funder.indicators import ITEMS
from assessor.models import Consent, IndicatorAnswer, Person
from assessor.services.placements.participation import ParticipationInput, save_participation
from tests.web.access_world import build_world, client_of


def answers(point: str, value: int = 4, **change) -> dict[str, str]:
    return {f"{point}-{item}": str(value) for item in ITEMS} | change


@pytest.fixture
def world(db_session):
    return build_world(db_session)


def stored(db_session) -> int:
    db_session.expire_all()
    return db_session.scalar(sa.select(sa.func.count()).select_from(IndicatorAnswer))


def test_the_person_answers_the_start_and_later_the_exit(app, world, db_session):
    client = client_of(app, world.users["candidate self"])
    page = client.get("/kandidat/enkat/").get_data(as_text=True)
    assert "Vid start" in page and "Jag vet vad jag vill göra härnäst." in page
    assert "Vid avslut</h2>" not in page and "öppnar när din handledare" in page
    done = client.post("/kandidat/enkat/start", data=answers("start"), follow_redirects=True)
    assert "Tack. Dina svar är sparade." in done.get_data(as_text=True)
    assert stored(db_session) == 1
    refused = client.post("/kandidat/enkat/exit", data=answers("exit"), follow_redirects=True)
    assert "inte öppen för dig nu" in refused.get_data(as_text=True) and stored(db_session) == 1
    save_participation(db_session, world.users["coach same org"], world.tove,
                       ParticipationInput(enrolled_on=date(2025, 1, 1),
                                          left_on=date(2025, 6, 1)))
    db_session.commit()
    assert "Vid avslut</h2>" in client.get("/kandidat/enkat/").get_data(as_text=True)
    client.post("/kandidat/enkat/exit", data=answers("exit", 5))
    assert stored(db_session) == 2


@pytest.mark.parametrize("data", [
    answers("start", 9),
    answers("start", 4, **{f"start-{ITEMS[0]}": "fyra"}),
    {k: v for k, v in answers("start").items() if not k.endswith(ITEMS[-1])},
    {},
])
def test_bad_answers_are_named_and_change_nothing(app, world, db_session, data):
    client = client_of(app, world.users["candidate self"])
    page = client.post("/kandidat/enkat/start", data=data, follow_redirects=True)
    assert page.status_code == 200
    assert 'class="message message-error"' in page.get_data(as_text=True)
    assert stored(db_session) == 0


def test_an_unknown_point_is_named_and_changes_nothing(app, world, db_session):
    client = client_of(app, world.users["candidate self"])
    page = client.post("/kandidat/enkat/mitten", data=answers("mitten"), follow_redirects=True)
    assert "Den enkäten finns inte" in page.get_data(as_text=True)
    assert stored(db_session) == 0


def test_staff_cannot_open_or_answer_it(app, world, db_session):
    for case in ("coach same org", "admin", "caseworker with consent"):
        client = client_of(app, world.users[case])
        assert client.get("/kandidat/enkat/").status_code == 403
        assert client.post("/kandidat/enkat/start", data=answers("start")).status_code == 403
    assert stored(db_session) == 0


def test_the_funder_report_shows_the_exit_share_by_gender_masked(app, world, db_session):
    programme = world.tove.organisation_id
    for i, (gender, value) in enumerate([("man", 5)] * 4 + [("man", 1)] * 3 + [("woman", 5)]):
        person = Person(name=f"P {i}", gender=gender, organisation_id=programme)
        db_session.add(person)
        db_session.flush()
        db_session.add_all([Consent(person_id=person.id, purpose="statistics"),
                            IndicatorAnswer(person_id=person.id, point="exit",
                                            answers=dict.fromkeys(ITEMS, value),
                                            answered_at=datetime(2025, 6, 2, tzinfo=UTC))])
    db_session.commit()
    client = client_of(app, world.users["coach same org"])
    page = client.get("/statistik/finansiar?start=2025-01-01&end=2025-12-31")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Indikatorenkät vid avslut" in text
    section = text[text.index("Indikatorenkät vid avslut"):]
    assert "&lt;3" in section and "P 0" not in text
    assert "57 %" not in section  # the men's share would give the one woman back
    csv = client.get("/statistik/finansiar.csv?start=2025-01-01&end=2025-12-31")
    lines = csv.get_data(as_text=True).splitlines()
    assert any(line.startswith("indicators_exit;positive;<3;") for line in lines)
