"""Demo data for development: one account per role with fixed, documented logins.

Two candidates in the demo programme show the two sides of consent. Kim has finished the
questionnaire (its outcome and reasons appear in the report), has graded attempts and shares the
report with the demo agency, so its caseworker can read it. Sam is half-way through the
questionnaire and has said yes only to the tests, not to sharing the report: the caseworker who
opens Sam's report gets a refusal, and the refusal is logged. The programme's coach reaches both
(both said yes to the tests). A few more participants of the programme, without logins, are
at workplaces with follow-ups (``demo_placements``). The programme holds its Mini Hackathon
evenings on Tuesdays 17–19 in the library, so the public calendar and the start page show the
next ones.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.cli.demo_placements import create_demo_placements
from assessor.domain.screening import load_questionnaire
from assessor.models import (
    Consent,
    Organisation,
    Person,
    QuestionnaireResponse,
    QuestionnaireSitting,
    Role,
    Submission,
    User,
)
from assessor.services.accounts import create_user
from assessor.services.calendar.schedule import ScheduleInput, save_schedule
from assessor.services.catalogue import Catalogue, seed_for
from assessor.services.questionnaire import finish
from assessor.services.submissions import NewSubmission, create_submission

log = logging.getLogger(__name__)

DEMO_PASSWORD = "demo-kodprov"
PROGRAMME = "Kodprov demo-program"
AGENCY = "Arbetsförmedlingen (demo)"

#: (email, name, role, organisation)
DEMO_ACCOUNTS = [
    ("kandidat@demo.kodprov.se", "Kim Kandidat", Role.CANDIDATE, None),
    ("kandidat2@demo.kodprov.se", "Sam Sökande", Role.CANDIDATE, None),
    ("handledare@demo.kodprov.se", "Hanna Handledare", Role.FACILITATOR, PROGRAMME),
    ("handlaggare@demo.kodprov.se", "Harald Handläggare", Role.CASEWORKER, AGENCY),
    ("admin@demo.kodprov.se", "Alva Admin", Role.ADMIN, PROGRAMME),
]


def database_is_empty(session: Session) -> bool:
    """True when no account exists yet."""
    return session.scalar(sa.select(sa.func.count()).select_from(User)) == 0


def create_demo(session: Session, catalogue: Catalogue) -> list[str]:
    """Create the demo organisations and accounts (Kim's attempts at tasks of ``catalogue``);
    returns the emails. Flushes, never commits."""
    organisations = {name: Organisation(name=name) for name in (PROGRAMME, AGENCY)}
    session.add_all(organisations.values())
    session.flush()
    for email, name, role, organisation in DEMO_ACCOUNTS:
        user = create_user(session, email=email, name=name, role=role, password=DEMO_PASSWORD)
        user.organisation = organisations.get(organisation) if organisation else None
    session.flush()
    kim, sam = (_person(session, email) for email, *_ in DEMO_ACCOUNTS[:2])
    kim.organisation = sam.organisation = organisations[PROGRAMME]
    _lived_in(session, kim, organisations[AGENCY], catalogue)
    _not_shared(session, sam)
    coach = session.scalar(sa.select(User).where(User.email == DEMO_ACCOUNTS[2][0]))
    create_demo_placements(session, coach)
    save_schedule(session, coach, ScheduleInput(place="Stadsbiblioteket, rum 3"))
    log.info("created %d demo accounts", len(DEMO_ACCOUNTS))
    return [email for email, *_ in DEMO_ACCOUNTS]


def _person(session: Session, email: str) -> Person:
    return session.scalar(sa.select(Person).join(User, Person.user_id == User.id)
                          .where(User.email == email))


#: the second candidate's questionnaire, half done: a few answers about themself and code
DEMO_ANSWERS = {"sr_frequency": "weekly", "sr_languages": ["python", "html_css"],
                "sr_built": ["program", "pc"], "sr_learned": ["self", "videos"],
                "sr_interests": ["coding", "gaming"], "kn_print_loop": "b"}
#: the demo candidate's finished questionnaire: codes weekly, 9 of 10 knowledge items right
FINISHED_ANSWERS = DEMO_ANSWERS | {
    "sr_built": ["program", "website", "pc"], "sr_self_rating": "basic", "kn_condition": "b",
    "kn_list_index": "Linus", "kn_bug": "d", "kn_function": "12", "kn_purpose": "c",
    "kn_concept_variable": "a", "kn_while": "4", "kn_count_if": "2", "kn_html_sql": ["html", "sql"]}


#: (challenge id, which known solution) handed in by the demo candidate
DEMO_SUBMISSIONS = [("p1-summa-medel", "solution"), ("p1-vokaler", "solution"),
                    ("p1-biljettpris", "wrong"), ("w1-semantisk-sida", "solution")]


def _demo_submissions(session: Session, candidate: Person,
                      catalogue: Catalogue) -> list[Submission]:
    """A few attempts (queued), handed in as the candidate would: the reference solution of
    some, a known mistake in one."""
    submissions = []
    for challenge_id, which in DEMO_SUBMISSIONS:
        challenge = catalogue.challenge(challenge_id)
        if challenge is None:
            continue
        seed = seed_for(candidate.public_id, challenge_id)
        variant = challenge.variant(seed)
        known = variant.solution if which == "solution" or not variant.wrongs \
            else variant.wrongs[0]
        files = {name: content.decode("utf-8") for name, content in known.files.items()}
        submissions.append(create_submission(session, candidate, NewSubmission(
            challenge_id=challenge_id, challenge_version=challenge.version, seed=seed,
            files=files), by=candidate.user)[0])
    session.flush()
    return submissions


def _lived_in(session: Session, candidate: Person, agency: Organisation,
              catalogue: Catalogue) -> None:
    """Consents, a finished questionnaire and a few attempts, so the demo looks used."""
    questionnaire = load_questionnaire()
    response = _response(candidate, FINISHED_ANSWERS)
    session.add_all([
        Consent(person_id=candidate.id, purpose="assessment", recorded_by_id=candidate.user_id),
        Consent(person_id=candidate.id, purpose="share_report", organisation_id=agency.id,
                recorded_by_id=candidate.user_id),
        response,
    ])
    session.flush()
    finish(session, questionnaire, response, candidate.user)
    _demo_submissions(session, candidate, catalogue)


def _response(candidate: Person, answers: dict) -> QuestionnaireResponse:
    """The candidate's own questionnaire with these answers, given in one sitting."""
    return QuestionnaireResponse(
        person_id=candidate.id, version=load_questionnaire().version, answers=dict(answers),
        filled_by_id=candidate.user_id,
        sittings=[QuestionnaireSitting(filled_by_id=candidate.user_id, items=list(answers))])


def _not_shared(session: Session, candidate: Person) -> None:
    """Yes to the tests only (no report sharing) and a questionnaire in progress."""
    session.add_all([
        Consent(person_id=candidate.id, purpose="assessment", recorded_by_id=candidate.user_id),
        _response(candidate, DEMO_ANSWERS),
    ])
    session.flush()
