"""The access policy's service part: facts from the database, decisions, the access log.

``authorize`` is what views, commands and exports call: it decides and writes one access-log
entry for every read or change of a person's data by someone other than the person, and for
every refusal. ``check`` and ``require`` decide without logging, for services that guard their
own writes (the caller has already asked ``authorize``) and for background jobs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.models import AccessLog, Consent, ConsentPurpose, Person, QuestionnaireResponse
from assessor.services.policy.actions import (
    ABOUT_EVENT,
    ABOUT_LEAD,
    ABOUT_PROGRAMME,
    LOGGED_AS,
    WITHOUT_PERSON,
    Action,
)
from assessor.services.policy.facts import (
    Actor,
    Decision,
    EventFacts,
    PersonFacts,
    lead_facts,
    programme_facts,
)
from assessor.services.policy.rules import allowed_actions, decide


class AccessDeniedError(PermissionError):
    """A service was asked to do what the policy does not allow."""

    def __init__(self, decision: Decision) -> None:
        super().__init__(f"{decision.action}: {decision.reason}")
        self.decision = decision


def facts_for(session: Session, people: Iterable[Person]) -> dict[int, PersonFacts]:
    """The facts the rules need, for each person by id (two queries for any number)."""
    people = list(people)
    ids = [person.id for person in people]
    consents = session.execute(sa.select(Consent.person_id, Consent.purpose,
                                         Consent.organisation_id)
                               .where(Consent.person_id.in_(ids), Consent.withdrawn_at.is_(None)))
    tests, counted, sus, shared = set(), set(), set(), {person_id: set() for person_id in ids}
    employers = {person_id: set() for person_id in ids}
    for person_id, purpose, organisation_id in consents:
        if purpose == ConsentPurpose.ASSESSMENT:
            tests.add(person_id)
        elif purpose == ConsentPurpose.SHARE_REPORT:
            shared[person_id].add(organisation_id)
        elif purpose == ConsentPurpose.EMPLOYER_PROFILE and organisation_id is not None:
            employers[person_id].add(organisation_id)
        elif purpose == ConsentPurpose.STATISTICS:
            counted.add(person_id)
        elif purpose == ConsentPurpose.SUS:
            sus.add(person_id)
    latest = {person_id: "finished" if completed else "open"
              for person_id, completed in session.execute(
                  sa.select(QuestionnaireResponse.person_id, QuestionnaireResponse.completed_at)
                  .where(QuestionnaireResponse.person_id.in_(ids))
                  .order_by(QuestionnaireResponse.id))}  # the latest response wins
    return {person.id: PersonFacts(
        id=person.id, user_id=person.user_id, organisation_id=person.organisation_id,
        created_by_id=person.created_by_id, tests_consent=person.id in tests,
        shared_with=frozenset(shared[person.id]), questionnaire=latest.get(person.id, "none"),
        protected=bool(person.protected_identity), restricted=person.restricted_at is not None,
        employer_shares=frozenset(employers[person.id]),
        statistics_consent=person.id in counted, sus_consent=person.id in sus)
        for person in people}


def facts_of(session: Session, person: Person) -> PersonFacts:
    """The facts about one person."""
    session.flush()  # consents and questionnaires added in this transaction count
    return facts_for(session, [person])[person.id]


def check(session: Session, actor: object, action: Action,
          person: Person | None = None) -> Decision:
    """The policy's decision, without logging. ``actor`` is a User or an Actor."""
    facts = None if action in WITHOUT_PERSON else facts_of(session, person)
    return decide(Actor.of(actor), action, facts)


def check_event(actor: object, action: Action, event: object) -> Decision:
    """The decision about an evening (an ``Event``: its id and programme), without logging."""
    if action not in ABOUT_EVENT:
        raise ValueError(f"{action} is not about an evening")
    return decide(Actor.of(actor), action, EventFacts(event.id, event.organisation_id))


def authorize_event(session: Session, actor: object, action: Action,
                    event: object) -> Decision:
    """``check_event``, with a refusal written to the access log (an allowed look at an
    evening is logged per participant shown, by the caller: ``log_listed``). Flushes."""
    decision = check_event(actor, action, event)
    if not decision.allowed:
        log(session, Actor.of(actor), None, "denied", f"{action} #{event.id}", decision.reason)
    return decision


def require(session: Session, actor: object, action: Action,
            person: Person | None = None) -> Decision:
    """The decision if allowed; AccessDeniedError if not. Nothing is logged."""
    decision = check(session, actor, action, person)
    if not decision.allowed:
        raise AccessDeniedError(decision)
    return decision


def authorize(session: Session, actor: object, action: Action, person: Person | None = None,
              *, about: int | None = None, log_as: str | None = None) -> Decision:
    """Decide, and log it: every refusal, and every allowed access to a person's data that is
    not the person's own (an allowed action about no person is not logged). ``about`` is the
    id of the object asked for (a follow-up, a submission); ``log_as`` overrides how an
    allowed access is logged ("read", "change", "export"). Flushes."""
    decision = check(session, actor, action, person)
    actor = Actor.of(actor)
    own = person is None or (actor.id is not None and person.user_id == actor.id)
    if not (own and decision.allowed):
        kind = (log_as or LOGGED_AS.get(action, "read")) if decision.allowed else "denied"
        what = f"{action} #{about}" if about is not None else str(action)
        log(session, actor, person, kind, what,
            decision.rule if decision.allowed else decision.reason)
    return decision


def authorize_programme(session: Session, actor: object, action: Action,
                        programme_id: int | None) -> Decision:
    """Decide an action about what a programme owns (ABOUT_PROGRAMME); a refusal is logged
    (about no person). Flushes."""
    if action not in ABOUT_PROGRAMME:
        raise ValueError(f"{action} is not about a programme")
    decision = decide(Actor.of(actor), action, programme_facts(programme_id))
    if not decision.allowed:
        log(session, Actor.of(actor), None, "denied", str(action), decision.reason)
    return decision


def check_lead(actor: object, action: Action, lead: object) -> Decision:
    """The decision about a lead (a ``Lead``: its programme and protected identity), without
    logging."""
    if action not in ABOUT_LEAD:
        raise ValueError(f"{action} is not about a lead")
    return decide(Actor.of(actor), action,
                  lead_facts(lead.programme_id, bool(lead.protected_identity)))


def log(session: Session, actor: Actor, person: Person | None, kind: str, what: str,
        reason: str = "") -> None:
    """One access-log entry: ids and names of rules only, never the data itself. Flushes."""
    session.add(_entry(actor, person.id if person is not None else None, kind, what, reason))
    session.flush()


def _entry(actor: Actor, person_id: int | None, kind: str, what: str,
           reason: str = "") -> AccessLog:
    """One access-log row (``what`` and ``reason`` cut to their columns' lengths)."""
    return AccessLog(actor_id=actor.id, actor_role=actor.role, person_id=person_id,
                     action=kind, what=what[:100], reason=reason[:500])


def log_first_looks(session: Session, actor: object, person_ids: sa.Select, kind: str,
                    what: str) -> int:
    """Log a look (``kind``, ``what``) at each person in ``person_ids`` (a query for one id
    column) that ``actor`` has no such entry for yet, so a page polled every few seconds logs
    each person once; one query when nobody is new. Returns how many it logged; flushes."""
    actor, what = Actor.of(actor), what[:100]
    ids = person_ids.subquery()
    person_id = next(iter(ids.c))
    logged = sa.exists().where(AccessLog.person_id == person_id,
                               AccessLog.actor_id == actor.id, AccessLog.what == what)
    new = session.scalars(sa.select(person_id).where(~logged)).all()
    session.add_all(_entry(actor, one, kind, what) for one in new)
    session.flush()
    return len(new)


@dataclass(frozen=True)
class Listed:
    """A person in a list, with what the viewer may do about them (for links) and the facts
    the rules saw."""

    person: Person
    may: frozenset[Action]
    facts: PersonFacts | None = None


def listable(session: Session, actor: object, *also: Action) -> list[Listed]:
    """The people ``actor`` may see in a list (and may also do each of ``also`` about), by
    name, without logging: the caller logs the ones it shows with ``log_listed``."""
    actor = Actor.of(actor)
    people = session.scalars(sa.select(Person).order_by(Person.name, Person.id)).all()
    facts = facts_for(session, people)
    shown = []
    for person in people:
        may = allowed_actions(actor, facts[person.id])
        if Action.PEOPLE_LIST in may and all(action in may for action in also):
            shown.append(Listed(person, may, facts[person.id]))
    return shown


def log_listed(session: Session, actor: object, people: Iterable[Person],
               action: Action = Action.PEOPLE_LIST) -> None:
    """One access-log entry per person shown in a list (or a file: ``people.export``), in one
    statement for any number of people. Flushes."""
    actor = Actor.of(actor)
    session.add_all(_entry(actor, person.id, LOGGED_AS.get(action, "read"), str(action))
                    for person in people)
    session.flush()


def listed(session: Session, actor: object, *also: Action) -> list[Listed]:
    """``listable``, each listed person logged (``people.list``). Flushes."""
    shown = listable(session, actor, *also)
    log_listed(session, actor, [entry.person for entry in shown])
    return shown


def allowed_people(session: Session, actor: object, action: Action) -> set[int]:
    """Ids of the people ``actor`` may do ``action`` about (for commands and jobs; no log)."""
    actor = Actor.of(actor)
    people = session.scalars(sa.select(Person)).all()
    return {person_id for person_id, facts in facts_for(session, people).items()
            if decide(actor, action, facts).allowed}
