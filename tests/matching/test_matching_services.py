"""Profiles, employers, ranking, proposals and employer links through the services, on a real
database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from assessor.domain.clock import utcnow
from assessor.models import AccessLog, Consent, EmployerLink, Person, ProfileEdit
from assessor.services import policy
from assessor.services.matching import MatchingError
from assessor.services.matching.employer_links import make_link, open_link
from assessor.services.matching.employers import (
    OpeningInput,
    add_contact,
    employers_of,
    save_opening,
)
from assessor.services.matching.proposals import answer, propose
from assessor.services.matching.ranking import rank_opening
from assessor.services.profiles import ProfileError, ProfileInput, edits_of, save_profile
from tests.app_settings import catalogue
from tests.web.access_world import person_of


def tove_profile(db_session, world, *, by=None, **changes):
    data = {"sections": {"strengths": "Jag hittar fel i kod.", "travel": "Buss till Lund."},
            "interests": ("python",), "needs": {"comm.written": "must"}, "places": ("Lund",),
            "shared": frozenset({"strengths", "accommodations"})} | changes
    return save_profile(db_session, by or world.users["candidate self"], world.tove,
                        ProfileInput(**data))


def test_the_candidate_saves_a_profile_and_a_coachs_help_is_recorded(db_session, world):
    tove_profile(db_session, world)
    tove_profile(db_session, world, by=world.users["coach same org"], interests=("spel",))
    edits = edits_of(db_session, world.tove)
    assert [(e.by_role, e.changed) for e in edits] == [
        ("facilitator", ["interests"]),
        ("candidate", ["sections", "interests", "needs", "places", "shared"])]


def test_a_coach_of_another_programme_cannot_change_the_profile(db_session, world):
    with pytest.raises(policy.AccessDeniedError):
        tove_profile(db_session, world, by=world.users["coach other org"])
    assert db_session.scalar(sa.select(sa.func.count()).select_from(ProfileEdit)) == 0


def test_hours_the_wrong_way_round_change_nothing(db_session, world):
    with pytest.raises(ProfileError):
        tove_profile(db_session, world, hours_min=30, hours_max=10)


def test_a_coach_manages_only_the_employers_of_the_programme(db_session, world):
    assert employers_of(db_session, world.users["coach same org"]) == [world.employer]
    assert employers_of(db_session, world.users["coach other org"]) == []
    with pytest.raises(policy.AccessDeniedError):
        add_contact(db_session, world.users["coach other org"], world.employer, "Eva")
    with pytest.raises(MatchingError):
        save_opening(db_session, world.users["coach same org"], world.employer,
                     OpeningInput(title="X", requirements=(("programmering", "Webb 9 A"),)))


def test_a_must_the_workplace_refuses_leaves_the_person_out_and_out_of_the_list(db_session,
                                                                                world):
    coach = world.users["coach same org"]
    tove_profile(db_session, world, needs={"env.quiet_space": "must"})
    ranked = rank_opening(db_session, coach, world.opening, catalogue=catalogue)
    assert ranked.entries == [] and ranked.left_out == 1


def test_the_ranked_list_logs_everyone_considered(db_session, world):
    coach = world.users["coach same org"]
    tove_profile(db_session, world)
    ranked = rank_opening(db_session, coach, world.opening, catalogue=catalogue)
    assert [entry.person.id for entry in ranked.entries] == [world.tove.id]
    reasons = {(r.kind, r.code) for r in ranked.entries[0].result.reasons}
    assert ("interests", "shared") in reasons and ("travel", "place_reachable") in reasons
    logged = db_session.scalars(sa.select(AccessLog).where(
        AccessLog.actor_id == coach.id, AccessLog.what == "match.rank")).all()
    assert [entry.person_id for entry in logged] == [world.tove.id]


def test_a_missing_level_excludes_or_is_flagged_as_the_coach_chooses(db_session, world):
    coach = world.users["coach same org"]
    save_opening(db_session, coach, world.employer, OpeningInput(
        title="Utvecklare", requirements=(("programmering", "Programmering 2 A"),)),
        world.opening)
    excluded = rank_opening(db_session, coach, world.opening, "exclude", catalogue=catalogue)
    assert excluded.entries == []
    flagged = rank_opening(db_session, coach, world.opening, "flag", catalogue=catalogue).entries
    assert [r.code for r in flagged[0].result.flags] == ["level_missing"]


def test_propose_agree_link_visit_and_withdrawal(db_session, world):
    coach, tove_user = world.users["coach same org"], world.users["candidate self"]
    tove_profile(db_session, world)
    proposal = propose(db_session, coach, world.opening, world.tove, catalogue=catalogue)
    with pytest.raises(MatchingError):  # nothing to show before her yes
        make_link(db_session, coach, proposal)
    answer(db_session, tove_user, proposal, agree=True)
    issued = make_link(db_session, coach, proposal, days=7)
    view = open_link(db_session, issued.code, catalogue=catalogue)
    assert view.code_name == world.tove.public_id
    assert view.part.sections == (("strengths", "Jag hittar fel i kod."),)  # travel not shared
    assert view.part.accommodations == (("comm.written", "must"),)
    visits = db_session.scalars(sa.select(AccessLog).where(
        AccessLog.actor_role == "employer")).all()
    assert [(v.action, v.person_id) for v in visits] == [("read", world.tove.id)]
    answer(db_session, tove_user, proposal, agree=False)  # her no takes the consent back
    assert open_link(db_session, issued.code, catalogue=catalogue) is None
    assert db_session.scalars(sa.select(AccessLog).where(
        AccessLog.actor_role == "employer")).all()[-1].action == "denied"


def test_an_expired_link_shows_nothing_and_the_visit_is_logged(db_session, world):
    coach = world.users["coach same org"]
    proposal = propose(db_session, coach, world.opening, world.tove, catalogue=catalogue)
    answer(db_session, world.users["candidate self"], proposal, agree=True)
    issued = make_link(db_session, coach, proposal)
    db_session.get(EmployerLink, issued.link.id).expires_at = utcnow() - timedelta(minutes=1)
    assert open_link(db_session, issued.code, catalogue=catalogue) is None
    assert open_link(db_session, "not-a-code", catalogue=catalogue) is None
    denied = db_session.scalars(sa.select(AccessLog).where(AccessLog.action == "denied")).all()
    assert [(d.actor_role, d.reason) for d in denied] == [("employer", "expired")]


def test_the_consent_names_the_employer_and_not_another(db_session, world):
    coach = world.users["coach same org"]
    proposal = propose(db_session, coach, world.opening, world.tove, catalogue=catalogue)
    answer(db_session, world.users["candidate self"], proposal, agree=True)
    consent = db_session.get(Consent, proposal.consent_id)
    assert (consent.purpose, consent.organisation_id) == (
        "employer_profile", world.employer.organisation_id)
    other = policy.Actor(None, "employer", world.organisations["Agency A"].id)
    assert not policy.check(db_session, other, policy.Action.EMPLOYER_VIEW, world.tove)


def test_a_person_is_proposed_once_and_only_when_they_fit(db_session, world):
    coach = world.users["coach same org"]
    propose(db_session, coach, world.opening, world.tove, catalogue=catalogue)
    with pytest.raises(MatchingError, match="already_proposed"):
        propose(db_session, coach, world.opening, world.tove, catalogue=catalogue)
    other = person_of(db_session, world.users["candidate other"])
    with pytest.raises(policy.AccessDeniedError):  # not in the programme
        propose(db_session, coach, world.opening, other, catalogue=catalogue)
    assert isinstance(other, Person)
