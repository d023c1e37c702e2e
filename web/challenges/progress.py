"""What a candidate has done per challenge: best score, attempts, draft."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.challenges.model import Challenge
from assessor.models import Draft, Person, Submission, SubmissionKind, SubmissionStatus
from web.grading import catalogue


@dataclass(frozen=True)
class ChallengeProgress:
    """One challenge as the person left it."""

    attempts: int = 0
    best_score: float | None = None
    has_draft: bool = False

    @property
    def state(self) -> str:
        """``done`` (full marks), ``tried``, ``draft`` or ``new``."""
        if self.best_score is not None and self.best_score >= 1.0:
            return "done"
        if self.attempts:
            return "tried"
        return "draft" if self.has_draft else "new"


def progress_by_challenge(session: Session, person: Person) -> dict[str, ChallengeProgress]:
    """Progress for every challenge the person has touched (files that could not be checked,
    our own failures and hand-ins withheld without a yes to the tests, cost nothing and do not
    count as tried)."""
    rows = session.execute(
        sa.select(Submission.challenge_id, sa.func.count(), sa.func.max(Submission.score))
        .where(Submission.person_id == person.id, Submission.kind == SubmissionKind.ATTEMPT,
               Submission.status.not_in([SubmissionStatus.ERROR, SubmissionStatus.WITHHELD]),
               sa.or_(Submission.gradable.is_(None), Submission.gradable.is_(True)))
        .group_by(Submission.challenge_id))
    progress = {cid: ChallengeProgress(count, best) for cid, count, best in rows}
    drafts = session.scalars(sa.select(Draft.challenge_id).where(Draft.person_id == person.id))
    for challenge_id in drafts:
        old = progress.get(challenge_id, ChallengeProgress())
        progress[challenge_id] = ChallengeProgress(old.attempts, old.best_score, True)
    return progress


@dataclass(frozen=True)
class AreaWork:
    """One area's challenges as the person left them, in bank order."""

    done: tuple[Challenge, ...] = ()
    in_progress: tuple[Challenge, ...] = ()  #: tried without full marks, or a saved draft


def work_by_area(progress: dict[str, ChallengeProgress]) -> dict[str, AreaWork]:
    """What is done and what is in progress, per area."""
    done: dict[str, list[Challenge]] = {}
    started: dict[str, list[Challenge]] = {}
    for challenge in catalogue().bank():
        state = progress[challenge.id].state if challenge.id in progress else "new"
        if state == "done":
            done.setdefault(challenge.area.value, []).append(challenge)
        elif state in ("tried", "draft"):
            started.setdefault(challenge.area.value, []).append(challenge)
    return {area: AreaWork(tuple(done.get(area, ())), tuple(started.get(area, ())))
            for area in done.keys() | started.keys()}
