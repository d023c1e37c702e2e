"""After the evening: one row per hand-in, as CSV or JSON (the web page and the command share
it)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import as_utc
from assessor.infra.spreadsheet import csv_text
from assessor.models import Event, Participant, Person, Submission, SubmissionKind
from assessor.services.events.planning import window_of
from assessor.services.skills import SUPERVISED

COLUMNS = ("person_code", "task", "score", "time", "supervised")


@dataclass(frozen=True)
class ExportRow:
    """One hand-in made during the evening (time in UTC, ISO 8601; score None while grading)."""

    person_code: str
    task: str
    score: float | None
    time: str
    supervised: bool


def hand_in_rows(session: Session, event: Event) -> list[ExportRow]:
    """Every attempt the participants made inside the evening's window, oldest first."""
    window = window_of(event)
    rows = session.execute(sa.select(Person.public_id, Submission).join(
        Participant, Participant.person_id == Submission.person_id).join(
        Person, Person.id == Submission.person_id).where(
        Participant.event_id == event.id, Submission.kind == SubmissionKind.ATTEMPT,
        Submission.created_at >= window.starts_at, Submission.created_at < window.end)
        .order_by(Submission.created_at, Submission.id))
    return [ExportRow(code, s.challenge_id, s.score,
                      as_utc(s.created_at).isoformat(timespec="seconds"),
                      s.evidence in SUPERVISED) for code, s in rows]


def export_csv(rows: list[ExportRow]) -> str:
    """The rows as a spreadsheet-safe CSV file."""
    return csv_text(COLUMNS, ([r.person_code, r.task, "" if r.score is None else r.score, r.time,
                               "true" if r.supervised else "false"] for r in rows))


def export_json(event: Event, rows: list[ExportRow]) -> str:
    """The rows as JSON, with the evening they belong to."""
    return json.dumps({"event": {"id": event.id, "name": event.name,
                                 "starts_at": as_utc(event.starts_at).isoformat(),
                                 "ends_at": window_of(event).end.isoformat(),
                                 "remote": event.remote},
                       "rows": [asdict(r) for r in rows]}, ensure_ascii=False, indent=2)
