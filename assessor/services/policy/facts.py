"""What a decision is made from and what it gives: who asks (``Actor``), what is known of the
person, evening, programme or lead asked about (``PersonFacts``, ``EventFacts``), and the
``Decision`` with its reason."""

from __future__ import annotations

from dataclasses import dataclass

from assessor.services.policy.actions import SYSTEM_ROLE, Action


@dataclass(frozen=True)
class Actor:
    """Who asks: an account (id, role, organisation) or the system (no id)."""

    id: int | None
    role: str
    organisation_id: int | None = None

    @classmethod
    def of(cls, user: object) -> Actor:
        """The actor for a ``User`` (or an Actor, returned as it is)."""
        if isinstance(user, Actor):
            return user
        return cls(user.id, str(user.role), user.organisation_id)


SYSTEM = Actor(None, SYSTEM_ROLE)


@dataclass(frozen=True)
class PersonFacts:
    """What the rules need to know about a person (gathered by the service)."""

    id: int
    user_id: int | None = None  #: the person's own login
    organisation_id: int | None = None  #: the programme they take part in
    created_by_id: int | None = None
    tests_consent: bool = False  #: an active yes to "Tests and results"
    shared_with: frozenset[int] = frozenset()  #: organisations with an active yes to share
    questionnaire: str = "none"  #: the latest questionnaire: "none", "open" or "finished"
    protected: bool = False  #: skyddad identitet: staff never see the name
    restricted: bool = False  #: restricted: only WHILE_RESTRICTED is allowed
    #: employers (their organisations) with an active yes to show them the profile
    employer_shares: frozenset[int] = frozenset()
    statistics_consent: bool = False  #: an active yes to "Anonymous statistics"
    sus_consent: bool = False  #: an active yes to registration in SUS (form 9443)


def programme_facts(organisation_id: int | None) -> PersonFacts:
    """The facts for an action about something a programme owns (ABOUT_PROGRAMME): only the
    programme is known, so only the ``programme`` rule can hold."""
    return PersonFacts(id=0, organisation_id=organisation_id)


def lead_facts(programme_id: int | None, protected: bool) -> PersonFacts:
    """The facts for an action about a lead (ABOUT_LEAD): its programme and whether it is
    protected; a lead has no login, consents or answers yet."""
    return PersonFacts(id=0, organisation_id=programme_id, protected=protected)


@dataclass(frozen=True)
class Decision:
    """Allowed or not; a refusal names its reason, an allowance the rule that allowed it."""

    allowed: bool
    action: Action
    reason: str = ""  #: why not (see REASONS); "" when allowed
    rule: str = ""  #: the rule that was applied, in words

    def __bool__(self) -> bool:
        return self.allowed


@dataclass(frozen=True)
class EventFacts:
    """What the rules need to know about an evening: the programme that runs it (the rules
    read it as a person's programme)."""

    id: int
    organisation_id: int | None
    restricted: bool = False  #: an evening is never restricted; the rules ask every subject


#: why something is refused (the web layer explains each in words)
REASONS = ("role", "not_own", "no_organisation", "organisation", "no_tests_consent",
           "not_shared", "not_added", "own_login", "finished", "protected", "restricted",
           "no_statistics_consent", "no_sus_consent")
