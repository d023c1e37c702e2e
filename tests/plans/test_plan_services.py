"""The development plan through its services on a real database: goals at course levels,
steps, review dates, who changed what, the evidence links, export and erasure."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from assessor.models import Consent, PlanEdit, PlanGoal, PlanReview, PlanStep
from assessor.services import policy
from assessor.services.matching.employers import OpeningInput, add_employer, save_opening
from assessor.services.matching.proposals import answer, propose
from assessor.services.placements.placing import PlacementInput, create_placement, from_proposal
from assessor.services.plans import PlanError, today_here
from assessor.services.plans.editing import (
    add_review,
    add_step,
    hold_review,
    mark_step_done,
    plan_of,
    save_goal,
)
from assessor.services.plans.evidence import evidence_for
from assessor.services.plans.export import plan_data
from assessor.services.rights import requests
from tests.app_settings import catalogue


def test_the_person_and_the_coach_edit_one_plan_and_each_change_says_who(db_session, world):
    goal = save_goal(db_session, world.me, world.tove, area="programmering",
                     level="Programmering 1 C", note="Klasser")
    add_step(db_session, world.coach, world.tove, text="Gör tre uppgifter om loopar",
             due_on=today_here() + timedelta(days=14), goal_id=goal.id)
    add_review(db_session, world.coach, world.tove, today_here() + timedelta(days=30))
    save_goal(db_session, world.coach, world.tove, area="programmering",
              level="Programmering 1 C", state="reached", goal_id=goal.id)
    db_session.commit()
    plan = plan_of(db_session, world.tove)
    assert [(g.level, g.state, g.note) for g in plan.goals] == [
        ("Programmering 1 C", "reached", "")]
    assert plan.steps[0].goal_id == goal.id
    assert [(e.kind, e.by_role, e.by_id) for e in reversed(plan.edits)] == [
        ("goal_added", "candidate", world.me.id),
        ("step_added", "facilitator", world.coach.id),
        ("review_added", "facilitator", world.coach.id),
        ("goal_changed", "facilitator", world.coach.id)]


@pytest.mark.parametrize(("area", "level"), [
    ("programmering", "Webbutveckling 1 E"),  # a step of another area
    ("programmering", "Programmering 3 A"),  # no such course
    ("astrologi", "Programmering 1 E"),
    ("webb", ""),
])
def test_a_goal_is_a_step_of_its_areas_ladder(db_session, world, area, level):
    with pytest.raises(PlanError) as raised:
        save_goal(db_session, world.me, world.tove, area=area, level=level)
    assert raised.value.code == "level"
    assert db_session.scalar(sa.select(sa.func.count()).select_from(PlanGoal)) == 0


def test_bad_steps_and_reviews_change_nothing(db_session, world):
    cases = [
        lambda: add_step(db_session, world.me, world.tove, text="   "),
        lambda: add_step(db_session, world.me, world.tove, text="x" * 1001),
        lambda: add_step(db_session, world.me, world.tove, text="ok",
                         due_on=today_here() + timedelta(days=5 * 365)),
        lambda: add_review(db_session, world.me, world.tove, None),
        lambda: hold_review(db_session, world.me, world.tove, 99999, "x"),
        lambda: mark_step_done(db_session, world.me, world.tove, 99999, today_here()),
    ]
    for case in cases:
        with pytest.raises(PlanError):
            case()
    for model in (PlanStep, PlanReview, PlanEdit):
        assert db_session.scalar(sa.select(sa.func.count()).select_from(model)) == 0


def test_a_step_is_done_on_a_past_day_and_a_review_is_held_once_its_day_came(db_session,
                                                                             world):
    step = add_step(db_session, world.me, world.tove, text="Läs om SQL")
    with pytest.raises(PlanError) as raised:
        mark_step_done(db_session, world.me, world.tove, step.id,
                       today_here() + timedelta(days=1))
    assert raised.value.code == "future"
    mark_step_done(db_session, world.me, world.tove, step.id, today_here())
    later = add_review(db_session, world.coach, world.tove, today_here() + timedelta(days=3))
    with pytest.raises(PlanError):
        hold_review(db_session, world.coach, world.tove, later.id, "för tidigt")
    due = add_review(db_session, world.coach, world.tove, today_here())
    hold_review(db_session, world.coach, world.tove, due.id, "Vi fortsätter")
    db_session.commit()
    assert (step.done_on, due.held, due.note, later.held) == (today_here(), True,
                                                               "Vi fortsätter", False)


def test_nobody_outside_the_programme_edits_and_no_row_of_another_plan_is_reached(db_session,
                                                                                 world):
    for case in ("coach other org", "caseworker with consent", "admin", "candidate other"):
        with pytest.raises(policy.AccessDeniedError):
            save_goal(db_session, world.users[case], world.tove, area="webb",
                      level="Webbutveckling 1 E")
    other = policy.service.facts_of(db_session, world.tove)  # Tove's facts, unchanged
    assert other.organisation_id == world.organisations["Programme A"].id
    ulf = db_session.scalar(sa.select(type(world.tove)).where(
        type(world.tove).user_id == world.users["candidate other"].id))
    step = add_step(db_session, world.users["candidate other"], ulf, text="Ulfs steg")
    with pytest.raises(PlanError) as raised:
        mark_step_done(db_session, world.me, world.tove, step.id, today_here())
    assert raised.value.code == "missing"


def test_the_coach_edits_without_the_yes_to_the_tests_but_sees_no_results(db_session, world):
    db_session.execute(sa.update(Consent).where(Consent.person_id == world.tove.id,
                                                Consent.purpose == "assessment")
                       .values(withdrawn_at=sa.func.now()))
    db_session.commit()
    save_goal(db_session, world.coach, world.tove, area="programmering",
              level="Programmering 1 E")
    seen = evidence_for(db_session, world.coach, world.tove, "sv", catalogue=catalogue)
    assert not seen.results_shown
    assert seen.areas["programmering"].hand_ins == [] and seen.areas["programmering"].level \
        is None
    own = evidence_for(db_session, world.me, world.tove, "sv", catalogue=catalogue)
    assert own.results_shown and [h.submission_id for h in own.areas["programmering"].hand_ins] \
        == [world.submission.id]


def test_the_evidence_links_hand_ins_and_placements_by_area_without_copying(db_session, world):
    employer = add_employer(db_session, world.coach, "Kodbolaget AB")
    opening = save_opening(db_session, world.coach, employer, OpeningInput(
        title="Databasuppdrag", requirements=(("databas", "Databasteknik E"),)))
    proposal = propose(db_session, world.coach, opening, world.tove, "flag",
                       catalogue=catalogue)
    answer(db_session, world.me, proposal, agree=True)
    tied = create_placement(db_session, world.coach, world.tove, from_proposal(proposal),
                            proposal)
    loose = create_placement(db_session, world.coach, world.tove, PlacementInput(
        kind="praktik", workplace="Verkstan"))
    db_session.commit()
    seen = evidence_for(db_session, world.coach, world.tove, "sv", catalogue=catalogue)
    assert seen.results_shown
    hand_in = seen.areas["programmering"].hand_ins[0]
    assert (hand_in.submission_id, hand_in.outcome, hand_in.evidence) == (
        world.submission.id, "solved", "unsupervised")
    assert [p.placement_id for p in seen.areas["databas"].placements] == [tied.id]
    assert [p.placement_id for p in seen.other_placements] == [loose.id]
    assert seen.areas["programmering"].level is not None


def test_the_export_holds_the_plan_and_an_erasure_removes_it(db_session, world):
    goal = save_goal(db_session, world.me, world.tove, area="webb", level="Webbutveckling 1 C")
    add_step(db_session, world.coach, world.tove, text="Bygg ett formulär", goal_id=goal.id)
    add_review(db_session, world.coach, world.tove, today_here())
    db_session.commit()
    data = plan_data(db_session, world.tove)["development_plan"]
    assert data["goals"][0]["level"] == "Webbutveckling 1 C"
    assert data["steps"][0] == {"text": "Bygg ett formulär", "due_on": None, "done_on": None,
                                "goal": "Webbutveckling 1 C"}
    assert [c["by"] for c in data["changes"]] == ["facilitator", "facilitator", "self"]
    db_session.delete(db_session.get(type(world.follow_up), world.follow_up.id))
    request = requests.ask(db_session, world.coach, world.tove, "erasure")
    db_session.commit()
    assert requests.carry_out(db_session, world.users["admin"], request) == "erased"
    db_session.commit()
    for model in (PlanGoal, PlanStep, PlanReview, PlanEdit):
        assert db_session.scalar(sa.select(sa.func.count()).select_from(model)) == 0, model
