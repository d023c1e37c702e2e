"""The calendar through its services: the schedule and breaks, signing up (one per address),
withdrawing, cancelling (those signed up are returned to be told, their sign-ups deleted),
making an evening, the access policy, and ``kodprov retention`` deleting old sign-ups."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
import sqlalchemy as sa

from assessor.models import AccessLog, CancelledEvening, EveningInterest, Event
from assessor.services import calendar, policy
from assessor.services.calendar import CalendarError, ScheduleInput
from assessor.services.rights import retention
from tests.app_settings import catalogue

#: a Wednesday in winter: the next evening is Tuesday 8 December 2026, 17:00 Swedish time
NOW = datetime(2026, 12, 2, 12, tzinfo=UTC)
TUESDAY = date(2026, 12, 8)


@pytest.fixture
def scheduled(db_session, coach):
    calendar.save_schedule(db_session, coach, ScheduleInput(place="Rum 3"))
    db_session.commit()
    return coach


def sign_up(db_session, coach, email="kim@example.se", name="Kim", day=TUESDAY):
    done = calendar.sign_up(db_session, coach.organisation_id, day, name, email, now=NOW)
    db_session.commit()
    return done


def interests(db_session) -> list[EveningInterest]:
    db_session.expire_all()
    return list(db_session.scalars(sa.select(EveningInterest)))


def test_the_schedule_is_saved_once_per_programme_and_changed_in_place(db_session, scheduled):
    calendar.save_schedule(db_session, scheduled, ScheduleInput(weekday=3, starts=time(18),
                                                                ends=time(20), place="Rum 4"))
    db_session.commit()
    schedule = calendar.schedule_of(db_session, scheduled.organisation_id)
    assert (schedule.weekday, schedule.starts, schedule.place) == (3, time(18), "Rum 4")


def test_the_public_calendar_lists_the_next_evenings_and_a_break(db_session, scheduled):
    calendar.add_break(db_session, scheduled, date(2026, 12, 21), date(2027, 1, 6), "Jul")
    db_session.commit()
    (found,) = calendar.public_calendars(db_session, NOW, count=3)
    assert [e.day for e in found.evenings] == [TUESDAY, date(2026, 12, 15),
                                               date(2027, 1, 12)]
    assert found.evenings[0].starts_at == datetime(2026, 12, 8, 16, tzinfo=UTC)
    closed = calendar.public_calendars(db_session, datetime(2026, 12, 16, 12, tzinfo=UTC))[0]
    assert closed.closure.until == date(2027, 1, 12) and closed.closure.reason == "Jul"


def test_one_sign_up_per_address_and_evening_and_a_new_link_each_time(db_session, scheduled):
    first = sign_up(db_session, scheduled)
    second = sign_up(db_session, scheduled, email="KIM@example.se ", name="Kim K")
    (row,) = interests(db_session)
    assert row.name == "Kim K" and first.code != second.code
    assert calendar.withdrawal_of(db_session, first.code) is None
    assert calendar.withdraw(db_session, second.code) is True
    db_session.commit()
    assert interests(db_session) == []
    assert calendar.withdraw(db_session, second.code) is False


def test_the_database_keeps_one_sign_up_per_address_too(db_session, scheduled):
    sign_up(db_session, scheduled)
    db_session.add(EveningInterest(programme_id=scheduled.organisation_id, day=TUESDAY,
                                   name="Kim", email="kim@example.se",
                                   email_key="kim@example.se", token_hash="x" * 64))
    with pytest.raises(sa.exc.IntegrityError):
        db_session.commit()
    db_session.rollback()


@pytest.mark.parametrize(("day", "name", "email", "code"), [
    (date(2026, 12, 9), "Kim", "kim@example.se", "not_an_evening"),
    (date(2026, 12, 1), "Kim", "kim@example.se", "past"),
    (TUESDAY, "", "kim@example.se", "name"),
    (TUESDAY, "Kim", "kim@", "email"),
    (TUESDAY, "Kim", "kim example@x.se", "email"),
])
def test_a_bad_sign_up_is_refused(db_session, scheduled, day, name, email, code):
    with pytest.raises(CalendarError) as raised:
        calendar.sign_up(db_session, scheduled.organisation_id, day, name, email, now=NOW)
    assert raised.value.code == code


def test_cancelling_returns_those_signed_up_and_deletes_their_sign_ups(db_session, scheduled):
    sign_up(db_session, scheduled)
    sign_up(db_session, scheduled, email="sam@example.se", name="Sam")
    sign_up(db_session, scheduled, email="ulf@example.se", day=date(2026, 12, 15))
    told = calendar.cancel_evening(db_session, scheduled, TUESDAY, "Sjuk", now=NOW)
    db_session.commit()
    assert sorted(t.email for t in told) == ["kim@example.se", "sam@example.se"]
    assert all(t.evening.cancelled == "Sjuk" and t.code == "" for t in told)
    assert [i.email for i in interests(db_session)] == ["ulf@example.se"]
    (found,) = calendar.public_calendars(db_session, NOW, count=1)
    assert found.evenings[0].cancelled == "Sjuk"
    with pytest.raises(CalendarError) as raised:
        calendar.cancel_evening(db_session, scheduled, TUESDAY, "Igen", now=NOW)
    assert raised.value.code == "cancelled"
    assert db_session.scalar(sa.select(sa.func.count()).select_from(CancelledEvening)) == 1
    assert db_session.scalar(sa.select(AccessLog.what).where(AccessLog.actor_id == scheduled.id)
                             ) == "calendar 2026-12-08 cancelled (2)"


def test_making_an_evening_fills_in_the_calendar_s_time_and_place(db_session, scheduled):
    event = calendar.make_event(db_session, scheduled, TUESDAY, "Mini Hackathon",
                                catalogue=catalogue, now=NOW)
    db_session.commit()
    assert (event.starts_at, event.ends_at) == (datetime(2026, 12, 8, 16, tzinfo=UTC),
                                                datetime(2026, 12, 8, 18, tzinfo=UTC))
    assert event.place == "Rum 3" and event.organisation_id == scheduled.organisation_id
    assert calendar.event_on(db_session, scheduled, TUESDAY).id == event.id
    with pytest.raises(CalendarError):
        calendar.make_event(db_session, scheduled, TUESDAY, "Igen", catalogue=catalogue,
                            now=NOW)
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Event)) == 1


def test_a_remote_schedule_makes_a_remote_evening(db_session, coach):
    calendar.save_schedule(db_session, coach, ScheduleInput(
        remote=True, video_link="https://video.example.se/kvall"))
    event = calendar.make_event(db_session, coach, TUESDAY, "Kväll", catalogue=catalogue,
                                now=NOW)
    assert event.remote and event.video_link == "https://video.example.se/kvall"


def test_only_a_coach_with_a_programme_sets_the_calendar(db_session, make_user, scheduled):
    for role in ("candidate", "caseworker", "admin"):
        with pytest.raises(policy.AccessDeniedError):
            calendar.save_schedule(db_session, make_user(role), ScheduleInput(place="Rum"))
        with pytest.raises(policy.AccessDeniedError):
            calendar.cancel_evening(db_session, make_user(role), TUESDAY, "x", now=NOW)
    with pytest.raises(policy.AccessDeniedError):
        calendar.save_schedule(db_session, make_user("facilitator"), ScheduleInput(place="R"))


def test_a_coach_changes_only_the_own_programme_s_breaks(db_session, scheduled,
                                                         programme_coach):
    item = calendar.add_break(db_session, scheduled, date(2026, 12, 21), date(2027, 1, 6),
                              "Jul")
    other = programme_coach()
    calendar.save_schedule(db_session, other, ScheduleInput(place="Annat rum"))
    calendar.remove_break(db_session, other, item.id)
    db_session.commit()
    assert len(calendar.schedule_of(db_session, scheduled.organisation_id).breaks) == 1


def test_retention_deletes_sign_ups_the_day_after_their_evening(db_session, scheduled):
    sign_up(db_session, scheduled)
    sign_up(db_session, scheduled, email="ulf@example.se", day=date(2026, 12, 15))
    evening_over = datetime(2026, 12, 8, 22, 50, tzinfo=UTC)  # 23:50 in Sweden
    assert {d.category: d.ids for d in retention.due(db_session, evening_over)}[
        "evening_sign_up"] == ()
    day_after = datetime(2026, 12, 8, 23, 10, tzinfo=UTC)  # 00:10 on 9 December in Sweden
    retention.apply(db_session, day_after)
    db_session.commit()
    assert [i.email for i in interests(db_session)] == ["ulf@example.se"]


def test_the_sign_up_list_is_logged_and_names_only_the_coach_s_programme(
        db_session, scheduled, programme_coach):
    sign_up(db_session, scheduled)
    assert [i.name for i in calendar.sign_ups_for(db_session, scheduled, TUESDAY)] == ["Kim"]
    assert calendar.sign_ups_for(db_session, programme_coach(), TUESDAY) == []
    assert calendar.sign_up_counts(db_session, scheduled, [TUESDAY]) == {TUESDAY: 1}
    assert db_session.scalar(sa.select(AccessLog.what).where(
        AccessLog.actor_id == scheduled.id)) == "calendar 2026-12-08 (1)"
