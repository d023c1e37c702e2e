"""Through the pages: the admin sets how long unclaimed guests are kept (and the guest's page
and the privacy page say it), a guest's claim link by e-mail (never shown to the coach), and
the coach's attendance over the programme's evenings, also in the funder report."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from assessor.models import AccessLog, AdminSetting, Event, OutboxMessage, Participant
from tests.web.test_events_pages import create, log_in


def join_as_guest(app, event, nickname="Gäst"):
    guest = app.test_client()
    guest.post("/kvall/", data={"code": event.join_code, "nickname": nickname})
    return guest


def test_the_admin_sets_the_guests_days_and_every_page_says_them(app, db_session, make_user,
                                                                  programme_coach):
    admin = log_in(app, make_user(role="admin"))
    page = admin.get("/admin/installningar").get_data(as_text=True)
    assert 'value="30"' in page and "30 dagar" in page  # KODPROV_GUEST_DAYS until set
    saved = admin.post("/admin/installningar", data={"days": "7"}, follow_redirects=True)
    assert "sparas nu 7 dagar" in saved.get_data(as_text=True)
    assert db_session.get(AdminSetting, "guest_days").value == 7
    assert db_session.scalar(sa.select(AccessLog.what).where(
        AccessLog.what == "settings.guest_days = 7")) is not None

    event = db_session.get(Event, create(log_in(app, programme_coach())))
    guest = join_as_guest(app, event)
    evening = guest.get(f"/kvall/{event.id}").get_data(as_text=True)
    assert "tas bort 7 dagar efter kvällen" in evening
    assert "7 dagar" in app.test_client().get("/integritet").get_data(as_text=True)


@pytest.mark.parametrize("typed", ["0", "366", "abc", "", "2.5"])
def test_days_out_of_bounds_get_a_message_and_change_nothing(app, db_session, make_user,
                                                             typed):
    admin = log_in(app, make_user(role="admin"))
    response = admin.post("/admin/installningar", data={"days": typed})
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "Skriv ett helt antal dagar från 1 till 365." in text or (
        typed == "" and "Skriv ett antal dagar." in text)
    assert db_session.get(AdminSetting, "guest_days") is None


def test_a_guest_gets_the_claim_link_by_email_and_the_coach_never_sees_the_address(
        app, db_session, make_user, programme_coach):
    coach = log_in(app, programme_coach())
    event = db_session.get(Event, create(coach))
    guest = join_as_guest(app, event)
    sent = guest.post(f"/kvall/{event.id}/lank", data={"email": "gast@example.se"},
                      follow_redirects=True).get_data(as_text=True)
    assert "Vi har skickat din länk till gast@example.se." in sent
    message = db_session.scalar(sa.select(OutboxMessage))
    assert message.to_address == "gast@example.se" and "Tisdagskväll" in message.subject
    link = re.search(r"https?://\S+/kvall/hamta/\S+", message.body).group(0)
    assert link in sent  # the page shows the same, fresh link

    for path in (f"/kvallar/{event.id}", f"/kvallar/{event.id}/live",
                 f"/kvallar/{event.id}/export.json", f"/kvallar/{event.id}/export.csv",
                 "/kvallar/narvaro"):
        assert "gast@example.se" not in coach.get(path).get_data(as_text=True), path

    kim_user = make_user(tests_consent=True)
    kim = log_in(app, kim_user)
    token_path = link.split("kodprov.test", 1)[-1]
    assert kim.post(token_path).status_code == 302
    db_session.expire_all()
    assert db_session.scalar(sa.select(Participant.claim_email)) is None


@pytest.mark.parametrize("typed", ["inte en adress", "", "a@b"])
def test_a_bad_address_gets_a_message_and_nothing_is_sent(app, db_session, programme_coach,
                                                          typed):
    event = db_session.get(Event, create(log_in(app, programme_coach())))
    guest = join_as_guest(app, event)
    page = guest.post(f"/kvall/{event.id}/lank", data={"email": typed},
                      follow_redirects=True).get_data(as_text=True)
    assert "Det ser inte ut som en e-postadress" in page
    assert db_session.scalar(sa.select(sa.func.count()).select_from(OutboxMessage)) == 0
    assert db_session.scalar(sa.select(Participant.claim_email)) is None


def test_the_coach_sees_attendance_over_the_programmes_evenings(app, db_session, make_user,
                                                                programme_coach):
    coach_user = programme_coach()
    coach = log_in(app, coach_user)
    event = db_session.get(Event, create(coach))
    join_as_guest(app, event, "Ett")
    join_as_guest(app, event, "Två")
    kim = log_in(app, make_user(tests_consent=True))
    kim.post("/kvall/", data={"code": event.join_code})
    page = coach.get("/kvallar/narvaro").get_data(as_text=True)
    assert "Hållna kvällar: 1. Platser: 3. Olika personer: 3. Kom tillbaka: 0." in page
    row = re.search(rf'<tr><th scope="row"><a href="/kvallar/{event.id}">.*?</tr>', page,
                    re.S).group(0)
    assert re.findall(r"<td>(\d+)</td>", row) == ["3", "0", "2", "1"]
    assert db_session.scalar(sa.select(AccessLog).where(
        AccessLog.what == "events.attendance", AccessLog.actor_id == coach_user.id))

    other = log_in(app, programme_coach())
    assert "Ingen kväll har hållits än." in other.get("/kvallar/narvaro").get_data(as_text=True)


def test_the_funder_report_counts_the_evenings_held(app, db_session, programme_coach):
    coach = log_in(app, programme_coach())
    create(coach)
    year = datetime.now(UTC).year
    page = coach.get("/statistik/finansiar", query_string={
        "start": f"{year}-01-01", "end": f"{year}-12-31"}).get_data(as_text=True)
    assert "1 kväll hölls under perioden." in page
    assert "Deltagare på kvällarna, efter kön" in page
