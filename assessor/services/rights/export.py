"""Everything Kodprov holds about a person, as plain data: the JSON download and the readable
page are made from it. Hand-ins show their results as the person sees them on the task pages
(hidden tests keep their inputs to themselves, so the tests stay fair for everyone)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import as_utc, utcnow
from assessor.infra.settings import DEFAULT_GUEST_DAYS
from assessor.models import (
    Consent,
    Draft,
    FollowUp,
    LoginSession,
    Participant,
    Person,
    QuestionnaireResponse,
    Submission,
)
from assessor.services.catalogue import Catalogue
from assessor.services.funder.export import funder_data
from assessor.services.intake.lead_privacy import lead_data, leads_of_person
from assessor.services.intake.pools import pool_data
from assessor.services.jobs.challenge_grader import candidate_result
from assessor.services.placements.export import placements_data
from assessor.services.plans.export import plan_data
from assessor.services.progress.export import progress_data
from assessor.services.reports.filed import filed_reports_data
from assessor.services.rights.access_log import history
from assessor.services.rights.periods import categories
from assessor.services.rights.requests import requests_of
from assessor.services.skills import all_areas

FORMAT_VERSION = 1


def when(moment: datetime | date | None) -> str | None:
    """A moment in ISO 8601 (UTC), or None."""
    if moment is None:
        return None
    return as_utc(moment).isoformat() if isinstance(moment, datetime) else moment.isoformat()


def _rows(session: Session, model: type, person: Person, order: Any) -> list:
    return list(session.scalars(sa.select(model).where(model.person_id == person.id)
                                .order_by(order, model.id)))


def collect(session: Session, person: Person, locale: str = "sv", *, catalogue: Catalogue,
            guest_days: int = DEFAULT_GUEST_DAYS) -> dict[str, Any]:
    """All the person's data as JSON-ready data, in sections (tasks read from ``catalogue``;
    the retention periods with the guests' ``guest_days``)."""
    return {
        "format": FORMAT_VERSION, "made_at": when(utcnow()),
        "account": _account(person), "person": _person(person),
        "leads": [lead_data(lead) for lead in leads_of_person(session, person)],
        "consents": [_consent(c, person) for c in _rows(session, Consent, person,
                                                          Consent.given_at)],
        "questionnaires": [_questionnaire(r, person) for r in _rows(
            session, QuestionnaireResponse, person, QuestionnaireResponse.started_at)],
        "drafts": [{"task": d.challenge_id, "changed_at": when(d.updated_at), "files": d.files}
                   for d in _rows(session, Draft, person, Draft.updated_at)],
        "hand_ins": [_hand_in(s, locale, catalogue) for s in _rows(session, Submission, person,
                                                                   Submission.created_at)],
        "follow_ups": [_follow_up(f) for f in _rows(session, FollowUp, person,
                                                     FollowUp.booked_for)],
        "evenings": _evenings(session, person),
        **placements_data(session, person),
        **pool_data(session, person),
        **plan_data(session, person),
        **progress_data(session, person),
        **funder_data(session, person),
        "reports": _reports(session, person, locale, catalogue),
        "filed_reports": filed_reports_data(session, person),
        "login_sessions": _logins(session, person),
        "access_log": _access_log(session, person),
        "requests": [{"kind": r.kind, "received_at": when(r.received_at),
                      "due_at": when(r.due_at), "done_at": when(r.done_at),
                      "outcome": r.outcome} for r in requests_of(session, person)],
        "retention": [{"data": c.name, "kept_days": c.keep.days if c.keep else None,
                       "counted_from": c.counted_from, "on_erasure": c.on_erasure}
                      for c in categories(guest_days)],
    }


def _evenings(session: Session, person: Person) -> list[dict]:
    """The person's places at Mini Hackathon evenings (a guest's address for the claim link
    included)."""
    return [{"evening": p.event.name, "starts_at": when(p.event.starts_at),
             "nickname": p.nickname, "guest": p.guest, "joined_at": when(p.joined_at),
             "checked_in_at": when(p.checked_in_at), "on_scoreboard": p.scoreboard_opt_in,
             "email_for_claim_link": p.claim_email}
            for p in _rows(session, Participant, person, Participant.joined_at)]


def _account(person: Person) -> dict | None:
    user = person.user
    if user is None:
        return None
    return {"email": user.email, "name": user.name, "role": user.role, "language": user.locale,
            "created_at": when(user.created_at)}


def _person(person: Person) -> dict:
    return {"code_name": person.public_id, "name": person.name, "gender": person.gender,
            "programme": person.organisation.name if person.organisation else None,
            "added_at": when(person.created_at), "added_by": _who(person.created_by, person),
            "protected_identity": person.protected_identity,
            "restricted_at": when(person.restricted_at)}


def _who(user, person: Person) -> str | None:
    """"self", or a member of staff by role (never their name or e-mail)."""
    if user is None:
        return None
    return "self" if user.id == person.user_id else user.role


def _consent(consent: Consent, person: Person) -> dict:
    return {"purpose": consent.purpose,
            "organisation": consent.organisation.name if consent.organisation else None,
            "given_at": when(consent.given_at), "withdrawn_at": when(consent.withdrawn_at),
            "recorded_by": _who(consent.recorded_by, person)}


def _questionnaire(response: QuestionnaireResponse, person: Person) -> dict:
    return {"version": response.version, "started_at": when(response.started_at),
            "changed_at": when(response.updated_at),
            "finished_at": when(response.completed_at), "outcome": response.outcome,
            "answers": response.answers,
            "sittings": [{"started_at": when(s.started_at), "by": _who(s.filled_by, person),
                          "person_present": s.person_present, "answered": s.items}
                         for s in response.sittings]}


def _hand_in(submission: Submission, locale: str, catalogue: Catalogue) -> dict:
    try:
        result = candidate_result(submission, locale, catalogue)
    except (TypeError, ValueError, KeyError):  # a stored result of an older shape
        result = None
    return {"task": submission.challenge_id, "kind": submission.kind,
            "evidence": submission.evidence, "made_at": when(submission.created_at),
            "status": submission.status, "score": submission.score,
            "score_before_regrade": submission.previous_score,
            "regraded_at": when(submission.regraded_at), "files": submission.files,
            "result": result.to_dict() if result is not None else None}


def _follow_up(follow_up: FollowUp) -> dict:
    return {"area": follow_up.area, "booked_for": when(follow_up.booked_for),
            "held_at": when(follow_up.held_at), "outcome": follow_up.outcome,
            "checklist": follow_up.checklist, "notes": follow_up.notes}


def _reports(session: Session, person: Person, locale: str,
             catalogue: Catalogue) -> list[dict]:
    """The levels a report states today (reports are made when opened, never stored)."""
    return [{"area": area, "level": skill.result.level,
             "confidence_percent": skill.result.confidence_percent,
             "evidence": skill.result.evidence, "tasks": skill.result.tasks}
            for area, skill in all_areas(session, person, locale,
                                         catalogue=catalogue).items()]


def _logins(session: Session, person: Person) -> list[dict]:
    if person.user_id is None:
        return []
    rows = session.scalars(sa.select(LoginSession).where(LoginSession.user_id == person.user_id)
                           .order_by(LoginSession.created_at, LoginSession.id))
    return [{"started_at": when(s.created_at), "last_seen_at": when(s.last_seen_at),
             "ended_at": when(s.revoked_at), "expires_at": when(s.expires_at),
             "browser": s.browser,
             "system": s.system, "network": s.network} for s in rows]


def _access_log(session: Session, person: Person) -> list[dict]:
    entries, number, more = [], 1, True
    while more:
        page = history(session, person, number)
        entries += [{"at": when(e.at), "by": e.by, "organisation": e.organisation,
                     "kind": e.kind, "what": e.what} for e in page.entries]
        number, more = number + 1, page.more
    return entries
