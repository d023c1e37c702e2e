"""Who may do what with whose data: the one access policy, as a table of rules.

Pure: facts in, a decision out; no session, no Flask. ``assessor.services.policy.service`` gathers the
facts from the database and writes the access log; every view, command and export asks it.

A coach (facilitator) works for a programme (an organisation) and reaches only the people of
that programme, and only for the purposes the person said yes to. A caseworker reads: the report
a person shares with the caseworker's organisation, and the questionnaire of a person the
caseworker added; a caseworker never changes a candidate's evidence. An admin manages accounts,
reads the register of people and, under a yes to the tests, their hand-ins (to help when
something went wrong); never answers, reports or follow-ups. Staff may open any task as a
candidate would (a preview that stores nothing). The system (the CLI and the grading jobs) uses
results only under a yes to the tests.

| action | candidate | facilitator | caseworker | admin | system | employer |
|---|---|---|---|---|---|---|
| `people.list` | – | programme | added or shared | anyone | – | – |
| `person.add` | – | has organisation | anyone | – | – | – |
| `person.page` | – | programme + tests | – | – | – | – |
| `questionnaire.view` | own | programme + tests | added + tests | – | – | – |
| `questionnaire.fill` | own + tests + open | programme + tests + open | added + no login + tests + open | – | – | – |
| `report` | own | programme + tests | shared | – | – | – |
| `report.pdf` | own | programme + tests | shared | – | – | – |
| `submissions` | own | programme + tests | – | – | – | – |
| `submissions.hand_in` | own + tests | – | – | – | – | – |
| `results.use` | – | – | – | – | tests | – |
| `follow_up` | own | programme + tests | – | – | – | – |
| `follow_up.record` | – | programme + tests | – | – | – | – |
| `consent.view` | own | programme + tests | – | – | – | – |
| `consent` | own | programme + no login | added + no login | – | – | – |
| `export` | own | – | – | – | anyone | – |
| `access_log` | own | – | – | anyone | – | – |
| `access_log.all` | – | – | – | anyone | – | – |
| `accounts` | – | – | – | anyone | anyone | – |
| `person.contact` | own | programme + not protected | added or shared + not protected | not protected | – | – |
| `person.protect` | – | programme | – | programme | – | – |
| `rights.request` | own | programme | added | anyone | – | – |
| `rights.handle` | – | – | – | anyone | – | – |
| `rights.requests` | – | – | – | anyone | – | – |
| `submissions.full` | – | programme + tests | – | tests | – | – |
| `consent.state` | – | programme | added | anyone | – | – |
| `people.export` | – | programme | added or shared | anyone | – | – |
| `task.preview` | – | anyone | anyone | anyone | – | – |
| `account.invite` | – | programme | – | anyone | – | – |
| `account.reset` | – | programme | – | anyone | – | – |
| `item_banks` | – | – | – | anyone | anyone | – |
| `events` | – | has organisation | – | – | – | – |
| `event.manage` | – | programme | – | – | anyone | – |
| `event.take_part` | own | – | – | – | – | – |
| `profile` | own | programme + tests | – | – | – | – |
| `profile.edit` | own | programme + tests | – | – | – | – |
| `match.rank` | – | programme + tests | – | – | tests | – |
| `match.propose` | – | programme + tests | – | – | – | – |
| `match.answer` | own | – | – | – | – | – |
| `profile.employer_link` | – | programme + tests | – | – | – | – |
| `profile.employer` | – | – | – | – | – | employer shared |
| `employers` | – | has organisation | – | – | – | – |
| `employer.manage` | – | programme | – | – | – | – |
| `leads` | – | has organisation | – | – | – | – |
| `lead.manage` | – | programme | – | – | – | – |
| `lead.contact` | – | programme + not protected | – | – | – | – |
| `lead.protect` | – | programme | – | – | – | – |
| `eligibility.criteria` | – | programme | – | programme | – | – |
| `person.refer` | – | – | has organisation | – | – | – |
| `path` | own | programme | – | – | – | – |
| `placement` | – | programme | – | – | – | – |
| `placement.record` | – | programme | – | – | – | – |
| `statistics` | – | programme | – | anyone | anyone | – |
| `statistics.count` | – | programme + counted | – | counted | counted | – |
| `pools` | – | programme | – | programme | – | – |
| `pool.place` | – | programme | – | – | – | – |
| `plan` | own | programme | – | – | – | – |
| `plan.edit` | own | programme | – | – | – | – |
| `plan.pdf` | own | programme | – | – | – | – |
| `progress` | own | programme | – | – | – | – |
| `progress.record` | own | programme | – | – | – | – |
| `progress.areas` | – | programme | – | – | – | – |
| `calendar` | – | has organisation | – | – | – | – |
| `sus` | – | programme | – | – | – | – |
| `sus.worksheet` | – | programme + sus + not protected | – | – | – | – |
| `sus.record` | – | programme + sus + not protected | – | – | – | – |
| `indicators.answer` | own | – | – | – | – | – |
| `report.filed` | own | programme + tests | shared | – | – | – |
| `regrade` | – | – | – | anyone | anyone | – |

*programme*: the person's programme is the coach's organisation. *tests*: the person has an
active yes to "Tests and results" (``assessment``). *shared*: an active yes to share the report
with the caseworker's organisation; it lets that organisation's caseworkers read the report and
nothing else, and a coach never reads a report through a share. *added*: the caseworker added
the person. *open*: the questionnaire is not finished: a finished questionnaire is evidence and
nobody starts it over or changes it. *no login*: the person has no login of their own, so staff
record their consent on their behalf; a person with a login fills in and consents for themself.
``questionnaire.fill`` covers starting one (none yet), continuing, answering and finishing.
*not protected*: the person has no protected identity (skyddad identitet); staff who may not
see the name see the code name and a neutral marker. *restricted*: a person whose data is
restricted (on request, or kept by archive rules after an erasure) is refused to everyone for
every action, except the person's own export, access log and requests, and the admin's rules.
``account.invite`` and ``account.reset`` make a one-time link that sets the person's password
(a coach for the people of the programme, who may not have said yes to anything yet: the link
is how they come to say it themself). ``accounts`` and ``item_banks`` are the admin's pages and
the ``kodprov users`` and ``kodprov irt`` commands (the system). ``events`` and
``event.manage``: a coach creates and runs the Mini Hackathon evenings of their own programme
(*programme*: the evening's programme is the coach's organisation; the system's
``kodprov events export`` too); ``event.take_part``: a
person joins an evening (a guest gets an account of their own first), asks for help, opts in to
the scoreboard and claims guest results into their account. *employer shared*: the
person's active yes to show the profile to this employer (``employer_profile``, given when
they agree to a proposed opening); an *employer* is someone who opens a profile link, with no
account. ``employer.manage`` is decided about the programme that keeps the employer
(``programme_facts``): only ``programme`` can hold; so are ``lead.manage`` (a lead, from the
interest form or a referral, belongs to the programme it was sent to) and
``eligibility.criteria``. ``lead.contact`` and ``lead.protect`` are decided about a lead
(``lead_facts``: its programme, and *not protected* as for a person): a coach of the
programme marks a lead protected before it is a person, and then sees its code name and a
neutral marker, never its name or contact data. ``person.refer``: a caseworker of an agency
refers someone, with the person's knowledge. ``path``: "Din väg", the steps derived from
what is recorded. No action lists people by what they need.
``placement`` and ``placement.record`` are the programme's case work (placements, follow-ups,
the participation's dates), not test results: they need no yes to the tests. ``statistics``
is decided about a programme (an admin: any, or all); *counted*: the person's active yes to
"Anonymous statistics", without which ``statistics.count`` leaves them out of every count.
``pools`` (the funding areas and their places: configuration a coach or admin of the
programme sets) and ``pool.place`` (the queues, who gets a place, admitting, ending a
participation, and the log that explains each move) are decided about the programme.
``plan`` (the individual development plan) and ``progress`` (the self-rated life wheel) are the
programme's case work, like placements: the person and a coach of the programme work on them
together, without a yes to the tests. What the plan shows of test results (levels, hand-ins)
is shown to a coach only where ``submissions`` also holds. ``progress.areas``: a coach chooses
the programme's life-wheel areas (``programme_facts``).
``calendar``: a coach sets the public calendar of their own programme's evenings (weekday,
time, place, breaks), cancels one evening, sees who signed up for it and makes an evening of
it; the public calendar and signing up for an evening need no account.
``sus``: the programme's SUS page of a person, and the worksheet in its anonymous form
(gender and budget year); *sus*: an active yes to registration in SUS (its own purpose,
FK form 9443), without which, or with a protected identity, ``sus.worksheet`` (the worksheet
in full) and ``sus.record`` (the registration's fields) are refused. ``indicators.answer``:
the person answers the indicator survey themself (self-rated; nobody answers for them).
``report.filed``: a report PDF as it was delivered earlier (who may download the report may
download what was filed). ``regrade``: the admin's page and ``kodprov regrade`` (the system).
"""  # noqa: E501 - the table is generated by policy_table(), and a test keeps them equal

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass


class Action(enum.StrEnum):
    """Everything the app lets someone do with a person's data (the value names it in the
    access log)."""

    PEOPLE_LIST = "people.list"  #: the person appears in a staff list (name, code, status)
    PERSON_ADD = "person.add"  #: add a person without a login (no person yet)
    PERSON_PAGE = "person.page"  #: the coach's page about one person
    QUESTIONNAIRE_VIEW = "questionnaire.view"  #: the answers, who filled them, the outcome
    QUESTIONNAIRE_FILL = "questionnaire.fill"  #: start, continue, answer and finish
    REPORT_VIEW = "report"  #: the verification report as a page
    REPORT_PDF = "report.pdf"  #: the report as a PDF download
    SUBMISSIONS_VIEW = "submissions"  #: tasks, drafts, hand-ins and their results
    SUBMIT = "submissions.hand_in"  #: save a draft, test or hand in
    USE_RESULTS = "results.use"  #: grade hand-ins, calibrate the item bank
    FOLLOW_UP_VIEW = "follow_up"  #: a supervised follow-up and its checklist
    FOLLOW_UP_RECORD = "follow_up.record"  #: book a follow-up or record what it showed
    CONSENT_VIEW = "consent.view"  #: every consent of the person
    CONSENT_CHANGE = "consent"  #: give or take back a consent
    EXPORT = "export"  #: all of the person's data as a file
    ACCESS_LOG = "access_log"  #: who read or changed the person's data
    ACCESS_LOG_ALL = "access_log.all"  #: the whole access log (no person)
    ACCOUNTS = "accounts"  #: list and manage accounts and organisations (no person)
    CONTACT_VIEW = "person.contact"  #: the person's name and contact data (else a marker)
    PROTECT = "person.protect"  #: set or lift the protected-identity flag
    RIGHTS_REQUEST = "rights.request"  #: ask for erasure or restriction (or for the person)
    RIGHTS_HANDLE = "rights.handle"  #: carry out an erasure or restriction
    RIGHTS_REQUESTS_ALL = "rights.requests"  #: the list of requests (no person)
    SUBMISSIONS_FULL = "submissions.full"  #: hand-ins with their code and every test's result
    CONSENT_STATE = "consent.state"  #: whether the person has said yes to the tests (lists)
    PEOPLE_EXPORT = "people.export"  #: the person's row of the people list, as a CSV file
    TASK_PREVIEW = "task.preview"  #: open any task as a candidate would, storing nothing
    ACCOUNT_INVITE = "account.invite"  #: give the person a login through an invitation link
    ACCOUNT_RESET = "account.reset"  #: make a link that sets a new password for their login
    ITEM_BANKS = "item_banks"  #: list the item banks and choose the one in use (no person)
    EVENTS = "events"  #: create evenings and list the programme's own (no person)
    EVENT_MANAGE = "event.manage"  #: run one evening: code, live view, check-in, help, export
    EVENT_TAKE_PART = "event.take_part"  #: join an evening, ask for help, claim guest results
    PROFILE_VIEW = "profile"  #: "så här fungerar jag": the profile and its preview
    PROFILE_EDIT = "profile.edit"  #: change the profile (staff help is recorded)
    MATCH_RANK = "match.rank"  #: the person in an opening's ranked list, with reasons
    MATCH_PROPOSE = "match.propose"  #: propose an opening to the person
    MATCH_ANSWER = "match.answer"  #: say yes or no to a proposed opening
    EMPLOYER_LINK = "profile.employer_link"  #: make a link that shows an employer the profile
    EMPLOYER_VIEW = "profile.employer"  #: an employer opens that link (verified skills and
    #: the shared parts of the profile)
    EMPLOYERS = "employers"  #: list and add the programme's employers (no person)
    EMPLOYER_MANAGE = "employer.manage"  #: an employer of the programme and its openings
    #: (decided about the programme: ``programme_facts``)
    LEADS = "leads"  #: the programme's new leads (interest forms, referrals; no person)
    LEAD_MANAGE = "lead.manage"  #: one lead: contact, first interview, eligibility, invite
    #: (decided about the programme: ``programme_facts``)
    LEAD_CONTACT = "lead.contact"  #: a lead's name and contact data (else the code name and
    #: a marker; decided about the lead: ``lead_facts``)
    LEAD_PROTECT = "lead.protect"  #: set or lift a lead's protected identity
    ELIGIBILITY_CRITERIA = "eligibility.criteria"  #: the programme's eligibility criteria
    REFER = "person.refer"  #: a caseworker refers a person to a programme (no person yet)
    PATH_VIEW = "path"  #: "Din väg": the four steps and where the person is
    PLACEMENT_VIEW = "placement"  #: the person's placements, follow-ups and waiting figures
    PLACEMENT_RECORD = "placement.record"  #: make a placement, change its state, record a
    #: follow-up or the participation's dates
    STATISTICS = "statistics"  #: the funder report and the outcome dashboard of a programme
    #: (masked counts, never a person; decided about the programme: ``programme_facts``)
    STATISTICS_COUNT = "statistics.count"  #: count the person in those statistics
    POOLS = "pools"  #: the programme's intake pools: funding areas and their places
    #: (decided about the programme: ``programme_facts``)
    POOL_PLACE = "pool.place"  #: the pools' queues and log: queue a lead or person, admit,
    #: end a participation (decided about the programme; each person's change is logged)
    PLAN_VIEW = "plan"  #: the individual development plan: goals, evidence links, steps
    PLAN_EDIT = "plan.edit"  #: add or change a goal, a step or a review date (who is recorded)
    PLAN_PDF = "plan.pdf"  #: the plan as a PDF to print
    PROGRESS_VIEW = "progress"  #: the self-rated conversations over time and their chart
    PROGRESS_RECORD = "progress.record"  #: write down one conversation's ratings
    PROGRESS_AREAS = "progress.areas"  #: the programme's life-wheel areas (decided about the
    #: programme: ``programme_facts``)
    CALENDAR = "calendar"  #: the programme's public calendar of evenings: schedule, breaks,
    #: cancelling one, its sign-ups, making an evening of it (no person)
    SUS_VIEW = "sus"  #: the person's SUS page and worksheet, anonymous (gender, budget year)
    SUS_WORKSHEET = "sus.worksheet"  #: the worksheet in full (page, print, CSV)
    SUS_RECORD = "sus.record"  #: record the registration in and out in SUS's categories
    INDICATORS_ANSWER = "indicators.answer"  #: answer the indicator survey (self-rated)
    REPORT_FILED = "report.filed"  #: an earlier delivered report PDF (a filed version), as
    #: it was delivered, byte for byte
    REGRADE = "regrade"  #: grade a challenge's stored hand-ins again and follow the progress
    #: (no person: the changed hand-ins are listed under ``submissions.full``)


#: actions about no particular person: only the actor decides
WITHOUT_PERSON = frozenset({Action.PERSON_ADD, Action.ACCESS_LOG_ALL, Action.ACCOUNTS,
                            Action.RIGHTS_REQUESTS_ALL, Action.TASK_PREVIEW, Action.ITEM_BANKS,
                            Action.EVENTS, Action.EMPLOYERS, Action.LEADS, Action.REFER,
                            Action.CALENDAR, Action.REGRADE})
#: actions about an evening rather than a person: the facts are ``EventFacts``
ABOUT_EVENT = frozenset({Action.EVENT_MANAGE})
#: actions about what a programme owns (employers, openings), decided with ``programme_facts``
ABOUT_PROGRAMME = frozenset({Action.EMPLOYER_MANAGE, Action.LEAD_MANAGE,
                             Action.ELIGIBILITY_CRITERIA, Action.STATISTICS, Action.POOLS,
                             Action.POOL_PLACE, Action.PROGRESS_AREAS})
#: actions about a lead (not yet a person), decided with ``lead_facts``
ABOUT_LEAD = frozenset({Action.LEAD_CONTACT, Action.LEAD_PROTECT})
#: how an allowed action is written in the access log (the rest are reads)
LOGGED_AS = {
    Action.PERSON_ADD: "change", Action.QUESTIONNAIRE_FILL: "change", Action.SUBMIT: "change",
    Action.FOLLOW_UP_RECORD: "change", Action.CONSENT_CHANGE: "change",
    Action.REPORT_PDF: "export", Action.REPORT_FILED: "export", Action.EXPORT: "export",
    Action.PEOPLE_EXPORT: "export",
    Action.PROTECT: "change", Action.ACCOUNT_INVITE: "change", Action.ACCOUNT_RESET: "change",
    Action.RIGHTS_REQUEST: "change", Action.RIGHTS_HANDLE: "change",
    Action.PROFILE_EDIT: "change", Action.MATCH_PROPOSE: "change", Action.MATCH_ANSWER: "change",
    Action.EMPLOYER_LINK: "change", Action.REFER: "change", Action.PLACEMENT_RECORD: "change",
    Action.PLAN_EDIT: "change", Action.PLAN_PDF: "export", Action.PROGRESS_RECORD: "change",
    Action.SUS_RECORD: "change", Action.INDICATORS_ANSWER: "change",
    Action.LEAD_PROTECT: "change",
    Action.REGRADE: "change",
}
#: what a role may still do about a restricted person (everything else is refused): the
#: person keeps their rights of access; an admin keeps the admin's rules
WHILE_RESTRICTED = {
    "candidate": frozenset({Action.EXPORT, Action.ACCESS_LOG, Action.RIGHTS_REQUEST,
                            Action.CONTACT_VIEW}),
    "admin": frozenset(Action),
}

SYSTEM_ROLE = "system"  #: the CLI and background jobs
EMPLOYER_ROLE = "employer"  #: someone at an employer who opens a profile link (no account)
ROLES = ("candidate", "facilitator", "caseworker", "admin", SYSTEM_ROLE, EMPLOYER_ROLE)


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

#: action -> role -> rule; a role not named never may
RULES: dict[Action, dict[str, Rule]] = {
    Action.PEOPLE_LIST: {"facilitator": PROGRAMME, "caseworker": ADDED | SHARED,
                         "admin": ANYONE},
    Action.PERSON_ADD: {"facilitator": HAS_ORGANISATION, "caseworker": ANYONE},
    Action.PERSON_PAGE: {"facilitator": PROGRAMME & TESTS},
    Action.QUESTIONNAIRE_VIEW: {"candidate": OWN, "facilitator": PROGRAMME & TESTS,
                                "caseworker": ADDED & TESTS},
    Action.QUESTIONNAIRE_FILL: {"candidate": OWN & TESTS & OPEN,
                                "facilitator": PROGRAMME & TESTS & OPEN,
                                "caseworker": ADDED & NO_LOGIN & TESTS & OPEN},
    Action.REPORT_VIEW: {"candidate": OWN, "facilitator": PROGRAMME & TESTS,
                         "caseworker": SHARED},
    Action.REPORT_PDF: {"candidate": OWN, "facilitator": PROGRAMME & TESTS,
                        "caseworker": SHARED},
    Action.SUBMISSIONS_VIEW: {"candidate": OWN, "facilitator": PROGRAMME & TESTS},
    Action.SUBMIT: {"candidate": OWN & TESTS},
    Action.USE_RESULTS: {SYSTEM_ROLE: TESTS},
    Action.FOLLOW_UP_VIEW: {"candidate": OWN, "facilitator": PROGRAMME & TESTS},
    Action.FOLLOW_UP_RECORD: {"facilitator": PROGRAMME & TESTS},
    Action.CONSENT_VIEW: {"candidate": OWN, "facilitator": PROGRAMME & TESTS},
    Action.CONSENT_CHANGE: {"candidate": OWN, "facilitator": PROGRAMME & NO_LOGIN,
                            "caseworker": ADDED & NO_LOGIN},
    Action.EXPORT: {"candidate": OWN, SYSTEM_ROLE: ANYONE},
    Action.ACCESS_LOG: {"candidate": OWN, "admin": ANYONE},
    Action.ACCESS_LOG_ALL: {"admin": ANYONE},
    Action.ACCOUNTS: {"admin": ANYONE, SYSTEM_ROLE: ANYONE},
    Action.CONTACT_VIEW: {"candidate": OWN, "facilitator": PROGRAMME & UNPROTECTED,
                          "caseworker": (ADDED | SHARED) & UNPROTECTED, "admin": UNPROTECTED},
    Action.PROTECT: {"facilitator": PROGRAMME, "admin": PROGRAMME},
    Action.RIGHTS_REQUEST: {"candidate": OWN, "facilitator": PROGRAMME, "caseworker": ADDED,
                            "admin": ANYONE},
    Action.RIGHTS_HANDLE: {"admin": ANYONE},
    Action.RIGHTS_REQUESTS_ALL: {"admin": ANYONE},
    Action.SUBMISSIONS_FULL: {"facilitator": PROGRAMME & TESTS, "admin": TESTS},
    Action.CONSENT_STATE: {"facilitator": PROGRAMME, "caseworker": ADDED, "admin": ANYONE},
    Action.PEOPLE_EXPORT: {"facilitator": PROGRAMME, "caseworker": ADDED | SHARED,
                           "admin": ANYONE},
    Action.TASK_PREVIEW: {"facilitator": ANYONE, "caseworker": ANYONE, "admin": ANYONE},
    Action.ACCOUNT_INVITE: {"facilitator": PROGRAMME, "admin": ANYONE},
    Action.ACCOUNT_RESET: {"facilitator": PROGRAMME, "admin": ANYONE},
    Action.ITEM_BANKS: {"admin": ANYONE, SYSTEM_ROLE: ANYONE},
    Action.EVENTS: {"facilitator": HAS_ORGANISATION},
    Action.EVENT_MANAGE: {"facilitator": PROGRAMME, SYSTEM_ROLE: ANYONE},
    Action.EVENT_TAKE_PART: {"candidate": OWN},
    Action.PROFILE_VIEW: {"candidate": OWN, "facilitator": PROGRAMME & TESTS},
    Action.PROFILE_EDIT: {"candidate": OWN, "facilitator": PROGRAMME & TESTS},
    Action.MATCH_RANK: {"facilitator": PROGRAMME & TESTS, SYSTEM_ROLE: TESTS},
    Action.MATCH_PROPOSE: {"facilitator": PROGRAMME & TESTS},
    Action.MATCH_ANSWER: {"candidate": OWN},
    Action.EMPLOYER_LINK: {"facilitator": PROGRAMME & TESTS},
    Action.EMPLOYER_VIEW: {EMPLOYER_ROLE: EMPLOYER_SHARED},
    Action.EMPLOYERS: {"facilitator": HAS_ORGANISATION},
    Action.EMPLOYER_MANAGE: {"facilitator": PROGRAMME},
    Action.LEADS: {"facilitator": HAS_ORGANISATION},
    Action.LEAD_MANAGE: {"facilitator": PROGRAMME},
    Action.LEAD_CONTACT: {"facilitator": PROGRAMME & UNPROTECTED},
    Action.LEAD_PROTECT: {"facilitator": PROGRAMME},
    Action.ELIGIBILITY_CRITERIA: {"facilitator": PROGRAMME, "admin": PROGRAMME},
    Action.REFER: {"caseworker": HAS_ORGANISATION},
    Action.PATH_VIEW: {"candidate": OWN, "facilitator": PROGRAMME},
    Action.PLACEMENT_VIEW: {"facilitator": PROGRAMME},
    Action.PLACEMENT_RECORD: {"facilitator": PROGRAMME},
    Action.STATISTICS: {"facilitator": PROGRAMME, "admin": ANYONE, SYSTEM_ROLE: ANYONE},
    Action.STATISTICS_COUNT: {"facilitator": PROGRAMME & COUNTED, "admin": COUNTED,
                              SYSTEM_ROLE: COUNTED},
    Action.POOLS: {"facilitator": PROGRAMME, "admin": PROGRAMME},
    Action.POOL_PLACE: {"facilitator": PROGRAMME},
    Action.PLAN_VIEW: {"candidate": OWN, "facilitator": PROGRAMME},
    Action.PLAN_EDIT: {"candidate": OWN, "facilitator": PROGRAMME},
    Action.PLAN_PDF: {"candidate": OWN, "facilitator": PROGRAMME},
    Action.PROGRESS_VIEW: {"candidate": OWN, "facilitator": PROGRAMME},
    Action.PROGRESS_RECORD: {"candidate": OWN, "facilitator": PROGRAMME},
    Action.PROGRESS_AREAS: {"facilitator": PROGRAMME},
    Action.CALENDAR: {"facilitator": HAS_ORGANISATION},
    Action.SUS_VIEW: {"facilitator": PROGRAMME},
    Action.SUS_WORKSHEET: {"facilitator": PROGRAMME & SUS_CONSENTED & UNPROTECTED},
    Action.SUS_RECORD: {"facilitator": PROGRAMME & SUS_CONSENTED & UNPROTECTED},
    Action.INDICATORS_ANSWER: {"candidate": OWN},
    Action.REPORT_FILED: {"candidate": OWN, "facilitator": PROGRAMME & TESTS,
                          "caseworker": SHARED},
    Action.REGRADE: {"admin": ANYONE, SYSTEM_ROLE: ANYONE},
}


def rule_for(role: str, action: Action) -> Rule:
    """The rule a role is held to for an action (NEVER when the table names none)."""
    return RULES[action].get(role, NEVER)


def decide(actor: Actor, action: Action,
           person: PersonFacts | EventFacts | None = None) -> Decision:
    """May ``actor`` do ``action`` (on ``person``)? Actions in WITHOUT_PERSON take no person;
    those in ABOUT_EVENT are asked with an evening's facts; every other action needs a
    person."""
    if (person is None) != (action in WITHOUT_PERSON):
        raise ValueError(f"{action} {'takes no' if person is not None else 'needs a'} person")
    if person is not None and person.restricted \
            and action not in WHILE_RESTRICTED.get(actor.role, ()):
        return Decision(False, action, "restricted", "restricted")
    rule = rule_for(actor.role, action)
    reason = rule.check(actor, person)
    return Decision(reason is None, action, reason or "", rule.name)


def roles_that_may(*actions: Action) -> frozenset[str]:
    """Roles (accounts only) that may do any of ``actions`` for at least some person."""
    return frozenset(role for action in actions for role, rule in RULES[action].items()
                     if rule is not NEVER and role not in (SYSTEM_ROLE, EMPLOYER_ROLE))


def allowed_actions(actor: Actor, person: PersonFacts) -> frozenset[Action]:
    """Every action about a person that ``actor`` may do (for lists and links)."""
    return frozenset(action for action in Action
                     if action not in WITHOUT_PERSON | ABOUT_EVENT | ABOUT_PROGRAMME
                     | ABOUT_LEAD
                     and decide(actor, action, person).allowed)


def policy_table() -> str:
    """The table of RULES as Markdown, as this module's docstring and the README show it."""
    def cell(role: str, action: Action) -> str:
        rule = rule_for(role, action)
        return "–" if rule is NEVER else rule.name

    rows = ["| action | " + " | ".join(ROLES) + " |", "|---" * (len(ROLES) + 1) + "|"]
    rows += [f"| `{action}` | " + " | ".join(cell(role, action) for role in ROLES) + " |"
             for action in Action]
    return "\n".join(rows)
