"""The staff people list as data: per person the last activity, tasks tried and passed per
area, the questionnaire's outcome, the yes to the tests and contact details, each only where the
access policy lets the viewer see it; filtered and sorted on the server.

Every figure comes from a fixed number of queries for any number of people (no query per
person): ``tests/web/test_people_overview.py`` holds it to that; ``bench/people_list.py`` prints
the figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import as_utc
from assessor.models import (
    Draft,
    Person,
    QuestionnaireResponse,
    Submission,
    SubmissionKind,
    SubmissionStatus,
    User,
)
from assessor.services.catalogue import Catalogue
from assessor.services.policy import Action, Listed

#: what the questionnaire column can say besides an outcome
NOT_STARTED, STARTED = "none", "started"
SORT_KEYS = ("name", "activity", "passed", "questionnaire", "consent")
#: the questionnaire column sorted from the strongest sign of programming to none at all
QUESTIONNAIRE_ORDER = ("programmer", "unclear", "superuser", STARTED, NOT_STARTED)


@dataclass(frozen=True)
class AreaCount:
    """Tasks of one area the person handed in (``tried``) and solved in full (``passed``)."""

    tried: int = 0
    passed: int = 0


@dataclass(frozen=True)
class PersonRow:
    """One person in the list. ``None`` means the viewer may not see that column's value."""

    person: Person
    may: frozenset[Action]
    email: str | None = None
    last_activity: datetime | None = None
    areas: dict[str, AreaCount] | None = None
    questionnaire: str | None = None  #: NOT_STARTED, STARTED or a screening outcome
    tests_consent: bool | None = None

    @property
    def passed(self) -> int | None:
        """Tasks solved in full, over every area (None when not shown)."""
        return None if self.areas is None else sum(c.passed for c in self.areas.values())


@dataclass(frozen=True)
class PeopleFilter:
    """What the list is narrowed to and sorted by ("" means any)."""

    text: str = ""  #: part of the name or the code name
    questionnaire: str = ""
    consent: str = ""  #: "yes" or "no"
    area: str = ""  #: has tried a task in this area
    sort: str = "name"
    descending: bool = False


def overview(session: Session, listed: list[Listed], *, catalogue: Catalogue) -> list[PersonRow]:
    """A row for each listed person, each column filled only where ``Listed.may`` allows."""
    def ids(action: Action) -> list[int]:
        return [entry.person.id for entry in listed if action in entry.may]

    work_ids, answer_ids = ids(Action.SUBMISSIONS_FULL), ids(Action.QUESTIONNAIRE_VIEW)
    areas = _area_counts(session, work_ids, catalogue)
    questionnaires = _questionnaires(session, answer_ids)
    activity = _last_activity(session, work_ids, answer_ids)
    emails = _emails(session, ids(Action.CONTACT_VIEW))
    rows = []
    for entry in listed:
        person_id, may = entry.person.id, entry.may
        rows.append(PersonRow(
            person=entry.person, may=may, email=emails.get(person_id),
            last_activity=activity.get(person_id),
            areas=areas.get(person_id, {}) if Action.SUBMISSIONS_FULL in may else None,
            questionnaire=questionnaires.get(person_id, (NOT_STARTED, None))[0]
            if Action.QUESTIONNAIRE_VIEW in may else None,
            tests_consent=entry.facts.tests_consent
            if Action.CONSENT_STATE in may and entry.facts is not None else None))
    return rows


def _counting_attempts():
    """Attempts that count as tried: not our failures, not withheld, not "fix this first"."""
    return sa.and_(Submission.kind == SubmissionKind.ATTEMPT,
                   Submission.status.not_in([SubmissionStatus.ERROR, SubmissionStatus.WITHHELD]),
                   sa.or_(Submission.gradable.is_(None), Submission.gradable.is_(True)))


def _area_counts(session: Session, person_ids: list[int],
                 catalogue: Catalogue) -> dict[int, dict[str, AreaCount]]:
    """Tried and passed tasks per area and person, in one query."""
    rows = session.execute(
        sa.select(Submission.person_id, Submission.challenge_id, sa.func.max(Submission.score))
        .where(Submission.person_id.in_(person_ids), _counting_attempts())
        .group_by(Submission.person_id, Submission.challenge_id)) if person_ids else []
    counts: dict[int, dict[str, list[int]]] = {}
    for person_id, challenge_id, best in rows:
        challenge = catalogue.challenge(challenge_id)
        if challenge is None:  # a task that has left the bank belongs to no area now
            continue
        tally = counts.setdefault(person_id, {}).setdefault(challenge.area.value, [0, 0])
        tally[0] += 1
        tally[1] += best is not None and best >= 1.0
    return {person_id: {area: AreaCount(*tally) for area, tally in by_area.items()}
            for person_id, by_area in counts.items()}


def _questionnaires(session: Session, person_ids: list[int]
                    ) -> dict[int, tuple[str, datetime | None]]:
    """The latest questionnaire's state and when it was last touched, per person."""
    if not person_ids:
        return {}
    latest = (sa.select(sa.func.max(QuestionnaireResponse.id))
              .where(QuestionnaireResponse.person_id.in_(person_ids))
              .group_by(QuestionnaireResponse.person_id))
    rows = session.execute(sa.select(
        QuestionnaireResponse.person_id, QuestionnaireResponse.completed_at,
        QuestionnaireResponse.outcome, QuestionnaireResponse.updated_at)
        .where(QuestionnaireResponse.id.in_(latest)))
    return {person_id: ((outcome or STARTED) if completed else STARTED, updated)
            for person_id, completed, outcome, updated in rows}


def _last_activity(session: Session, work_ids: list[int], answer_ids: list[int]
                   ) -> dict[int, datetime]:
    """The latest hand-in, draft or questionnaire answer per person (each only where the
    viewer may see that kind of work)."""
    moments: dict[int, list[datetime]] = {}
    queries = []
    if work_ids:
        queries += [sa.select(Submission.person_id, sa.func.max(Submission.created_at))
                    .where(Submission.person_id.in_(work_ids)).group_by(Submission.person_id),
                    sa.select(Draft.person_id, sa.func.max(Draft.updated_at))
                    .where(Draft.person_id.in_(work_ids)).group_by(Draft.person_id)]
    if answer_ids:
        queries.append(sa.select(QuestionnaireResponse.person_id,
                                 sa.func.max(QuestionnaireResponse.updated_at))
                       .where(QuestionnaireResponse.person_id.in_(answer_ids))
                       .group_by(QuestionnaireResponse.person_id))
    for query in queries:
        for person_id, moment in session.execute(query):
            if moment is not None:
                moments.setdefault(person_id, []).append(as_utc(moment))
    return {person_id: max(found) for person_id, found in moments.items()}


def _emails(session: Session, person_ids: list[int]) -> dict[int, str]:
    """The e-mail of each person's own login, for those who have one."""
    if not person_ids:
        return {}
    return dict(session.execute(sa.select(Person.id, User.email)
                                .join(User, Person.user_id == User.id)
                                .where(Person.id.in_(person_ids))).all())


def matches(row: PersonRow, wanted: PeopleFilter) -> bool:
    """Whether a row passes the filter. A value the viewer may not see never matches a
    filter on it, so filtering reveals nothing the columns would not."""
    text = wanted.text.strip().casefold()
    name = row.person.name if Action.CONTACT_VIEW in row.may else ""  # a protected name
    if text and text not in name.casefold() and text not in row.person.public_id.casefold():
        return False
    if wanted.questionnaire and row.questionnaire != wanted.questionnaire:
        return False
    if wanted.consent and (row.tests_consent is None
                           or row.tests_consent != (wanted.consent == "yes")):
        return False
    return not wanted.area or (row.areas is not None
                               and row.areas.get(wanted.area, AreaCount()).tried > 0)


def _sort_value(row: PersonRow, key: str) -> tuple:
    """What a row sorts by; a hidden or missing value sorts last either way."""
    questionnaire = None if row.questionnaire is None else (
        QUESTIONNAIRE_ORDER.index(row.questionnaire) if row.questionnaire in QUESTIONNAIRE_ORDER
        else len(QUESTIONNAIRE_ORDER))
    value = {"activity": row.last_activity, "passed": row.passed,
             "questionnaire": questionnaire, "consent": row.tests_consent}.get(key)
    return (value is None, value if value is not None else 0)


def arrange(rows: Iterable[PersonRow], wanted: PeopleFilter) -> list[PersonRow]:
    """The rows that pass the filter, sorted as asked (then by name and code name)."""
    kept = sorted((row for row in rows if matches(row, wanted)),
                  key=lambda row: (row.person.name.casefold(), row.person.public_id))
    if wanted.sort not in SORT_KEYS or wanted.sort == "name":
        return kept[::-1] if wanted.descending else kept
    shown = [row for row in kept if _sort_value(row, wanted.sort)[0] is False]
    hidden = [row for row in kept if _sort_value(row, wanted.sort)[0] is True]
    shown.sort(key=lambda row: _sort_value(row, wanted.sort)[1], reverse=wanted.descending)
    return shown + hidden
