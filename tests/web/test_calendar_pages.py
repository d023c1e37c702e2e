"""The public calendar and the coach's schedule page: setting the schedule and breaks,
"closed until …" on the calendar and the start page, signing up and withdrawing by the link in
the mail, cancelling an evening (those signed up are told), making an evening of it, and bad
input that changes nothing."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from assessor.domain.calendar import Schedule, next_evenings
from assessor.domain.clock import local_date, utcnow
from assessor.models import (
    AccessLog,
    CancelledEvening,
    EveningInterest,
    EveningSchedule,
    Event,
    OutboxMessage,
)

SCHEDULE = {"weekday": "1", "starts": "17:00", "ends": "19:00", "place": "Biblioteket"}


def coming(count: int = 2) -> list[date]:
    """The days of the next Tuesday evenings (one going on now counts)."""
    return [e.day for e in next_evenings(Schedule(place="x"), utcnow(), count)]


@pytest.fixture
def coach(programme_coach, login):
    coach = programme_coach(name="Cia Coach")
    login(coach)
    return coach


@pytest.fixture
def scheduled(client, coach):
    """The coach's programme has Tuesday evenings at the library."""
    assert client.post("/kalender/schema", data=SCHEDULE).status_code == 302
    return coach


def sign_up(client, coach, day: date, name="Kim", email="kim@example.se"):
    return client.post(f"/kalender/{coach.organisation_id}/{day.isoformat()}/anmal",
                       data={"name": name, "email": email})


def outbox(db_session) -> list[OutboxMessage]:
    db_session.expire_all()
    return list(db_session.scalars(sa.select(OutboxMessage).order_by(OutboxMessage.id)))


def rows(db_session, model) -> list:
    db_session.expire_all()
    return list(db_session.scalars(sa.select(model)))


def test_the_coach_sets_the_schedule_once_and_anyone_sees_it(client, scheduled, db_session):
    form = client.get("/kalender/schema").get_data(as_text=True)
    assert 'value="17:00"' in form and "Biblioteket" in form
    client.post("/konto/logga-ut")
    page = client.get("/kalender").get_data(as_text=True)
    assert "Tisdagar 17:00–19:00" in page and "Plats: Biblioteket." in page
    assert coming(1)[0].strftime("%-d") in page
    for address in ("/", "/for-dig"):
        start = client.get(address).get_data(as_text=True)
        assert "Mini Hackathon-kvällar" in start and "Tisdagar 17:00–19:00" in start, address


def test_the_form_starts_at_tuesdays_five_to_seven(client, coach):
    page = client.get("/kalender/schema").get_data(as_text=True)
    assert re.search(r'<option selected value="1">Tisdag</option>', page)
    assert 'value="17:00"' in page and 'value="19:00"' in page


@pytest.mark.parametrize(("data", "text"), [
    ({**SCHEDULE, "ends": "16:00"}, "Kvällen måste sluta efter att den börjar."),
    ({**SCHEDULE, "place": ""}, "Skriv var kvällarna hålls"),
    ({**SCHEDULE, "remote": "y", "video_link": "javascript:alert(1)"}, "https://"),
    ({**SCHEDULE, "weekday": "9"}, "Not a valid choice"),
    ({**SCHEDULE, "starts": "kl fem"}, "Not a valid time value"),
])
def test_a_schedule_that_cannot_work_changes_nothing(client, coach, db_session, data, text):
    response = client.post("/kalender/schema", data=data, follow_redirects=True)
    assert response.status_code == 200
    assert rows(db_session, EveningSchedule) == []


def test_a_break_covering_the_next_evening_closes_the_calendar_until_after_it(
        client, scheduled, db_session):
    first, second = coming(2)
    response = client.post("/kalender/schema/uppehall", data={
        "first": local_date(utcnow()).isoformat(), "last": first.isoformat(),
        "reason": "Jul och nyår"})
    assert response.status_code == 302
    client.post("/konto/logga-ut")
    page = client.get("/kalender").get_data(as_text=True)
    assert "Vi har stängt till" in page and "Jul och nyår" in page
    assert f"{second.day} " in page.split("Vi har stängt till", 1)[1][:60]
    assert f"/{first.isoformat()}/anmal" not in page
    assert "Vi har stängt till" in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize(("data", "field_text"), [
    ({"first": "2027-01-06", "last": "2026-12-21", "reason": "Jul"}, "sista dag"),
    ({"first": "2026-12-21", "last": "2027-01-06", "reason": ""}, "Skriv en kort anledning"),
    ({"first": "0001-01-01", "last": "2027-01-06", "reason": "Jul"}, "2000"),
    ({"first": "inte ett datum", "last": "2027-01-06", "reason": "Jul"}, ""),
])
def test_a_bad_break_is_refused_and_nothing_is_saved(client, scheduled, db_session, data,
                                                     field_text):
    response = client.post("/kalender/schema/uppehall", data=data, follow_redirects=True)
    assert response.status_code == 200
    assert field_text in response.get_data(as_text=True)
    assert rows(db_session, EveningSchedule)[0].breaks == []


def test_a_break_can_be_removed(client, scheduled, db_session):
    client.post("/kalender/schema/uppehall", data={"first": "2026-12-21",
                                                   "last": "2027-01-06", "reason": "Jul"})
    (stored,) = rows(db_session, EveningSchedule)
    break_id = stored.breaks[0].id
    assert client.post(f"/kalender/schema/uppehall/{break_id}/ta-bort").status_code == 302
    assert rows(db_session, EveningSchedule)[0].breaks == []


def test_signing_up_sends_a_mail_with_a_link_that_takes_it_back(client, scheduled,
                                                                db_session):
    client.post("/konto/logga-ut")
    day = coming(1)[0]
    form = client.get(f"/kalender/{scheduled.organisation_id}/{day.isoformat()}/anmal")
    assert "Vad som händer med det du skriver" in form.get_data(as_text=True)
    assert sign_up(client, scheduled, day).status_code == 302
    (signed,) = rows(db_session, EveningInterest)
    assert (signed.name, signed.email, signed.day) == ("Kim", "kim@example.se", day)
    (mail,) = outbox(db_session)
    link = re.search(r"https?://\S+/kalender/avanmal/(\S+)", mail.body)
    assert mail.to_address == "kim@example.se" and link is not None
    assert signed.token_hash not in mail.body  # only the code travels, never its hash
    path = f"/kalender/avanmal/{link.group(1)}"
    assert client.get(path).status_code == 200
    assert rows(db_session, EveningInterest) != []  # opening the link withdraws nothing
    assert client.post(path).status_code == 302
    assert rows(db_session, EveningInterest) == []
    assert client.get(path).status_code == 404


def test_the_same_address_twice_is_one_sign_up_and_only_the_newest_link_works(
        client, scheduled, db_session):
    day = coming(1)[0]
    sign_up(client, scheduled, day)
    sign_up(client, scheduled, day, name="Kim K", email=" KIM@example.se ")
    (signed,) = rows(db_session, EveningInterest)
    assert signed.name == "Kim K"
    first, second = (re.search(r"/kalender/avanmal/(\S+)", m.body).group(1)
                     for m in outbox(db_session))
    assert client.get(f"/kalender/avanmal/{first}").status_code == 404
    assert client.get(f"/kalender/avanmal/{second}").status_code == 200


@pytest.mark.parametrize(("data", "text"), [
    ({"name": "Kim", "email": "inte en adress"}, "ser inte ut som en e-postadress"),
    ({"name": "Kim", "email": ""}, "Skriv din e-postadress"),
    ({"name": "  ", "email": "kim@example.se"}, "Skriv ett namn eller smeknamn"),
    ({"name": "!!!", "email": "kim@example.se"}, "Skriv ett namn eller ett smeknamn"),
    ({"name": "K" * 101, "email": "kim@example.se"}, "100"),
])
def test_a_bad_sign_up_says_why_and_stores_nothing(client, scheduled, db_session, data, text):
    day = coming(1)[0]
    response = client.post(f"/kalender/{scheduled.organisation_id}/{day.isoformat()}/anmal",
                           data=data)
    assert response.status_code == 200 and text in response.get_data(as_text=True)
    assert rows(db_session, EveningInterest) == [] and outbox(db_session) == []


@pytest.mark.parametrize("day", ["inte-ett-datum", "2026-02-30", "0001-01-01"])
def test_a_day_that_is_no_evening_is_a_calm_404(client, scheduled, day):
    response = client.get(f"/kalender/{scheduled.organisation_id}/{day}/anmal")
    assert response.status_code == 404


def test_no_sign_up_for_a_wednesday_a_past_evening_or_another_programme(client, scheduled):
    day = coming(1)[0]
    for wrong in (f"{scheduled.organisation_id}/{(day + timedelta(days=1)).isoformat()}",
                  f"{scheduled.organisation_id}/{(day - timedelta(days=7)).isoformat()}",
                  f"{scheduled.organisation_id + 99}/{day.isoformat()}"):
        response = client.post(f"/kalender/{wrong}/anmal",
                               data={"name": "Kim", "email": "kim@example.se"})
        assert response.status_code == 404, wrong


def test_cancelling_an_evening_tells_those_signed_up_and_marks_it(client, scheduled,
                                                                   db_session):
    day = coming(1)[0]
    sign_up(client, scheduled, day)
    sign_up(client, scheduled, day, name="Sam", email="sam@example.se")
    response = client.post(f"/kalender/schema/{day.isoformat()}/stall-in",
                           data={"reason": "Coachen är sjuk"})
    assert response.status_code == 302
    (cancelled,) = rows(db_session, CancelledEvening)
    assert (cancelled.day, cancelled.reason) == (day, "Coachen är sjuk")
    told = [m for m in outbox(db_session) if "inställd" in m.subject.lower()]
    assert sorted(m.to_address for m in told) == ["kim@example.se", "sam@example.se"]
    assert all("Coachen är sjuk" in m.body for m in told)
    assert rows(db_session, EveningInterest) == []
    page = client.get("/kalender").get_data(as_text=True)
    assert "Inställd" in page and "Coachen är sjuk" in page
    again = client.post(f"/kalender/schema/{day.isoformat()}/stall-in",
                        data={"reason": "Igen"}, follow_redirects=True)
    assert "Den kvällen är inställd." in again.get_data(as_text=True)
    assert len(rows(db_session, CancelledEvening)) == 1
    assert sign_up(client, scheduled, day).status_code == 404


def test_cancelling_without_a_reason_changes_nothing(client, scheduled, db_session):
    day = coming(1)[0]
    response = client.post(f"/kalender/schema/{day.isoformat()}/stall-in",
                           data={"reason": " "}, follow_redirects=True)
    assert "Skriv en kort anledning" in response.get_data(as_text=True)
    assert rows(db_session, CancelledEvening) == []


def test_one_button_makes_an_evening_with_the_calendar_s_day_time_and_place(
        client, scheduled, db_session):
    day = coming(2)[1]
    response = client.post(f"/kalender/schema/{day.isoformat()}/kvall")
    (event,) = rows(db_session, Event)
    assert response.status_code == 302 and response.location.endswith(f"/kvallar/{event.id}")
    assert event.place == "Biblioteket" and local_date(event.starts_at) == day
    assert (event.ends_at - event.starts_at) == timedelta(hours=2)
    assert "Mini Hackathon" in event.name
    page = client.get("/kalender/schema").get_data(as_text=True)
    assert f"/kvallar/{event.id}" in page
    again = client.post(f"/kalender/schema/{day.isoformat()}/kvall", follow_redirects=True)
    assert "Det finns redan en kväll den dagen." in again.get_data(as_text=True)
    assert len(rows(db_session, Event)) == 1


def test_the_coach_sees_who_signed_up_and_that_look_is_logged(client, scheduled, db_session):
    day = coming(1)[0]
    sign_up(client, scheduled, day, name="Kim")
    client.get("/kalender")  # the thank-you message, with the address, is shown there
    page = client.get(f"/kalender/schema/{day.isoformat()}/anmalda").get_data(as_text=True)
    assert "Kim" in page and "kim@example.se" not in page
    db_session.expire_all()
    assert db_session.scalar(sa.select(AccessLog).where(
        AccessLog.actor_id == scheduled.id, AccessLog.what.like("calendar %(1)")))


def test_the_calendar_in_english(client, scheduled):
    client.post("/sprak", data={"locale": "en"})
    page = client.get("/kalender").get_data(as_text=True)
    assert "Tuesdays 17:00–19:00" in page and "Sign up (optional)" in page


def test_without_a_schedule_the_start_page_says_nothing_about_evenings(client):
    page = client.get("/").get_data(as_text=True)
    main = page[page.index("<main"):page.index("</main>")]
    assert "Mini Hackathon-kvällar" not in main
    assert 'href="/kalender"' in page  # the footer still leads to the calendar
    assert "Inga kvällar är planerade just nu." in client.get("/kalender").get_data(
        as_text=True)


def test_over_smtp_the_mail_leaves_after_the_sign_up_is_committed(app, client, scheduled,
                                                                 db_session, monkeypatch):
    import dataclasses

    from assessor.infra import mail

    sent = []

    def send(self, message):
        sent.append((message.to, len(rows(db_session, EveningInterest))))  # committed by now
        raise mail.MailError("SMTP: the server is away")

    monkeypatch.setattr(mail.SmtpMailer, "send", send)
    app.config["KODPROV_SETTINGS"] = dataclasses.replace(
        app.config["KODPROV_SETTINGS"], smtp_url="smtp://mail.example.se:587")
    assert sign_up(client, scheduled, coming(1)[0]).status_code == 302
    assert sent == [("kim@example.se", 1)] and outbox(db_session) == []
