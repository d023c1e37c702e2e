"""What a report says about regrades: each of the person's hand-ins whose score a regrade
changed, with the task, the day and the old and new score (the levels already use the new
one: they are computed from the stored scores)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import local_date
from assessor.models import (
    Person,
    RegradeItem,
    RegradeRun,
    Submission,
    SubmissionKind,
    SubmissionStatus,
)
from assessor.services.catalogue import Catalogue
from assessor.services.jobs.regrade_runs import changed


@dataclass(frozen=True)
class RegradeNote:
    """One hand-in a regrade changed: shares of tests passed before and after (0–1)."""

    task: str
    regraded_on: date
    old_score: float | None
    new_score: float | None

    @property
    def old_percent(self) -> int:
        """The old score in whole per cent."""
        return round((self.old_score or 0.0) * 100)

    @property
    def new_percent(self) -> int:
        """The new score in whole per cent."""
        return round((self.new_score or 0.0) * 100)


def regrade_notes(session: Session, person: Person, catalogue: Catalogue,
                  locale: str = "sv") -> tuple[RegradeNote, ...]:
    """The person's regraded attempts whose score changed, oldest regrade first."""
    rows = session.execute(
        sa.select(RegradeItem, RegradeRun.started_at, Submission)
        .join(RegradeRun, RegradeRun.id == RegradeItem.run_id)
        .join(Submission, Submission.id == RegradeItem.submission_id)
        .where(Submission.person_id == person.id, Submission.kind == SubmissionKind.ATTEMPT)
        .order_by(RegradeRun.started_at, RegradeItem.id))
    notes = []
    for item, started_at, submission in rows:
        status = item.outcome or submission.status
        new = item.new_score if item.outcome else submission.score
        if status == SubmissionStatus.GRADED and changed(item.old_score, new):
            notes.append(RegradeNote(catalogue.title(submission.challenge_id, locale),
                                     local_date(started_at), item.old_score, new))
    return tuple(notes)
