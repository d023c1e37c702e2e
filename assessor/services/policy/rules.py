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

from assessor.services.policy.actions import (
    ABOUT_EVENT,
    ABOUT_LEAD,
    ABOUT_PROGRAMME,
    EMPLOYER_ROLE,
    ROLES,
    SYSTEM_ROLE,
    WHILE_RESTRICTED,
    WITHOUT_PERSON,
    Action,
)
from assessor.services.policy.conditions import (
    ADDED,
    ANYONE,
    COUNTED,
    EMPLOYER_SHARED,
    HAS_ORGANISATION,
    NEVER,
    NO_LOGIN,
    OPEN,
    OWN,
    PROGRAMME,
    SHARED,
    SUS_CONSENTED,
    TESTS,
    UNPROTECTED,
    Rule,
)
from assessor.services.policy.facts import Actor, Decision, EventFacts, PersonFacts

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
