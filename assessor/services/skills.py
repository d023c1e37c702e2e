"""From graded submissions to skill levels per area, with evidence and verification status.

The ability model (``domain.ability``) does the measuring; this module feeds it the person's
attempts and joins in the evidence kind (supervised or not) and supervised follow-ups.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.ability import (
    AreaAssessment,
    ItemBank,
    LevelResult,
    Response,
    area_level,
    assess_area,
)
from assessor.domain.ability.items import category_for
from assessor.domain.clock import local_date
from assessor.models import Evidence, Person, Submission, SubmissionKind, SubmissionStatus
from assessor.services.catalogue import Catalogue
from assessor.services.item_banks import current_bank
from assessor.services.reports.content import AREAS, AreaResult, TaskDone, task_outcome
from assessor.services.verification import (
    follow_up_outcomes,
    latest_outcome,
    strongest_evidence,
    verification_status,
)

#: evidence a facilitator saw being made: in the room, by video, or as a work sample
SUPERVISED = (Evidence.SUPERVISED_REMOTE.value, Evidence.SUPERVISED.value,
              Evidence.WORK_SAMPLE.value)


def graded_attempts(session: Session, person: Person) -> list[Submission]:
    """The person's gradable, graded attempts, oldest first (prechecks never count)."""
    query = sa.select(Submission).where(
        Submission.person_id == person.id, Submission.kind == SubmissionKind.ATTEMPT,
        Submission.status == SubmissionStatus.GRADED, Submission.gradable.is_(True),
    ).order_by(Submission.created_at, Submission.id)
    return list(session.scalars(query))


def responses_in(bank: ItemBank, area: str, catalogue: Catalogue,
                 scored: Iterable[tuple[str, float]]) -> list[Response]:
    """(challenge, share of tests passed) pairs, oldest first, as the responses in ``area``,
    each scored the way its item is modelled (a right/wrong item counts only full marks)."""
    known = {item.id: item.meta for item in bank.items}
    return [Response(challenge, category_for(known[challenge], share))
            for challenge, share in scored
            if challenge in known and _area_of(catalogue, challenge) == area]


def _responses(bank: ItemBank, attempts: list[Submission], area: str,
               catalogue: Catalogue) -> list[Response]:
    return responses_in(bank, area, catalogue,
                        ((a.challenge_id, a.score or 0.0) for a in attempts))


def _area_of(catalogue: Catalogue, challenge_id: str) -> str | None:
    challenge = catalogue.challenge(challenge_id)
    return challenge.area.value if challenge else None


@dataclass(frozen=True)
class AreaSkill:
    """The assessment of one area plus what the report shows."""

    assessment: AreaAssessment | None  #: None while the bank has no challenges in the area
    result: AreaResult


def area_skill(session: Session, person: Person, area: str,
               attempts: list[Submission] | None = None, locale: str = "sv",
               bank: ItemBank | None = None, *, catalogue: Catalogue) -> AreaSkill:
    """Level, confidence, evidence and verification status in one area."""
    attempts = graded_attempts(session, person) if attempts is None else attempts
    bank = bank or current_bank(session, catalogue=catalogue)
    if area not in bank.areas:
        return AreaSkill(None, AreaResult(area))
    assessment = assess_area(bank, area, _responses(bank, attempts, area, catalogue),
                             seed=f"{person.public_id}:{area}")
    in_area = [a for a in attempts if _area_of(catalogue, a.challenge_id) == area]
    follow_ups = follow_up_outcomes(session, person, area)
    status = _status(bank, area, in_area, follow_ups, catalogue)
    return AreaSkill(assessment, _result(area, assessment, in_area, follow_ups, status,
                                         _tasks_done(in_area, locale, catalogue)))


def _status(bank: ItemBank, area: str, in_area: list[Submission],
            follow_ups: list[str], catalogue: Catalogue) -> str:
    """Verification status: supervised evidence compared with the work done at home."""
    supervised = _level(bank, area, [a for a in in_area if a.evidence in SUPERVISED], catalogue)
    home = _level(bank, area, [a for a in in_area if a.evidence not in SUPERVISED], catalogue)
    return verification_status(
        attempted=bool(in_area), home_rank=home.rank if home else None,
        supervised_rank=supervised.rank if supervised else None, follow_ups=follow_ups,
        home_at_least=bool(home and home.at_least),
        supervised_at_least=bool(supervised and supervised.at_least))


def _result(area: str, assessment: AreaAssessment, in_area: list[Submission],
            follow_ups: list[str], status: str, tasks_done: tuple[TaskDone, ...]) -> AreaResult:
    """What the report shows of one area (no level before the first task in it, and no
    confidence while no task is solved: "at least nothing" claims nothing)."""
    level = assessment.level if in_area else None
    if level is not None and level.rank == 0 and level.at_least:
        level = None
    return AreaResult(
        area=area, status=status,
        level=level.label if level else None,
        level_rank=level.rank if level else 0,
        at_least=bool(level and level.at_least),  # only with a level: see above
        ladder_size=assessment.level.ladder_size if assessment.level else 3,
        confidence_percent=level.confidence_percent if level else None,
        confidence_key=level.confidence_key if level else None,
        runner_up=level.runner_up_label if level else None,
        runner_up_rank=level.runner_up if level else None,
        evidence=strongest_evidence([a.evidence for a in in_area], follow_ups),
        tasks=len(tasks_done),
        strengths=tuple(t.name for t in sorted(tasks_done, key=lambda t: t.title)
                        if t.outcome == "solved"),
        tasks_done=tasks_done, follow_up=latest_outcome(follow_ups),
        first_done=min((local_date(a.created_at) for a in in_area), default=None),
        last_done=max((local_date(a.created_at) for a in in_area), default=None))


def _level(bank: ItemBank, area: str, attempts: list[Submission],
           catalogue: Catalogue) -> LevelResult | None:
    """The (capped) level of some of the person's attempts; None without attempts."""
    if not attempts:
        return None
    return area_level(bank, area, _responses(bank, attempts, area, catalogue))


def _tasks_done(attempts: list[Submission], locale: str,
                catalogue: Catalogue) -> tuple[TaskDone, ...]:
    """Each task's latest attempt (the one the level counts), in the order they were done."""
    latest = {a.challenge_id: a for a in attempts}
    ordered = sorted(latest.values(), key=lambda a: (a.created_at, a.id))
    return tuple(TaskDone(catalogue.title(a.challenge_id, locale), task_outcome(a.score or 0.0),
                          a.evidence, local_date(a.created_at),
                          catalogue.skill(a.challenge_id, locale)) for a in ordered)


def all_areas(session: Session, person: Person, locale: str = "sv", *,
              catalogue: Catalogue) -> dict[str, AreaSkill]:
    """Every area's skill, keyed by area."""
    attempts = graded_attempts(session, person)
    bank = current_bank(session, catalogue=catalogue)
    return {area: area_skill(session, person, area, attempts, locale, bank, catalogue=catalogue)
            for area in AREAS}
