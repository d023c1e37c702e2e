"""A whole evening through the pages: a coach creates it and shows the code, a guest and a
candidate join, the live view, check-in, help, announcements, closing and the export; and the
friendly answers to bad input, which change nothing."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from assessor.domain.clock import LOCAL_TIMEZONE
from assessor.models import AccessLog, Event, Participant, User
from tests.conftest import TEST_PASSWORD


def local(moment: datetime) -> datetime:
    from zoneinfo import ZoneInfo

    return moment.astimezone(ZoneInfo(LOCAL_TIMEZONE))


def log_in(app, user):
    client = app.test_client()
    response = client.post("/konto/logga-in", data={"email": user.email,
                                                    "password": TEST_PASSWORD})
    assert response.status_code == 302
    return client


def create(client, **fields) -> int:
    start = local(datetime.now(UTC) - timedelta(minutes=30))
    end = start + timedelta(hours=2) if start.hour < 21 else start.replace(hour=23, minute=59)
    data = {"name": "Tisdagskväll", "day": start.strftime("%Y-%m-%d"),
            "starts": start.strftime("%H:%M"), "ends": end.strftime("%H:%M"),
            "place": "Rum 3", "task_mode": "chosen", "challenges": ["p1-summa-medel"],
            **fields}
    response = client.post("/kvallar/", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])


def count(db_session, model) -> int:
    return db_session.scalar(sa.select(sa.func.count()).select_from(model))


def test_a_coach_runs_an_evening_with_a_guest_and_a_candidate(app, db_session, make_user,
                                                             programme_coach):
    coach = log_in(app, programme_coach())
    event_id = create(coach)
    event = db_session.get(Event, event_id)
    page = coach.get(f"/kvallar/{event_id}").get_data(as_text=True)
    assert event.join_code in page and 'src="data:image/svg+xml' in page

    guest = app.test_client()
    assert event.join_code in guest.get(f"/kvall/?kod={event.join_code}").get_data(as_text=True)
    joined = guest.post("/kvall/", data={"code": event.join_code.lower(), "nickname": "Gäst"})
    assert joined.headers["Location"].endswith(f"/kvall/{event_id}")
    evening = guest.get(f"/kvall/{event_id}").get_data(as_text=True)
    assert "Jag vill ha hjälp" in evening and "/kvall/hamta/" in evening

    kim_user = make_user(name="Kim Berg", tests_consent=True)
    kim = log_in(app, kim_user)
    assert kim.post("/kvall/", data={"code": event.join_code}).status_code == 302
    again = kim.post("/kvall/", data={"code": event.join_code}, follow_redirects=True)
    assert "redan" in again.get_data(as_text=True)  # "already in this evening", nothing added
    assert count(db_session, Participant) == 2

    live = coach.get(f"/kvallar/{event_id}/live").get_json()
    assert sorted(p["nickname"] for p in live["people"]) == ["Gäst", "Kim"]
    kim_place = next(p for p in live["people"] if p["nickname"] == "Kim")
    assert coach.post(f"/kvallar/{event_id}/incheckning/{kim_place['id']}").status_code == 302
    assert kim.post(f"/kvall/{event_id}/hjalp").status_code == 302
    live = coach.get(f"/kvallar/{event_id}/live").get_json()
    assert [h["nickname"] for h in live["help"]] == ["Kim"]
    assert next(p for p in live["people"] if p["nickname"] == "Kim")["checked_in"]
    coach.post(f"/kvallar/{event_id}/hjalp/{live['help'][0]['id']}")
    assert coach.get(f"/kvallar/{event_id}/live").get_json()["help"] == []

    coach.post(f"/kvallar/{event_id}/meddelande", data={"text": "Pizza kl 18"})
    assert [a["text"] for a in kim.get(f"/kvall/{event_id}/nytt").get_json()
            ["announcements"]] == ["Pizza kl 18"]

    exported = coach.get(f"/kvallar/{event_id}/export.csv")
    assert exported.status_code == 200 and "attachment" in exported.headers[
        "Content-Disposition"]
    assert json.loads(coach.get(f"/kvallar/{event_id}/export.json").get_data())["rows"] == []
    assert coach.post(f"/kvallar/{event_id}/stang").status_code == 302
    closed = app.test_client().post("/kvall/", data={"code": event.join_code, "nickname": "Sen"})
    assert "slut" in closed.get_data(as_text=True)  # "that evening has ended"
    assert count(db_session, Participant) == 2


def test_bad_codes_and_taken_nicknames_get_a_friendly_answer_and_change_nothing(
        app, db_session, programme_coach):
    coach = log_in(app, programme_coach())
    event = db_session.get(Event, create(coach))
    first = app.test_client()
    first.post("/kvall/", data={"code": event.join_code, "nickname": "Robin"})
    users = count(db_session, User)
    for data, words in (({"code": "XXXXXX", "nickname": "Alex"}, "ingen kväll"),
                        ({"code": event.join_code, "nickname": " robin "}, "redan det"),
                        ({"code": event.join_code, "nickname": "   "}, "smeknamn"),
                        ({"code": "", "nickname": "Alex"}, "koden")):
        response = app.test_client().post("/kvall/", data=data)
        assert response.status_code == 200 and words in response.get_data(as_text=True), data
    assert count(db_session, User) == users and count(db_session, Participant) == 1


def test_a_bad_evening_form_saves_nothing(app, db_session, programme_coach):
    coach = log_in(app, programme_coach())
    for fields in ({"name": ""}, {"day": "9999-99-99"}, {"starts": "20:00", "ends": "18:00"},
                   {"remote": "y", "place": "", "video_link": "ftp://x"},
                   {"challenges": ["nope"]}):
        response = coach.post("/kvallar/", data={"name": "K", "day": "2026-05-05",
                                                 "starts": "17:00", "ends": "19:00",
                                                 "place": "Rum", **fields})
        assert response.status_code == 200, fields
    assert count(db_session, Event) == 0


def test_a_coach_of_another_programme_is_refused_and_it_is_logged(app, db_session,
                                                                  programme_coach):
    event_id = create(log_in(app, programme_coach()))
    other_user = programme_coach()
    other = log_in(app, other_user)
    for response in (other.get(f"/kvallar/{event_id}"), other.get(f"/kvallar/{event_id}/live"),
                     other.post(f"/kvallar/{event_id}/stang"),
                     other.get(f"/kvallar/{event_id}/export.csv")):
        assert response.status_code == 403
    assert db_session.get(Event, event_id).closed_at is None
    assert count(db_session, AccessLog) and db_session.scalar(sa.select(AccessLog.action).where(
        AccessLog.actor_id == other_user.id)) == "denied"


def test_a_guest_moves_the_results_into_an_account_with_the_claim_link(app, db_session,
                                                                        programme_coach,
                                                                        make_user):
    event = db_session.get(Event, create(log_in(app, programme_coach())))
    guest = app.test_client()
    guest.post("/kvall/", data={"code": event.join_code, "nickname": "Gäst"})
    link = re.search(r"/kvall/hamta/[\w-]+", guest.get(f"/kvall/{event.id}")
                     .get_data(as_text=True)).group(0)
    assert "Logga ut" in guest.get(link).get_data(as_text=True)  # the guest cannot claim it
    kim_user = make_user(name="Kim")
    kim = log_in(app, kim_user)
    assert kim.post(link).status_code == 302
    db_session.expire_all()
    place = db_session.scalar(sa.select(Participant))
    assert place.person.user_id == kim_user.id and not place.guest
    assert kim.get(link).status_code == 404


def test_the_polled_live_view_logs_each_person_once_and_a_newcomer_when_they_come(
        app, db_session, programme_coach):
    coach_user = programme_coach()
    coach = log_in(app, coach_user)
    event_id = create(coach)
    code = db_session.get(Event, event_id).join_code

    def looks() -> list[int]:
        db_session.expire_all()
        return sorted(db_session.scalars(sa.select(AccessLog.person_id).where(
            AccessLog.actor_id == coach_user.id, AccessLog.what == f"event.manage #{event_id}")))

    app.test_client().post("/kvall/", data={"code": code, "nickname": "Första"})
    for _ in range(3):
        assert coach.get(f"/kvallar/{event_id}/live").status_code == 200
    first = looks()
    assert len(first) == 1
    app.test_client().post("/kvall/", data={"code": code, "nickname": "Andra"})
    coach.get(f"/kvallar/{event_id}/live")
    coach.get(f"/kvallar/{event_id}/live")
    people = sorted(db_session.scalars(sa.select(Participant.person_id).where(
        Participant.event_id == event_id)))
    assert looks() == people and len(people) == 2
