"""All integrity signals for one person, gathered for the facilitator's person page."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.integrity.signals import Signal, claim_gap_signal, code_signals
from assessor.domain.screening import load_questionnaire, screen
from assessor.models import Person, Submission, SubmissionKind, SubmissionStatus
from assessor.services.catalogue import Catalogue
from assessor.services.questionnaire import current_response
from assessor.services.skills import all_areas


@dataclass(frozen=True)
class Finding:
    """A signal and what it concerns (an area, a challenge, or the questionnaire)."""

    about: str
    signal: Signal


def latest_attempts(session: Session, challenge_id: str | None = None,
                    person: Person | None = None) -> list[Submission]:
    """Each person's latest graded attempt per challenge (optionally filtered)."""
    query = sa.select(Submission).where(Submission.kind == SubmissionKind.ATTEMPT,
                                        Submission.status == SubmissionStatus.GRADED)
    if challenge_id is not None:
        query = query.where(Submission.challenge_id == challenge_id)
    if person is not None:
        query = query.where(Submission.person_id == person.id)
    latest: dict[tuple[int, str], Submission] = {}
    for submission in session.scalars(query.order_by(Submission.created_at, Submission.id)):
        latest[(submission.person_id, submission.challenge_id)] = submission
    return list(latest.values())


def _code(files: dict) -> str:
    return "\n".join(text for _name, text in sorted(files.items()) if isinstance(text, str))


def _bytes_code(files) -> str:
    return "\n".join(content.decode("utf-8", "replace") for _n, content in sorted(files.items()))


def code_findings(session: Session, person: Person, *, catalogue: Catalogue) -> list[Finding]:
    """Similarity signals for each of the person's latest attempts."""
    findings = []
    for mine in latest_attempts(session, person=person):
        challenge = catalogue.challenge(mine.challenge_id)
        if challenge is None or challenge.language == "text":  # answers, not code
            continue
        variant = challenge.variant(mine.seed)
        others = {s.person.public_id: _code(s.files)
                  for s in latest_attempts(session, challenge_id=challenge.id)
                  if s.person_id != person.id}
        signals = code_signals(_code(mine.files), challenge.files[0],
                               starter=_bytes_code(variant.starter),
                               reference=_bytes_code(variant.solution.files), others=others)
        findings += [Finding(challenge.id, signal) for signal in signals]
    return findings


def findings_for(session: Session, person: Person, *, catalogue: Catalogue) -> list[Finding]:
    """Every signal for the person: questionnaire gap, person fit per area, similarity."""
    findings = []
    response = current_response(session, person)
    if response is not None and response.completed_at is not None:
        gap = claim_gap_signal(screen(load_questionnaire(), response.answers))
        if gap is not None:
            findings.append(Finding("questionnaire", gap))
    for area, skill in all_areas(session, person, catalogue=catalogue).items():
        fit = skill.assessment.person_fit if skill.assessment else None
        if fit is not None and fit.flagged:
            findings.append(Finding(area, Signal("person_fit", fit.facts)))
    return findings + code_findings(session, person, catalogue=catalogue)
