"""Regrade runs: the one home of starting a regrade (the admin's page and ``kodprov regrade``)
and of reading its progress.

A run records who started it, when, and each hand-in it took with its old score. Its progress
is read from the hand-ins themselves while it runs; when a later run of the same challenge
starts, what this run left is written into its items first, so an earlier run's old and new
scores stay as they were. Only one run per challenge runs at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.models import (
    AccessLog,
    Person,
    RegradeItem,
    RegradeRun,
    Submission,
    SubmissionKind,
    SubmissionStatus,
)
from assessor.services import policy
from assessor.services.catalogue import Catalogue
from assessor.services.jobs.recovery import Enqueue
from assessor.services.jobs.regrade import regradable, take_for_regrade
from assessor.services.policy import Action

WAITING = (SubmissionStatus.QUEUED, SubmissionStatus.RUNNING)
FAILED = (SubmissionStatus.ERROR, SubmissionStatus.WITHHELD)
#: scores closer than this are the same score
SAME = 1e-9


class RegradeError(ValueError):
    """A regrade that cannot start: ``code`` is ``unknown_challenge``, ``running`` (one of
    this challenge runs already) or ``nothing`` (no graded hand-ins to regrade)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Progress:
    """How far a run has come: each hand-in is waiting, done or failed; ``changed`` are the
    done ones whose score changed."""

    total: int
    waiting: int
    done: int
    changed: int
    failed: int

    @property
    def finished(self) -> bool:
        """True when no hand-in of the run waits any more."""
        return self.waiting == 0

    def as_dict(self) -> dict:
        """For the page's script."""
        return {"total": self.total, "waiting": self.waiting, "done": self.done,
                "changed": self.changed, "failed": self.failed, "finished": self.finished}


@dataclass(frozen=True)
class Change:
    """A hand-in whose score a run changed."""

    submission_id: int
    person: Person
    handed_in_at: datetime
    old_score: float | None
    new_score: float | None


def changed(old: float | None, new: float | None) -> bool:
    """Whether a regrade changed a score."""
    if old is None or new is None:
        return old is not new
    return abs(old - new) > SAME


def count_regradable(session: Session, challenge_id: str, since: datetime | None = None) -> int:
    """How many stored hand-ins a regrade of the challenge would take now."""
    return session.scalar(sa.select(sa.func.count(Submission.id))
                          .where(*regradable(challenge_id, since))) or 0


def running_run(session: Session, challenge_id: str) -> RegradeRun | None:
    """The challenge's run that still has hand-ins waiting, if any."""
    return session.scalars(
        sa.select(RegradeRun).join(RegradeItem).join(Submission)
        .where(RegradeRun.challenge_id == challenge_id, RegradeItem.outcome.is_(None),
               Submission.status.in_(WAITING)).limit(1)).first()


def start_regrade(session: Session, actor: object, challenge_id: str, queue: Enqueue, *,
                  catalogue: Catalogue, since: datetime | None = None) -> RegradeRun:
    """Regrade the challenge's stored hand-ins (made at or after ``since``) through ``queue``
    and record the run; RegradeError when it cannot start (nothing is changed then: the
    caller rolls back). Each person whose hand-in is taken gets an access-log entry. Flushes."""
    policy.require(session, actor, Action.REGRADE)
    if catalogue.challenge(challenge_id) is None:
        raise RegradeError("unknown_challenge")
    if running_run(session, challenge_id) is not None:
        raise RegradeError("running")
    _keep_outcomes(session, challenge_id)
    taken = take_for_regrade(session, challenge_id, queue, since)
    if not taken:
        raise RegradeError("nothing")
    who = policy.Actor.of(actor)
    run = RegradeRun(challenge_id=challenge_id, since=since, started_by_id=who.id,
                     started_by_role=who.role,
                     items=[RegradeItem(submission_id=i, old_score=old)
                            for i, old in taken.items()])
    session.add(run)
    people = session.scalars(sa.select(Person).where(Person.id.in_(
        sa.select(Submission.person_id).where(Submission.id.in_(taken))))).all()
    policy.log_listed(session, who, people, Action.REGRADE)
    return run


def _keep_outcomes(session: Session, challenge_id: str) -> None:
    """Write what earlier runs of the challenge left into their items, before a new run
    changes the hand-ins again."""
    items = session.scalars(sa.select(RegradeItem).join(RegradeRun).where(
        RegradeRun.challenge_id == challenge_id, RegradeItem.outcome.is_(None)))
    for item in items:
        item.new_score, item.outcome = item.submission.score, item.submission.status
    session.flush()


def runs(session: Session, limit: int = 50) -> list[RegradeRun]:
    """The latest runs, newest first."""
    return list(session.scalars(sa.select(RegradeRun)
                                .order_by(RegradeRun.started_at.desc(), RegradeRun.id.desc())
                                .limit(limit)))


def _outcomes(session: Session, run: RegradeRun) -> list[tuple[RegradeItem, Submission, str,
                                                                float | None]]:
    """Each item of the run with its hand-in, status and score as this run left them."""
    rows = session.execute(sa.select(RegradeItem, Submission).join(Submission)
                           .where(RegradeItem.run_id == run.id).order_by(Submission.id))
    return [(item, submission, item.outcome or submission.status,
             item.new_score if item.outcome else submission.score)
            for item, submission in rows]


def progress(session: Session, run: RegradeRun) -> Progress:
    """Waiting, done, changed and failed hand-ins of the run (hand-ins deleted since, by an
    erasure, are no longer counted)."""
    outcomes = _outcomes(session, run)
    done = [(item, score) for item, _s, status, score in outcomes
            if status == SubmissionStatus.GRADED]
    return Progress(
        total=len(outcomes),
        waiting=sum(status in WAITING for _i, _s, status, _n in outcomes),
        done=len(done), changed=sum(changed(item.old_score, score) for item, score in done),
        failed=sum(status in FAILED for _i, _s, status, _n in outcomes))


def changes(session: Session, actor: object, run: RegradeRun) -> list[Change]:
    """The run's hand-ins whose score changed, old and new, of the people whose hand-ins
    ``actor`` may see in full (``submissions.full``). Each person shown is logged once per
    actor and run, however often a polling page asks."""
    shown = []
    for item, submission, status, score in _outcomes(session, run):
        if status == SubmissionStatus.GRADED and changed(item.old_score, score) \
                and submission.kind == SubmissionKind.ATTEMPT:
            shown.append(Change(submission.id, submission.person, submission.created_at,
                                item.old_score, score))
    facts = policy.service.facts_for(session, {c.person.id: c.person for c in shown}.values())
    who = policy.Actor.of(actor)
    shown = [c for c in shown
             if policy.decide(who, Action.SUBMISSIONS_FULL, facts[c.person.id]).allowed]
    _log_once(session, who, run, [c.person for c in shown])
    return shown


def _log_once(session: Session, actor: policy.Actor, run: RegradeRun,
              people: list[Person]) -> None:
    what = f"{Action.REGRADE} #{run.id}"
    seen = set(session.scalars(sa.select(AccessLog.person_id).where(
        AccessLog.actor_id == actor.id, AccessLog.what == what, AccessLog.action == "read")))
    for person in {p.id: p for p in people if p.id not in seen}.values():
        policy.service.log(session, actor, person, "read", what, "submissions.full")
