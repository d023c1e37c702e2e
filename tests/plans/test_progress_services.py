"""Progress over time through its services on a real database: the programme's areas, the
ratings 1–10, the chart, export and erasure, and that no skill score or level reads them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from assessor.domain.progress import RatingError
from assessor.models import WheelArea, WheelConversation, WheelRating
from assessor.services import policy
from assessor.services.matching.employers import OpeningInput, add_employer, save_opening
from assessor.services.matching.ranking import rank_opening
from assessor.services.plans import today_here
from assessor.services.progress.areas import add_area, areas_of, set_active
from assessor.services.progress.chart import progress_svg
from assessor.services.progress.conversations import (
    conversations_of,
    record_conversation,
    series_of,
)
from assessor.services.progress.export import progress_data
from assessor.services.reports.content import build_report
from assessor.services.rights import requests
from assessor.services.skills import all_areas
from tests.app_settings import catalogue


def rate(db_session, actor, person, day, **ratings):
    """Record a conversation with ratings by default-area key."""
    areas = {a.key: a.id for a in areas_of(db_session, person.organisation_id)}
    return record_conversation(db_session, actor, person, day,
                               {areas[key]: value for key, value in ratings.items()})


def test_a_programme_starts_with_the_default_areas_and_chooses_its_own(db_session, world):
    programme = world.organisations["Programme A"].id
    keys = [a.key for a in areas_of(db_session, programme)]
    assert keys == ["everyday_life", "health", "social_contact", "work_studies", "it_skills"]
    own = add_area(db_session, world.coach, programme, "Sömn")
    set_active(db_session, world.coach, areas_of(db_session, programme)[1].id, False)
    shown = [(a.key, a.name) for a in areas_of(db_session, programme)]
    assert ("health", "") not in shown and shown[-1] == ("", "Sömn") and own.active
    with pytest.raises(policy.AccessDeniedError):
        add_area(db_session, world.users["coach other org"], programme, "Annat")
    with pytest.raises(RatingError):
        add_area(db_session, world.coach, programme, " " * 3)


def test_the_person_rates_and_the_coach_writes_a_conversation_down(db_session, world):
    monday = today_here() - timedelta(days=14)
    rate(db_session, world.me, world.tove, monday, everyday_life=4, it_skills=7)
    rate(db_session, world.coach, world.tove, today_here(), everyday_life=6)
    db_session.commit()
    talks = conversations_of(db_session, world.tove)
    assert [(t.held_on, t.by_role) for t in talks] == [(monday, "candidate"),
                                                        (today_here(), "facilitator")]
    series = {s.area.key: s.points for s in series_of(talks)}
    assert series == {"everyday_life": ((monday, 4), (today_here(), 6)),
                      "it_skills": ((monday, 7),)}
    assert [c["written_by"] for c in progress_data(db_session, world.tove)[
        "progress_conversations"]] == ["self", "facilitator"]


@pytest.mark.parametrize(("ratings", "code"), [
    ({}, "empty"), ({"health": 0}, "range"), ({"health": 11}, "range"),
    ({"health": None}, "empty"),
])
def test_bad_ratings_change_nothing(db_session, world, ratings, code):
    with pytest.raises(RatingError) as raised:
        rate(db_session, world.me, world.tove, today_here(), **ratings)
    assert raised.value.code == code
    assert db_session.scalar(sa.select(sa.func.count()).select_from(WheelConversation)) == 0


def test_an_area_not_in_use_or_of_another_programme_and_a_future_day_are_refused(db_session,
                                                                                 world):
    other = areas_of(db_session, world.organisations["Programme B"].id)[0]
    with pytest.raises(RatingError) as raised:
        record_conversation(db_session, world.me, world.tove, today_here(), {other.id: 5})
    assert raised.value.code == "area"
    with pytest.raises(RatingError) as raised:
        rate(db_session, world.me, world.tove, today_here() + timedelta(days=1), health=5)
    assert raised.value.code == "date"
    with pytest.raises(policy.AccessDeniedError):
        rate(db_session, world.users["coach other org"], world.tove, today_here(), health=5)


def test_the_chart_draws_each_rating_and_escapes_names(db_session, world):
    programme = world.organisations["Programme A"].id
    own = add_area(db_session, world.coach, programme, "<Sömn & vila>")
    rate(db_session, world.me, world.tove, date(2026, 1, 5), health=3)
    record_conversation(db_session, world.me, world.tove, date(2026, 2, 5),
                        {own.id: 9, areas_of(db_session, programme)[1].id: 8})
    series = series_of(conversations_of(db_session, world.tove))
    svg = progress_svg(series, [date(2026, 1, 5), date(2026, 2, 5)],
                       {s.area.id: s.area.key or s.area.name for s in series},
                       lambda d: d.isoformat(), "Titel", "Beskrivning")
    assert svg.count("<circle") == 3 and svg.count("<polyline") == 1
    assert "&lt;Sömn &amp; vila&gt;" in svg and "<Sömn" not in svg
    assert '<title id="progress-title">Titel</title>' in svg and "2026-02-05" in svg


def test_no_skill_score_level_report_or_match_reads_the_ratings(db_session, world):
    """The ratings are the person's own view: computing levels, the report and a match asks
    the database nothing about them, and extreme ratings change none of it."""
    employer = add_employer(db_session, world.coach, "Kodbolaget AB")
    opening = save_opening(db_session, world.coach, employer, OpeningInput(title="Test"))
    db_session.commit()

    def skill_outputs():
        areas = all_areas(db_session, world.tove, "sv", catalogue=catalogue)
        report = build_report(db_session, world.tove, "sv", [a.result for a in areas.values()],
                              reader=world.coach)
        ranked = rank_opening(db_session, world.coach, opening, catalogue=catalogue)
        return areas, report.areas, ranked

    before = skill_outputs()
    rate(db_session, world.me, world.tove, today_here(), everyday_life=1, health=1,
         social_contact=1, work_studies=1, it_skills=10)
    db_session.commit()
    statements: list[str] = []

    def remember(conn, cursor, statement, *args):
        statements.append(statement.lower())

    engine = db_session.get_bind()
    event.listen(engine, "before_cursor_execute", remember)
    try:
        after = skill_outputs()
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    assert statements and not [s for s in statements if "wheel_" in s]
    assert repr(before[0]) == repr(after[0]) and before[1] == after[1]
    assert repr(before[2]) == repr(after[2])


def test_an_erasure_removes_the_conversations_and_keeps_the_programmes_areas(db_session,
                                                                            world):
    rate(db_session, world.me, world.tove, today_here(), health=5)
    db_session.delete(db_session.get(type(world.follow_up), world.follow_up.id))
    request = requests.ask(db_session, world.coach, world.tove, "erasure")
    db_session.commit()
    assert requests.carry_out(db_session, world.users["admin"], request) == "erased"
    db_session.commit()
    for model in (WheelConversation, WheelRating):
        assert db_session.scalar(sa.select(sa.func.count()).select_from(model)) == 0, model
    assert db_session.scalar(sa.select(sa.func.count()).select_from(WheelArea)) == 5
