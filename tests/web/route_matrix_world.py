"""The route matrix's world: Tove and everything each route is asked about, and how her
state is put back before every request."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from assessor.models import (
    Announcement,
    Consent,
    Draft,
    EligibilityCriterion,
    Event,
    FollowUp,
    HelpRequest,
    Lead,
    Participant,
    Person,
    PoolArea,
    PoolEntry,
    PoolMove,
    QuestionnaireResponse,
    RegradeItem,
    RegradeRun,
    ReportSnapshot,
    RightsRequest,
    Submission,
)
from assessor.services.matching.employers import OpeningInput, add_employer, save_opening
from assessor.services.matching.proposals import propose
from assessor.services.placements.placing import PlacementInput, create_placement
from tests.app_settings import catalogue
from tests.web.access_world import CHALLENGE, all_right_answers, build_world, person_of


def build_matrix_world(db_session):
    """Tove, her programme's evening, employer, lead, placement, pool, filed report and
    regrade run, and every actor logged in once."""
    world = build_world(db_session)
    db_session.add(Consent(person_id=person_of(db_session, world.users["candidate other"]).id,
                           purpose="assessment"))
    world.request = RightsRequest(person_id=world.tove.id, public_id=world.tove.public_id,
                                  kind="restriction", due_at=datetime.now(UTC),
                                  requested_by_role="candidate")
    db_session.add(world.request)
    world.event = Event(name="Tisdag", organisation_id=world.organisations["Programme A"].id,
                        starts_at=datetime.now(UTC) - timedelta(hours=1),
                        ends_at=datetime.now(UTC) + timedelta(hours=2), place="Rum 3",
                        join_code="ACEFGH")
    db_session.add(world.event)
    db_session.flush()
    world.place = Participant(event_id=world.event.id, person_id=world.tove.id, nickname="Tove",
                              nickname_key="tove")
    db_session.add(world.place)
    db_session.flush()
    world.help = HelpRequest(event_id=world.event.id, participant_id=world.place.id)
    db_session.add(world.help)
    coach = world.users["coach same org"]
    world.employer = add_employer(db_session, coach, "Kodbolaget AB")
    world.opening = save_opening(db_session, coach, world.employer, OpeningInput(title="Test"))
    world.proposal = propose(db_session, coach, world.opening, world.tove, catalogue=catalogue)
    programme_a = world.organisations["Programme A"].id
    world.lead = Lead(programme_id=programme_a, sender="self", name="Vera Ny", email="v@x.se")
    world.criterion = EligibilityCriterion(programme_id=programme_a, text="19 år eller äldre")
    db_session.add_all([world.lead, world.criterion])
    world.placement = create_placement(db_session, coach, world.tove, PlacementInput(
        kind="praktik", workplace="Verkstan"))
    world.pool_area = PoolArea(programme_id=programme_a, name="Höglandet", places=1)
    db_session.add(world.pool_area)
    db_session.flush()
    world.pool_entry = PoolEntry(programme_id=programme_a, area_id=world.pool_area.id,
                                 person_id=world.tove.id, status="offered",
                                 place_area_id=world.pool_area.id)
    db_session.add(world.pool_entry)
    caseworker = world.users["caseworker with consent"]
    world.snapshot = ReportSnapshot(
        person_id=world.tove.id, delivered_by_id=caseworker.id, delivered_by_role="caseworker",
        delivered_for_id=caseworker.organisation_id, sha256="0" * 64, filename="tove.pdf",
        pdf=b"%PDF-1.7 filed")
    world.run = RegradeRun(challenge_id=CHALLENGE, started_by_role="admin", items=[
        RegradeItem(submission_id=world.submission.id, old_score=0.0)])
    db_session.add_all([world.snapshot, world.run])
    db_session.commit()
    world.own_person = {world.users[case].id: person_of(db_session, world.users[case]).id
                        for case in ("candidate self", "candidate other")}
    return world


def put_back(db_session, world) -> None:
    """Tove as the matrix expects her: questionnaire open, follow-up held but not recorded,
    one hand-in, her two consents; nothing anyone added in between."""
    tove = world.tove
    db_session.expire_all()
    responses = db_session.scalars(sa.select(QuestionnaireResponse).where(
        QuestionnaireResponse.person_id == tove.id).order_by(QuestionnaireResponse.id)).all()
    for extra in responses[1:]:
        db_session.delete(extra)
    responses[0].completed_at = responses[0].outcome = None
    responses[0].answers = all_right_answers()
    follow_up = db_session.get(FollowUp, world.follow_up.id)
    follow_up.checklist, follow_up.notes = {}, ""
    follow_up.outcome = follow_up.held_at = None
    follow_up.booked_for = datetime.now(UTC) - timedelta(days=1)
    db_session.execute(sa.delete(Draft))
    db_session.execute(sa.delete(Submission).where(Submission.id != world.submission.id))
    db_session.execute(sa.delete(FollowUp).where(FollowUp.id != world.follow_up.id))
    db_session.execute(sa.delete(RightsRequest).where(RightsRequest.id != world.request.id))
    request = db_session.get(RightsRequest, world.request.id)
    request.done_at = request.outcome = None
    tove = db_session.get(Person, tove.id)
    tove.restricted_at, tove.protected_identity = None, False
    event = db_session.get(Event, world.event.id)
    event.closed_at, event.scoreboard_on, event.scoreboard_hidden = None, False, False
    db_session.execute(sa.delete(Event).where(Event.id != world.event.id))
    db_session.execute(sa.delete(Participant).where(Participant.id != world.place.id))
    db_session.execute(sa.delete(HelpRequest).where(HelpRequest.id != world.help.id))
    db_session.execute(sa.delete(Announcement))
    db_session.get(Participant, world.place.id).checked_in_at = None
    db_session.get(HelpRequest, world.help.id).handled_at = None
    db_session.execute(sa.delete(Lead).where(Lead.id != world.lead.id))
    db_session.execute(sa.delete(EligibilityCriterion).where(
        EligibilityCriterion.id != world.criterion.id))
    lead = db_session.get(Lead, world.lead.id)
    lead.status, lead.interview, lead.interviewed_at = "new", None, None
    lead.coordinator_id = lead.contacted_at = lead.person_id = lead.event_id = None
    lead.protected_identity = False
    lead.agencies.clear()
    lead.eligibility.clear()
    db_session.execute(sa.delete(PoolMove))
    db_session.execute(sa.delete(PoolEntry).where(PoolEntry.id != world.pool_entry.id))
    db_session.execute(sa.delete(PoolArea).where(PoolArea.id != world.pool_area.id))
    area = db_session.get(PoolArea, world.pool_area.id)
    area.name, area.places = "Höglandet", 1
    entry = db_session.get(PoolEntry, world.pool_entry.id)
    entry.status, entry.place_area_id, entry.closed_at = "offered", area.id, None
    db_session.commit()


