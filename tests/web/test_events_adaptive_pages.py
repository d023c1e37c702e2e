"""An evening's tasks through the pages: "suggestions per person" lists on each participant's
page what their own start page suggests; "a chosen set" without tasks is refused."""

from __future__ import annotations

import re

import sqlalchemy as sa

from assessor.models import Event, Participant, Person
from assessor.services.account_service import person_of
from assessor.services.events import suggested_tasks
from tests.app_settings import catalogue
from tests.web.test_events_pages import count, create, log_in


def listed_tasks(page: str) -> list[str]:
    block = re.search(r"data-evening-tasks>(.*?)</ul>", page, re.S)
    return re.findall(r'href="/uppgifter/([^"]+)"', block.group(1)) if block else []


def test_each_participant_sees_the_tasks_suggested_for_them(app, db_session, make_user,
                                                            programme_coach):
    coach = log_in(app, programme_coach())
    event_id = create(coach, task_mode="adaptive")
    event = db_session.get(Event, event_id)
    assert event.adaptive and "förslag per person" in coach.get(
        f"/kvallar/{event_id}").get_data(as_text=True).lower()

    guest = app.test_client()
    guest.post("/kvall/", data={"code": event.join_code, "nickname": "Gäst"})
    guest_tasks = listed_tasks(guest.get(f"/kvall/{event_id}").get_data(as_text=True))
    guest_person = db_session.scalar(sa.select(Person).join(Participant).where(
        Participant.nickname == "Gäst"))
    assert guest_tasks and guest_tasks == suggested_tasks(db_session, guest_person,
                                                          catalogue=catalogue)

    kim_user = make_user(name="Kim Berg", tests_consent=True)
    kim = log_in(app, kim_user)
    kim.post("/kvall/", data={"code": event.join_code})
    page = kim.get(f"/kvall/{event_id}").get_data(as_text=True)
    assert listed_tasks(page) == suggested_tasks(db_session, person_of(db_session, kim_user),
                                                 catalogue=catalogue)
    start = kim.get("/kandidat/").get_data(as_text=True)
    assert all(f"/uppgifter/{task}" in start for task in listed_tasks(page))


def test_a_chosen_set_lists_the_same_tasks_for_everyone(app, db_session, programme_coach):
    coach = log_in(app, programme_coach())
    event = db_session.get(Event, create(coach))
    guest = app.test_client()
    guest.post("/kvall/", data={"code": event.join_code, "nickname": "Gäst"})
    assert listed_tasks(guest.get(f"/kvall/{event.id}").get_data(as_text=True)) == [
        "p1-summa-medel"]


def test_a_chosen_set_without_tasks_is_refused_with_a_message(app, db_session,
                                                              programme_coach):
    coach = log_in(app, programme_coach())
    response = coach.post("/kvallar/", data={"name": "K", "day": "2026-05-05",
                                             "starts": "17:00", "ends": "19:00",
                                             "place": "Rum", "task_mode": "chosen"})
    assert response.status_code == 200
    assert "minst en uppgift" in response.get_data(as_text=True)
    assert count(db_session, Event) == 0
