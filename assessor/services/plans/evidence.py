"""What the plan shows beside each area: the current level and links to the records that
show the person's work. Nothing is copied: each link names a record (a hand-in, a supervised
follow-up, a placement) by its id, with what the page needs to name it.

What a viewer sees is the policy's: levels, hand-ins and follow-ups are test results
(``submissions`` and ``follow_up``: a coach only under the person's yes to the tests); the
placements are the programme's case work, shown with the plan (workplace, kind and state).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import local_date
from assessor.domain.vocabulary import AREAS
from assessor.models import FollowUp, Person, Placement
from assessor.services import policy
from assessor.services.catalogue import Catalogue
from assessor.services.policy import Action
from assessor.services.reports.content import task_outcome
from assessor.services.skills import all_areas, graded_attempts


@dataclass(frozen=True)
class HandInLink:
    """A hand-in: its id, the task, how it went, where it was done (the evidence kind)."""

    submission_id: int
    challenge_id: str
    title: str
    outcome: str
    evidence: str
    done_on: date


@dataclass(frozen=True)
class FollowUpLink:
    """A supervised follow-up in the area that was held."""

    follow_up_id: int
    held_on: date
    outcome: str


@dataclass(frozen=True)
class PlacementLink:
    """A placement (praktik, assignment, job) whose opening asks for a level in the area."""

    placement_id: int
    workplace: str
    kind: str
    state: str


@dataclass
class AreaEvidence:
    """One area: the current level and its status, and the links."""

    area: str
    level: str | None = None
    status: str = "not_done"
    hand_ins: list[HandInLink] = field(default_factory=list)
    follow_ups: list[FollowUpLink] = field(default_factory=list)
    placements: list[PlacementLink] = field(default_factory=list)


@dataclass(frozen=True)
class Evidence:
    """Per area, and what the viewer was allowed to see (False: a note says why not)."""

    areas: dict[str, AreaEvidence]
    results_shown: bool
    other_placements: list[PlacementLink]  #: placements not tied to an area


def evidence_for(session: Session, actor: object, person: Person, locale: str, *,
                 catalogue: Catalogue) -> Evidence:
    """The evidence links the viewer may see, per area (asks the policy; logs nothing: the
    plan page's own entry covers it)."""
    areas = {area: AreaEvidence(area) for area in AREAS}
    shown = bool(policy.check(session, actor, Action.SUBMISSIONS_VIEW, person))
    if shown:
        _results(session, person, locale, areas, catalogue)
    if policy.check(session, actor, Action.FOLLOW_UP_VIEW, person):
        _follow_ups(session, person, areas)
    other = _placements(session, person, areas)
    return Evidence(areas, shown, other)


def _results(session: Session, person: Person, locale: str, areas: dict[str, AreaEvidence],
             catalogue: Catalogue) -> None:
    for area, skill in all_areas(session, person, locale, catalogue=catalogue).items():
        areas[area].level, areas[area].status = skill.result.level, skill.result.status
    latest = {a.challenge_id: a for a in graded_attempts(session, person)}
    for attempt in sorted(latest.values(), key=lambda a: (a.created_at, a.id)):
        challenge = catalogue.challenge(attempt.challenge_id)
        if challenge is None or challenge.area.value not in areas:
            continue
        areas[challenge.area.value].hand_ins.append(HandInLink(
            attempt.id, attempt.challenge_id, catalogue.title(attempt.challenge_id, locale),
            task_outcome(attempt.score or 0.0), attempt.evidence,
            local_date(attempt.created_at)))


def _follow_ups(session: Session, person: Person, areas: dict[str, AreaEvidence]) -> None:
    held = session.scalars(sa.select(FollowUp).where(
        FollowUp.person_id == person.id, FollowUp.outcome.is_not(None))
        .order_by(FollowUp.held_at, FollowUp.id))
    for follow_up in held:
        if follow_up.area in areas and follow_up.held_at is not None:
            areas[follow_up.area].follow_ups.append(FollowUpLink(
                follow_up.id, local_date(follow_up.held_at), follow_up.outcome))


def _placements(session: Session, person: Person,
                areas: dict[str, AreaEvidence]) -> list[PlacementLink]:
    other = []
    placements = session.scalars(sa.select(Placement).where(Placement.person_id == person.id)
                                 .order_by(Placement.created_at, Placement.id))
    for placement in placements:
        link = PlacementLink(placement.id, placement.workplace_name, placement.kind,
                             placement.state)
        needed = {r.get("area") for r in (placement.opening.requirements or [])} \
            if placement.opening is not None else set()
        tied = [areas[area] for area in AREAS if area in needed]
        for entry in tied:
            entry.placements.append(link)
        if not tied:
            other.append(link)
    return other
