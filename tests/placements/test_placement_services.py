"""Placements through the services on a real database: from an agreed proposal to a
placement with scheduled follow-ups, states with dates, overdue lists and waits."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from assessor.models import AccessLog, Placement, PlacementFollowUp, PlacementStep
from assessor.services import policy
from assessor.services.placements import PlacementError
from assessor.services.placements.follow_ups import overdue_follow_ups, record_follow_up
from assessor.services.placements.participation import ParticipationInput, save_participation
from assessor.services.placements.placing import (
    PlacementInput,
    agreed_proposals,
    change_state,
    create_placement,
    from_proposal,
)
from assessor.services.placements.waits import figures_of

MONDAY = date(2025, 3, 3)


def placed(db_session, world, start=MONDAY, today=None):
    """Tove's placement from her agreed proposal, started on ``start``."""
    coach = world.coach
    placement = create_placement(db_session, coach, world.tove,
                                 from_proposal(world.proposal, proposed_on=start - timedelta(7)),
                                 world.proposal, today=start)
    change_state(db_session, coach, placement, "started", start, today=today or start)
    return placement


def test_an_agreed_proposal_becomes_a_placement_with_six_months_of_follow_ups(db_session,
                                                                              world):
    assert agreed_proposals(db_session, world.tove) == [world.proposal]
    placement = placed(db_session, world)
    db_session.commit()
    db_session.expire_all()
    placement = db_session.get(Placement, placement.id)
    assert (placement.kind, placement.employer_id, placement.title, placement.hours_per_week) \
        == ("praktik", world.employer.id, "Testare", 20)
    assert [(s.state, s.day) for s in placement.steps] == [
        ("proposed", MONDAY - timedelta(7)), ("started", MONDAY)]
    due = [f.due_on for f in placement.follow_ups]
    assert due[:4] == [MONDAY + timedelta(weeks=w) for w in (1, 2, 3, 4)]
    assert due[-1] == date(2025, 9, 3) == placement.follow_up_until
    assert agreed_proposals(db_session, world.tove) == []


def test_a_proposal_becomes_one_placement_only(db_session, world):
    placed(db_session, world)
    with pytest.raises(PlacementError) as raised:
        create_placement(db_session, world.coach, world.tove, from_proposal(world.proposal),
                         world.proposal)
    assert raised.value.code == "proposal_placed"


def test_a_coach_of_another_programme_cannot_place_the_person(db_session, world):
    with pytest.raises(policy.AccessDeniedError):
        create_placement(db_session, world.users["coach other org"], world.tove,
                         PlacementInput(kind="praktik", workplace="Annan AB"))
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Placement)) == 0


def test_a_direct_placement_needs_a_workplace_and_an_employment_its_form(db_session, world):
    for data, code in ((PlacementInput(kind="uppdrag"), "workplace"),
                       (PlacementInput(kind="employment", workplace="Café X"), "form"),
                       (PlacementInput(kind="praktik", workplace="X", hours_per_week=80),
                        "hours")):
        with pytest.raises(PlacementError) as raised:
            create_placement(db_session, world.coach, world.tove, data)
        assert raised.value.code == code
    made = create_placement(db_session, world.coach, world.tove, PlacementInput(
        kind="employment", workplace="Café X", employment_form="wage_subsidy",
        hours_per_week=8))
    assert made.employment_form == "wage_subsidy" and made.workplace == "Café X"


def test_a_praktik_that_becomes_a_job_records_the_form_and_an_end_cancels_later_follow_ups(
        db_session, world):
    placement = placed(db_session, world, today=MONDAY + timedelta(60))
    later = MONDAY + timedelta(40)
    with pytest.raises(PlacementError) as raised:
        change_state(db_session, world.coach, placement, "employed", later,
                     today=MONDAY + timedelta(60))
    assert raised.value.code == "form"
    change_state(db_session, world.coach, placement, "employed", later,
                 employment_form="wage_subsidy", hours_per_week=30, today=later)
    change_state(db_session, world.coach, placement, "ended", later + timedelta(10),
                 reason="studies", today=later + timedelta(10))
    db_session.commit()
    db_session.expire_all()
    placement = db_session.get(Placement, placement.id)
    assert (placement.state, placement.end_reason, placement.employment_form) == (
        "ended", "studies", "wage_subsidy")
    cancelled = [f.due_on for f in placement.follow_ups if f.cancelled]
    assert cancelled and min(cancelled) > later + timedelta(10)
    with pytest.raises(PlacementError) as raised:
        change_state(db_session, world.coach, placement, "started", later + timedelta(11),
                     today=later + timedelta(11))
    assert raised.value.code == "not_allowed"


def test_a_step_in_the_future_or_an_end_without_a_reason_changes_nothing(db_session, world):
    placement = placed(db_session, world)
    for state, day, reason, code in (("ended", MONDAY + timedelta(1), None, "reason"),
                                     ("employed", MONDAY + timedelta(5), None, "future")):
        with pytest.raises(PlacementError) as raised:
            change_state(db_session, world.coach, placement, state, day, reason=reason,
                         employment_form="unsubsidised", today=MONDAY + timedelta(1))
        assert raised.value.code == code
    assert db_session.scalar(sa.select(sa.func.count()).select_from(PlacementStep)) == 2


def test_a_held_follow_up_counts_for_the_one_due_and_the_overdue_list_shows_the_rest(
        db_session, world):
    placement = placed(db_session, world)
    today = MONDAY + timedelta(days=16)
    record_follow_up(db_session, world.coach, placement, MONDAY + timedelta(days=6),
                     "both", "in_person", "Bra start.", today=today)
    overdue = overdue_follow_ups(db_session, world.coach, today=today)
    assert [(o.follow_up.due_on, o.days_late) for o in overdue] == [
        (MONDAY + timedelta(days=14), 2)]
    assert overdue_follow_ups(db_session, world.users["coach other org"], today=today) == []
    logged = db_session.scalars(sa.select(AccessLog).where(
        AccessLog.actor_id == world.coach.id, AccessLog.what == "placement")).all()
    assert [entry.person_id for entry in logged] == [world.tove.id]


def test_a_follow_up_before_the_start_or_in_the_future_is_refused(db_session, world):
    placement = placed(db_session, world)
    for day in (MONDAY - timedelta(days=1), MONDAY + timedelta(days=3)):
        with pytest.raises(PlacementError):
            record_follow_up(db_session, world.coach, placement, day, today=MONDAY)
    extra = record_follow_up(db_session, world.coach, placement, MONDAY, today=MONDAY,
                             note="x" * 400)
    assert len(extra.note) == 280
    assert db_session.scalar(sa.select(sa.func.count()).select_from(PlacementFollowUp)
                             .where(PlacementFollowUp.held_on.is_not(None))) == 1


def test_the_waits_run_from_the_recorded_enrolment_to_the_first_employer_contact(db_session,
                                                                                 world):
    save_participation(db_session, world.coach, world.tove, ParticipationInput(
        enrolled_on=date(2025, 1, 1), birth_year=2001), today=MONDAY)
    placed(db_session, world)
    figures = figures_of(db_session, [world.tove], today=MONDAY)[world.tove.id]
    assert figures.to_first_contact == (MONDAY - timedelta(7) - date(2025, 1, 1)).days
    assert figures.first_contact_late
    with pytest.raises(PlacementError):
        save_participation(db_session, world.coach, world.tove, ParticipationInput(
            enrolled_on=date(2025, 2, 1), left_on=date(2025, 1, 1)), today=MONDAY)
