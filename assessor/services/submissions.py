"""Drafts and submissions: saving work, and writing a submission before it is queued.

Nothing is stored without the person's yes to the tests: both writes ask the access policy
(``submissions.hand_in``), whoever calls them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from assessor.domain.clock import as_utc, utcnow
from assessor.domain.vocabulary import DEFAULT_LOCALE, LOCALES
from assessor.models import (
    MAX_CLIENT_TOKEN,
    Draft,
    Evidence,
    Person,
    Submission,
    SubmissionKind,
    User,
)
from assessor.services import events, policy

MAX_FILES = 10
MAX_TOTAL_BYTES = 256 * 1024  #: all files of one draft or submission together
_SAFE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$")


class SubmissionError(ValueError):
    """Work that cannot be accepted. ``code`` picks the translated message in the web layer."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


def check_files(files: dict[str, str], *, allow_empty: bool = False) -> dict[str, str]:
    """Refuse bad names, too many or too large files, and (unless allowed) empty work."""
    if len(files) > MAX_FILES:
        raise SubmissionError("too_many_files", str(MAX_FILES))
    for name, text in files.items():
        if not isinstance(name, str) or not _SAFE_NAME.match(name) or ".." in name:
            raise SubmissionError("bad_name", str(name)[:100])
        if not isinstance(text, str):
            raise SubmissionError("not_text", name)
    if sum(len(text.encode("utf-8")) for text in files.values()) > MAX_TOTAL_BYTES:
        raise SubmissionError("too_large", str(MAX_TOTAL_BYTES))
    if not allow_empty and not any(text.strip() for text in files.values()):
        raise SubmissionError("empty")
    return files


def save_draft(session: Session, person: Person, challenge_id: str,
               files: dict[str, str], *, by: User) -> Draft:
    """Save (create or replace) the person's draft for a challenge. Flushes. AccessDeniedError
    unless ``by`` may hand in for the person (their own, with a yes to the tests)."""
    check_files(files, allow_empty=True)
    policy.require(session, by, policy.Action.SUBMIT, person)
    draft = find_draft(session, person, challenge_id)
    if draft is None:
        try:
            with session.begin_nested():  # two saves may race to create the first draft
                draft = Draft(person_id=person.id, challenge_id=challenge_id, files=dict(files),
                              updated_at=utcnow())
                session.add(draft)
            return draft
        except IntegrityError:
            draft = find_draft(session, person, challenge_id)
            if draft is None:
                raise
    draft.files = dict(files)
    draft.updated_at = utcnow()
    session.flush()
    return draft


def find_draft(session: Session, person: Person, challenge_id: str) -> Draft | None:
    """The person's draft for a challenge, or None."""
    return session.scalar(sa.select(Draft).where(Draft.person_id == person.id,
                                                 Draft.challenge_id == challenge_id))


def draft_revision(draft: Draft | None) -> str:
    """Which saved version of a draft this is ("" when none): the microsecond of its last save,
    so the page can tell whether the server got anything after the text it kept locally."""
    if draft is None:
        return ""
    since_epoch = as_utc(draft.updated_at) - datetime(1970, 1, 1, tzinfo=UTC)
    return str(since_epoch // timedelta(microseconds=1))


@dataclass(frozen=True)
class NewSubmission:
    """What a candidate sends: files for one challenge variant."""

    challenge_id: str
    challenge_version: str
    seed: int
    files: dict[str, str]
    kind: SubmissionKind = SubmissionKind.ATTEMPT
    evidence: Evidence = Evidence.UNSUPERVISED
    client_token: str | None = None
    locale: str = "sv"


def check_submission(new: NewSubmission) -> None:
    """Refuse what ``create_submission`` would refuse, before anything is written: the files
    (see ``check_files``) and a token longer than ``MAX_CLIENT_TOKEN`` (``bad_token``; no page
    sends one)."""
    check_files(new.files)
    if new.client_token is not None and len(new.client_token) > MAX_CLIENT_TOKEN:
        raise SubmissionError("bad_token", str(MAX_CLIENT_TOKEN))


def create_submission(session: Session, person: Person, new: NewSubmission, *,
                      by: User) -> tuple[Submission, bool]:
    """Write a submission (queued). Returns it and whether it is new: a repeated token (a
    double click) returns the first one. Flushes; the unit of work commits, then queues the
    grade (``after_commit``).
    AccessDeniedError unless ``by`` may hand in for the person."""
    check_submission(new)
    policy.require(session, by, policy.Action.SUBMIT, person)
    earlier = _by_token(session, person, new.client_token)
    if earlier is not None:
        return earlier, False
    now = utcnow()
    submission = Submission(
        person_id=person.id, challenge_id=new.challenge_id,
        challenge_version=new.challenge_version, seed=new.seed, kind=new.kind.value,
        evidence=_evidence(session, person, new, now).value, files=dict(new.files),
        client_token=new.client_token, created_at=now,
        locale=new.locale if new.locale in LOCALES else DEFAULT_LOCALE)
    try:
        with session.begin_nested():  # two clicks at the same instant: one insert wins
            session.add(submission)
    except sa.exc.IntegrityError:
        earlier = _by_token(session, person, new.client_token)
        if earlier is None:
            raise
        return earlier, False
    return submission, True


def _evidence(session: Session, person: Person, new: NewSubmission, now: datetime) -> Evidence:
    """An attempt made while checked in at an evening, inside its window, is supervised."""
    if new.kind != SubmissionKind.ATTEMPT or new.evidence != Evidence.UNSUPERVISED:
        return new.evidence
    return events.evidence_at(session, person, now) or new.evidence


def _by_token(session: Session, person: Person, token: str | None) -> Submission | None:
    if not token:
        return None
    return session.scalar(sa.select(Submission).where(
        Submission.person_id == person.id, Submission.client_token == token))


def attempts(session: Session, person: Person, challenge_id: str) -> list[Submission]:
    """The person's attempts (not prechecks) at a challenge, newest first."""
    query = sa.select(Submission).where(
        Submission.person_id == person.id, Submission.challenge_id == challenge_id,
        Submission.kind == SubmissionKind.ATTEMPT,
    ).order_by(Submission.created_at.desc(), Submission.id.desc())
    return list(session.scalars(query))
