"""Dates nobody can misread: the month in words and the 24-hour clock, in Swedish time, on
every page and in the report ("3/2/26, 1:52 AM" could be 3 February or 2 March)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from flask import session

from assessor.models import FollowUp, Person, Submission
from web.dates import format_day, format_moment

#: 00:52 UTC is 01:52 in Stockholm in December
LATE_NIGHT = datetime(2026, 12, 2, 0, 52, tzinfo=UTC)


@pytest.mark.parametrize(("locale", "moment", "day"), [
    ("en", "2 Dec 2026, 01:52", "3 Mar 2026"),
    ("sv", "2 dec. 2026 kl. 01:52", "3 mars 2026"),
])
def test_a_moment_names_its_month_and_uses_the_24_hour_clock(app, locale, moment, day):
    with app.test_request_context():
        session["locale"] = locale
        assert format_moment(LATE_NIGHT) == moment
        assert format_day(date(2026, 3, 3)) == day
        assert format_day(None) == "" and format_moment(None) == ""


def test_the_candidates_attempts_show_unambiguous_times_in_english(client, login, make_user,
                                                                   db_session):
    user = make_user(locale="en")
    person = db_session.scalar(sa.select(Person).where(Person.user_id == user.id))
    db_session.add(Submission(person_id=person.id, challenge_id="p1-summa-medel",
                              kind="attempt", status="graded", gradable=True, score=1.0,
                              files={"medel.py": "x"}, created_at=LATE_NIGHT))
    db_session.commit()
    login(user)
    page = client.get("/uppgifter/p1-summa-medel").get_data(as_text=True)
    assert "2 Dec 2026, 01:52</a>" in page
    # a short date or a 12-hour clock anywhere in the text (not inside a random token)
    assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{2}\b", page)
    assert not re.search(r"\d:\d{2}\s?[AP]M\b", page)


def test_the_coach_sees_a_booked_follow_up_with_the_month_in_words(client, login, make_user,
                                                                   programme_coach, db_session):
    person = db_session.scalar(sa.select(Person).where(Person.user_id == make_user().id))
    coach = programme_coach(person, locale="en")
    db_session.add(FollowUp(person_id=person.id, area="webb", checklist={},
                            booked_for=LATE_NIGHT, facilitator_id=coach.id))
    db_session.commit()
    login(coach)
    page = client.get(f"/handledare/person/{person.public_id}").get_data(as_text=True)
    assert "<td>2 Dec 2026, 01:52</td>" in page
