"""The named conditions the rule table is written in (*own*, *programme*, *tests*, ...), and
how two combine (``&``, ``|``). Pure: an actor and facts in, None or a reason out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assessor.services.policy.facts import Actor, PersonFacts

Check = Callable[[Actor, PersonFacts | None], str | None]


@dataclass(frozen=True)
class Rule:
    """A named condition: ``check`` returns None when it holds, else the reason it does not.
    ``a & b`` holds when both do (the first failure is the reason); ``a | b`` when either
    does (the second's failure is the reason)."""

    name: str
    check: Check

    def __and__(self, other: Rule) -> Rule:
        return Rule(f"{self.name} + {other.name}",
                    lambda a, p: self.check(a, p) or other.check(a, p))

    def __or__(self, other: Rule) -> Rule:
        return Rule(f"{self.name} or {other.name}",
                    lambda a, p: None if self.check(a, p) is None else other.check(a, p))


def _own(actor: Actor, person: PersonFacts) -> str | None:
    return None if actor.id is not None and person.user_id == actor.id else "not_own"


def _programme(actor: Actor, person: PersonFacts) -> str | None:
    if actor.organisation_id is None:
        return "no_organisation"
    return None if person.organisation_id == actor.organisation_id else "organisation"


def _shared(actor: Actor, person: PersonFacts) -> str | None:
    if actor.organisation_id is None:
        return "no_organisation"
    return None if actor.organisation_id in person.shared_with else "not_shared"


def _employer(actor: Actor, person: PersonFacts) -> str | None:
    if actor.organisation_id is None:
        return "no_organisation"
    return None if actor.organisation_id in person.employer_shares else "not_shared"


def _added(actor: Actor, person: PersonFacts) -> str | None:
    return None if actor.id is not None and person.created_by_id == actor.id else "not_added"


OWN = Rule("own", _own)
PROGRAMME = Rule("programme", _programme)
TESTS = Rule("tests", lambda a, p: None if p.tests_consent else "no_tests_consent")
SHARED = Rule("shared", _shared)
ADDED = Rule("added", _added)
NO_LOGIN = Rule("no login", lambda a, p: None if p.user_id is None else "own_login")
OPEN = Rule("open", lambda a, p: None if p.questionnaire != "finished" else "finished")
HAS_ORGANISATION = Rule("has organisation",
                        lambda a, p: None if a.organisation_id is not None else "no_organisation")
UNPROTECTED = Rule("not protected", lambda a, p: "protected" if p.protected else None)
EMPLOYER_SHARED = Rule("employer shared", _employer)
COUNTED = Rule("counted",
               lambda a, p: None if p.statistics_consent else "no_statistics_consent")
SUS_CONSENTED = Rule("sus", lambda a, p: None if p.sus_consent else "no_sus_consent")
ANYONE = Rule("anyone", lambda a, p: None)
NEVER = Rule("never", lambda a, p: "role")
