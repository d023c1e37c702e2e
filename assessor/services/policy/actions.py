"""What the policy decides about: every action on a person's data, what each is about (a
person, an evening, a programme, a lead or nothing), how it is logged, and the roles."""

from __future__ import annotations

import enum


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
