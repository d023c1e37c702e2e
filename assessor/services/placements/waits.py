"""The IPS waiting figures of people: the days of the programme's steps, from the records,
turned into waits by ``domain.placements.figures`` (a fixed number of queries for any
number of people)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import local_date
from assessor.domain.placements import AT_WORK, STEPS, Figures, PlacementState, figures
from assessor.models import (
    EmployerLink,
    MatchProposal,
    Participation,
    Person,
    Placement,
    PlacementStep,
    ProfileEdit,
    QuestionnaireResponse,
    WorkingProfile,
)
from assessor.services import policy
from assessor.services.placements import today_here
from assessor.services.placements.participation import enrolled_on
from assessor.services.policy import Action


def _earliest(rows, into: dict[int, date]) -> None:
    for person_id, moment in rows:
        if moment is None:
            continue
        day = as_day(moment)
        if person_id not in into or day < into[person_id]:
            into[person_id] = day


def step_days(session: Session, people: Sequence[Person]) -> dict[int, dict[str, date]]:
    """For each person (by id), the first day of each step reached."""
    ids = [person.id for person in people]
    days = {step: {} for step in STEPS}
    records = dict(session.execute(sa.select(Participation.person_id, Participation)
                                   .where(Participation.person_id.in_(ids))).all())
    days["enrolled"] = {p.id: enrolled_on(p, records.get(p.id)) for p in people}
    _earliest(session.execute(sa.select(QuestionnaireResponse.person_id,
                                        QuestionnaireResponse.completed_at)
                              .where(QuestionnaireResponse.person_id.in_(ids))),
              days["screened"])
    _earliest(session.execute(sa.select(WorkingProfile.person_id, ProfileEdit.at)
                              .join(ProfileEdit, ProfileEdit.profile_id == WorkingProfile.id)
                              .where(WorkingProfile.person_id.in_(ids))), days["profile"])
    steps = session.execute(sa.select(Placement.person_id, PlacementStep.state,
                                      PlacementStep.day).join(PlacementStep)
                            .where(Placement.person_id.in_(ids))).all()
    _earliest([(pid, day) for pid, state, day in steps if state == PlacementState.PROPOSED],
              days["employer_contact"])
    _earliest(session.execute(sa.select(MatchProposal.person_id, EmployerLink.created_at)
                              .join(EmployerLink, EmployerLink.proposal_id == MatchProposal.id)
                              .where(MatchProposal.person_id.in_(ids))),
              days["employer_contact"])
    _earliest([(pid, day) for pid, state, day in steps if state in AT_WORK], days["started"])
    return {pid: {step: days[step][pid] for step in STEPS if pid in days[step]} for pid in ids}


def figures_of(session: Session, people: Sequence[Person],
               today: date | None = None) -> dict[int, Figures]:
    """Each person's waits and days to the first employer contact (the caller asked the
    policy about each)."""
    today = today or today_here()
    return {pid: figures([(step, found.get(step)) for step in STEPS], today)
            for pid, found in step_days(session, people).items()}


def as_day(moment: datetime | date) -> date:
    """A stored moment or day as a Swedish calendar day (a datetime is also a date)."""
    return local_date(moment) if isinstance(moment, datetime) else moment


def waiting_too_long(session: Session, actor: object,
                     today: date | None = None) -> list[tuple[Person, Figures]]:
    """The people the actor may see placements of whose wait for their next step is longer
    than the goal, longest first. Each person shown is logged (``placement``)."""
    today = today or today_here()
    people = [entry.person for entry in policy.listable(session, actor, Action.PLACEMENT_VIEW)]
    every = figures_of(session, people, today)
    found = [(person, every[person.id]) for person in people
             if any(wait.open for wait in every[person.id].flagged)]
    found.sort(key=lambda pair: -max(w.days for w in pair[1].flagged if w.open))
    policy.log_listed(session, actor, [person for person, _ in found], Action.PLACEMENT_VIEW)
    return found
