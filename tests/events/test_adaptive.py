"""An evening's tasks: a chosen set that everyone sees, or suggestions per person from the
same ability model as the person's own start page; the live view shows what each works on
either way."""

from __future__ import annotations

from datetime import timedelta

import pytest

from assessor.models import Consent
from assessor.services import events
from assessor.services.account_service import person_of
from assessor.services.skills import all_areas
from assessor.services.submissions import save_draft
from tests.app_settings import catalogue
from tests.events.conftest import NOW
from tests.events.test_services import hand_in


def start_page_suggestions(db_session, person) -> list[str]:
    """What the candidate's start page offers as "Suggested next", area by area."""
    return [skill.assessment.next_item for skill in all_areas(
        db_session, person, catalogue=catalogue).values()
        if skill.assessment and skill.assessment.next_item]


def test_a_chosen_set_is_the_same_for_everyone(db_session, make_event, make_user):
    event = make_event(challenges=("p1-summa-medel",))
    kim = person_of(db_session, make_user())
    assert not event.adaptive
    assert events.tasks_for(db_session, event, kim, catalogue=catalogue) == ["p1-summa-medel"]


def test_a_chosen_set_without_tasks_is_refused(db_session, coach):
    new = events.NewEvent("Kväll", NOW, NOW + timedelta(hours=2), place="Rum 3")
    with pytest.raises(events.EventError, match="no_tasks"):
        events.create_event(db_session, new, by=coach, catalogue=catalogue)


def test_an_adaptive_evening_keeps_no_chosen_tasks(db_session, make_event, coach):
    event = events.create_event(db_session, events.NewEvent(
        "Kväll", NOW, NOW + timedelta(hours=2), place="Rum 3",
        challenge_ids=("p1-summa-medel",), adaptive=True), by=coach, catalogue=catalogue)
    assert event.adaptive and event.challenge_ids == []


def test_a_new_guest_gets_the_starting_suggestions_one_per_area(db_session, make_event):
    event = make_event(challenges=(), adaptive=True)
    guest, _place, _token = events.join_as_guest(db_session, event, "Gästen")
    person = person_of(db_session, guest)
    tasks = events.tasks_for(db_session, event, person, catalogue=catalogue)
    areas = [catalogue.challenge(task).area for task in tasks]
    assert tasks and len(set(areas)) == len(areas)  # one per area
    assert tasks == start_page_suggestions(db_session, person)


def test_suggestions_follow_what_the_person_has_done(db_session, make_event, make_user):
    event = make_event(challenges=(), adaptive=True)
    kim_user = make_user(tests_consent=True)
    kim = person_of(db_session, kim_user)
    first = events.tasks_for(db_session, event, kim, catalogue=catalogue)
    programming = next(t for t in first if catalogue.challenge(t).area.value == "programmering")
    hand_in(db_session, kim_user, programming, score=1.0)
    db_session.expire_all()
    later = events.tasks_for(db_session, event, kim, catalogue=catalogue)
    assert programming not in later  # a task done is not suggested again
    assert later == start_page_suggestions(db_session, kim)


def test_the_live_view_shows_what_each_works_on_at_an_adaptive_evening(db_session, make_event,
                                                                        coach):
    event = make_event(challenges=(), adaptive=True)
    guest, _place, _token = events.join_as_guest(db_session, event, "Gästen")
    person = person_of(db_session, guest)
    db_session.add(Consent(person_id=person.id, purpose="assessment"))
    suggested = events.tasks_for(db_session, event, person, catalogue=catalogue)[0]
    save_draft(db_session, person, suggested, {"main.py": "x"}, by=guest)
    db_session.commit()
    live = events.live_view(db_session, event, catalogue=catalogue)
    assert [p["working_on"] for p in live["people"]] == [catalogue.title(suggested)]
