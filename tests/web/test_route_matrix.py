"""Every route × every role: the status each gets, and an access-log entry for each of it.

The matrix names every (endpoint, method) of ``app.url_map``: a new route without a row fails
``test_the_matrix_names_every_route``. Each request is about Tove (see ``access_world``), whose
questionnaire is left open and whose follow-up is not recorded yet; her state is put back
before every request, so a request that changes something does not decide the next one.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from assessor.models import (
    AccessLog,
    Announcement,
    Consent,
    Draft,
    EligibilityCriterion,
    Event,
    FollowUp,
    HelpRequest,
    Lead,
    Participant,
    Person,
    PoolArea,
    PoolEntry,
    PoolMove,
    QuestionnaireResponse,
    RegradeItem,
    RegradeRun,
    ReportSnapshot,
    RightsRequest,
    Submission,
)
from assessor.services.matching.employers import OpeningInput, add_employer, save_opening
from assessor.services.matching.proposals import propose
from assessor.services.placements.placing import PlacementInput, create_placement
from tests.app_settings import catalogue
from tests.conftest import TEST_PASSWORD
from tests.web.access_world import CHALLENGE, all_right_answers, build_world, person_of

ACTORS = ("anonymous", "candidate self", "candidate other", "coach same org", "coach other org",
          "caseworker with consent", "caseworker without consent", "caseworker without org",
          "admin")

# Expected statuses, in the order of ACTORS. 302 for "anonymous" is the way to the login page.
EVERYONE = (200,) * 9
CANDIDATES = (302, 200, 200, 403, 403, 403, 403, 403, 403)
CANDIDATES_REDIRECTED = (302, 302, 302, 403, 403, 403, 403, 403, 403)
#: about Tove: herself and a coach of her programme (who has her yes to the tests)
TOVE_AND_COACH = (302, 200, 403, 200, 403, 403, 403, 403, 403)
TOVE_AND_COACH_CHANGE = (302, 302, 403, 302, 403, 403, 403, 403, 403)
#: her report: herself, the coach of her programme, the caseworker she shares it with
REPORT = (302, 200, 403, 200, 403, 200, 403, 403, 403)
#: her hand-ins in full (code, staff tests): the coach of her programme and an admin
HAND_INS = (302, 403, 403, 200, 403, 403, 403, 403, 200)
#: pages for every staff member and no candidate (the task preview)
STAFF_ONLY = (302, 403, 403, 200, 200, 200, 200, 200, 200)

#: asking on Tove's behalf: a coach of her programme, an admin
RIGHTS_FOR_TOVE = (302, 403, 403, 200, 403, 403, 403, 403, 200)
ADMIN_ONLY = (302,) + (403,) * 7 + (200,)
#: the coaches' evenings: every coach has a list; one evening is run by its programme's coach
COACHES = (302, 403, 403, 200, 200, 403, 403, 403, 403)
COACHES_CHANGE = (302, 403, 403, 302, 302, 403, 403, 403, 403)
EVENING_COACH = (302, 403, 403, 200, 403, 403, 403, 403, 403)
EVENING_COACH_CHANGE = (302, 403, 403, 302, 403, 403, 403, 403, 403)
#: matching: every coach with a programme, and the coach of the programme that keeps it
PROGRAMME_COACH = (302, 403, 403, 200, 403, 403, 403, 403, 403)
PROGRAMME_COACH_CHANGE = (302, 403, 403, 302, 403, 403, 403, 403, 403)
STATISTICS = (302, 403, 403, 200, 200, 403, 403, 403, 200)

#: (endpoint, method) -> (statuses, about_tove): ``about_tove`` rows must log an entry about
#: her for every staff request the blueprint lets through (a refusal: "denied")
MATRIX: dict[tuple[str, str], tuple[tuple[int, ...], bool]] = {
    ("public.index", "GET"): (EVERYONE, False),
    ("public.about", "GET"): (EVERYONE, False),
    ("public.privacy", "GET"): (EVERYONE, False),
    ("public.accessibility", "GET"): (EVERYONE, False),
    ("public.set_language", "POST"): ((302,) * 9, False),
    ("public.set_text_size", "POST"): ((302,) * 9, False),
    ("auth.login", "GET"): ((200,) + (302,) * 8, False),
    ("auth.login", "POST"): ((200,) + (302,) * 8, False),
    ("auth.logout", "POST"): ((302,) * 9, False),
    ("auth.account", "GET"): ((302,) + (200,) * 8, False),
    ("auth.logout_everywhere", "POST"): ((302,) * 9, False),
    # an unknown code: the calm page, for anyone
    ("auth.link", "GET"): ((404,) * 9, False),
    ("auth.link", "POST"): ((404,) * 9, False),
    ("auth.forgot_password", "GET"): (EVERYONE, False),
    ("auth.forgot_password", "POST"): (EVERYONE, False),
    ("auth.change_password", "GET"): ((302,) + (200,) * 8, False),
    ("auth.change_password", "POST"): ((302,) + (200,) * 8, False),
    # no programme takes registrations: closed; a logged-in user goes home
    ("auth.register", "GET"): ((404,) + (302,) * 8, False),
    ("auth.register", "POST"): ((404,) + (302,) * 8, False),
    ("candidate.index", "GET"): (CANDIDATES, False),
    ("candidate.consent", "GET"): (CANDIDATES, False),
    ("candidate.consent", "POST"): (CANDIDATES_REDIRECTED, False),
    ("caseworker.index", "GET"): ((302, 403, 403, 403, 403, 200, 200, 200, 403), True),
    ("admin.index", "GET"): (ADMIN_ONLY, False),
    ("admin.new_account", "GET"): (ADMIN_ONLY, False),
    ("admin.new_account", "POST"): (ADMIN_ONLY, False),
    ("admin.account", "GET"): (ADMIN_ONLY, False),
    ("admin.account", "POST"): ((302,) + (403,) * 7 + (302,), False),
    ("admin.account_link", "POST"): (ADMIN_ONLY, False),
    ("admin.organisations", "GET"): (ADMIN_ONLY, False),
    ("admin.organisations", "POST"): (ADMIN_ONLY, False),
    ("admin.organisation", "GET"): (ADMIN_ONLY, False),
    ("admin.organisation", "POST"): ((302,) + (403,) * 7 + (302,), False),
    ("admin.item_banks_page", "GET"): (ADMIN_ONLY, False),
    ("admin.item_banks_page", "POST"): (ADMIN_ONLY, False),
    ("admin.outbox", "GET"): (ADMIN_ONLY, False),
    # the guests' retention days: an empty form is refused with a message, nothing changed
    ("admin.settings_page", "GET"): (ADMIN_ONLY, False),
    ("admin.settings_page", "POST"): (ADMIN_ONLY, False),
    # regrades: an empty form gets its message; a run of Tove's task lists her changed hand-in
    ("admin.regrades", "GET"): (ADMIN_ONLY, False),
    ("admin.regrades", "POST"): (ADMIN_ONLY, False),
    ("admin.regrade_run", "GET"): (ADMIN_ONLY, True),
    ("admin.regrade_status", "GET"): (ADMIN_ONLY, False),  # each person logged once per admin
    ("invitations.new", "GET"): ((302, 403, 403, 200, 200, 403, 403, 403, 403), False),
    ("invitations.new", "POST"): ((302, 403, 403, 200, 200, 403, 403, 403, 403), False),
    # Tove has a password: a new-password link, made by her coach or an admin
    ("invitations.person", "GET"): ((302, 403, 403, 200, 403, 403, 403, 403, 200), True),
    ("invitations.person", "POST"): ((302, 403, 403, 200, 403, 403, 403, 403, 200), True),
    ("challenges.index", "GET"): (CANDIDATES, False),
    ("challenges.show", "GET"): (CANDIDATES, False),
    ("challenges.starter", "GET"): (CANDIDATES, False),
    ("challenges.save", "POST"): (CANDIDATES, False),
    ("challenges.submit", "POST"): (CANDIDATES_REDIRECTED, False),
    ("challenges.consent", "POST"): (CANDIDATES_REDIRECTED, False),
    ("challenges.own_input", "POST"): ((302, 400, 400, 403, 403, 403, 403, 403, 403), False),
    ("challenges.submission", "GET"): ((302, 200, 403, 403, 403, 403, 403, 403, 403), True),
    ("facilitator.index", "GET"): ((302, 403, 403, 200, 200, 403, 403, 403, 403), True),
    ("facilitator.person", "GET"): ((302, 403, 403, 200, 403, 403, 403, 403, 403), True),
    ("facilitator.person", "POST"): ((302, 403, 403, 200, 403, 403, 403, 403, 403), True),
    ("facilitator.follow_up", "GET"): ((302, 403, 403, 200, 403, 403, 403, 403, 403), True),
    ("facilitator.follow_up", "POST"): ((302, 403, 403, 302, 403, 403, 403, 403, 403), True),
    ("people.index", "GET"): ((302, 403, 403, 200, 200, 200, 200, 200, 200), True),
    ("people.new", "GET"): ((302, 403, 403, 200, 200, 200, 200, 200, 403), False),
    ("people.new", "POST"): ((302, 403, 403, 200, 200, 200, 200, 200, 403), False),
    ("questionnaire.mine", "GET"): ((302, 302, 302, 404, 404, 404, 404, 404, 403), False),
    ("questionnaire.overview", "GET"): (TOVE_AND_COACH, True),
    ("questionnaire.overview", "POST"): (TOVE_AND_COACH_CHANGE, True),
    ("questionnaire.question", "GET"): (TOVE_AND_COACH, True),
    ("questionnaire.question", "POST"): (TOVE_AND_COACH_CHANGE, True),
    ("questionnaire.confirm", "GET"): (TOVE_AND_COACH, True),
    ("questionnaire.confirm", "POST"): (TOVE_AND_COACH_CHANGE, True),
    ("reports.show", "GET"): (REPORT, True),
    ("reports.pdf", "GET"): (REPORT, True),
    # a copy filed by the caseworker she shares the report with
    ("reports.filed_version", "GET"): (REPORT, True),
    ("candidate.my_data", "GET"): (CANDIDATES, False),
    ("candidate.my_data_json", "GET"): (CANDIDATES, False),
    ("candidate.who_read", "GET"): (CANDIDATES, False),
    ("candidate.ask", "GET"): (CANDIDATES, False),
    ("candidate.ask", "POST"): (CANDIDATES, False),
    ("people.privacy", "GET"): (RIGHTS_FOR_TOVE, True),
    ("people.privacy", "POST"): (RIGHTS_FOR_TOVE, True),
    ("people.protect", "POST"): ((302, 403, 403, 302, 403, 403, 403, 403, 302), True),
    ("admin.access_log_page", "GET"): (ADMIN_ONLY, False),
    ("admin.rights_requests", "GET"): (ADMIN_ONLY, False),
    ("admin.carry_out", "POST"): ((302,) + (403,) * 7 + (302,), True),
    ("handins.person", "GET"): (HAND_INS, True),
    ("handins.show", "GET"): (HAND_INS, True),
    ("preview.index", "GET"): (STAFF_ONLY, False),
    ("preview.show", "GET"): (STAFF_ONLY, False),
    ("preview.show", "POST"): (STAFF_ONLY, False),
    ("preview.starter", "GET"): (STAFF_ONLY, False),
    ("people.export", "GET"): ((302, 403, 403, 200, 200, 200, 200, 200, 200), True),
    # Mini Hackathon evenings: Tove takes part in an evening of programme A
    ("events.index", "GET"): (COACHES, False),
    ("events.index", "POST"): (COACHES, False),
    ("events.show", "GET"): (EVENING_COACH, True),
    ("events.live", "GET"): (EVENING_COACH, False),  # each person logged once per coach
    ("events.export", "GET"): (EVENING_COACH, True),
    ("events.check_in", "POST"): (EVENING_COACH_CHANGE, True),
    ("events.handled", "POST"): (EVENING_COACH_CHANGE, False),
    ("events.close", "POST"): (EVENING_COACH_CHANGE, False),
    ("events.announce", "POST"): (EVENING_COACH_CHANGE, False),
    ("events.scoreboard", "POST"): (EVENING_COACH_CHANGE, False),
    # attendance over a coach's own programme's evenings: every coach with a programme
    ("events.attendance", "GET"): (COACHES, False),
    ("evening.join", "GET"): ((200, 200, 200) + (403,) * 6, False),
    ("evening.join", "POST"): ((200, 200, 200) + (403,) * 6, False),
    # Ulf has not joined: he is sent to the join page
    ("evening.evening", "GET"): ((302, 200, 302) + (403,) * 6, False),
    ("evening.updates", "GET"): ((302, 200, 302) + (403,) * 6, False),
    ("evening.help_request", "POST"): ((302, 302, 302) + (403,) * 6, False),
    ("evening.opt_in", "POST"): ((302, 302, 302) + (403,) * 6, False),
    # Tove is no guest: no link to send (a message, and back to the evening)
    ("evening.email_claim_link", "POST"): ((302, 302, 302) + (403,) * 6, False),
    # an unknown claim link
    ("evening.claim", "GET"): ((302, 404, 404) + (403,) * 6, False),
    ("evening.claim", "POST"): ((302, 404, 404) + (403,) * 6, False),
    # "så här fungerar jag": the candidate's own pages; answering Tove's proposal (an empty
    # answer goes back to the list)
    ("profiles.edit", "GET"): (CANDIDATES, False),
    ("profiles.edit", "POST"): (CANDIDATES_REDIRECTED, False),  # an empty profile is saved
    ("profiles.preview", "GET"): (CANDIDATES, False),
    ("profiles.proposals", "GET"): (CANDIDATES, False),
    ("profiles.answer_proposal", "POST"): ((302, 302, 403, 403, 403, 403, 403, 403, 403), True),
    # matching: coaches; the employer and opening belong to Tove's programme
    ("matching.employers", "GET"): (COACHES, False),
    ("matching.employers", "POST"): (COACHES, False),
    ("matching.assignment", "GET"): (COACHES, True),
    ("matching.employer", "GET"): (PROGRAMME_COACH, False),
    ("matching.employer", "POST"): (PROGRAMME_COACH, False),
    ("matching.new_opening", "GET"): (PROGRAMME_COACH, False),
    ("matching.new_opening", "POST"): (PROGRAMME_COACH, False),
    ("matching.opening", "GET"): (PROGRAMME_COACH, False),
    ("matching.opening", "POST"): (PROGRAMME_COACH, False),
    ("matching.ranked", "GET"): (PROGRAMME_COACH, True),
    ("matching.candidate", "GET"): (PROGRAMME_COACH, True),
    ("matching.candidate", "POST"): (PROGRAMME_COACH, True),  # proposed already: the page
    ("matching.employer_link", "POST"): ((302, 403, 403, 302, 403, 403, 403, 403, 403), True),
    ("matching.help_profile", "GET"): (PROGRAMME_COACH, True),
    ("matching.help_profile", "POST"): ((302, 403, 403, 302, 403, 403, 403, 403, 403), True),
    # an unknown link: the calm page, for anyone
    ("employer_view.show", "GET"): ((404,) * 9, False),
    # outreach: the public pages, their PDFs and the interest form (an empty one: its errors)
    ("outreach.people", "GET"): (EVERYONE, False),
    ("outreach.people_pdf", "GET"): (EVERYONE, False),
    ("outreach.employers", "GET"): (EVERYONE, False),
    ("outreach.employers_pdf", "GET"): (EVERYONE, False),
    ("outreach.interest", "GET"): (EVERYONE, False),
    ("outreach.interest", "POST"): (EVERYONE, False),
    ("outreach.thanks", "GET"): (EVERYONE, False),
    # intake: a lead sent to programme A; the criteria of the user's own programme
    ("intake.index", "GET"): (COACHES, False),
    ("intake.lead", "GET"): (PROGRAMME_COACH, False),
    ("intake.lead_action", "POST"): (EVENING_COACH_CHANGE, False),
    ("intake.interview", "GET"): (PROGRAMME_COACH, False),
    ("intake.interview", "POST"): (EVENING_COACH_CHANGE, False),  # the defaults are saved
    ("intake.record_eligibility", "POST"): (EVENING_COACH_CHANGE, False),
    ("intake.agency", "POST"): (PROGRAMME_COACH, False),
    ("intake.invite", "POST"): (PROGRAMME_COACH, False),
    ("intake.protect", "POST"): (PROGRAMME_COACH_CHANGE, False),
    ("intake.criteria", "GET"): ((302, 403, 403, 200, 200, 403, 403, 403, 200), False),
    ("intake.criteria", "POST"): ((302, 403, 403, 200, 200, 403, 403, 403, 200), False),
    ("intake.criterion", "POST"): ((302, 403, 403, 302, 403, 403, 403, 403, 302), False),
    ("intake.refer", "GET"): ((302, 403, 403, 403, 403, 200, 200, 403, 403), False),
    ("intake.refer", "POST"): ((302, 403, 403, 403, 403, 200, 200, 403, 403), False),
    # "Din väg": the candidate's own; Tove's for the coach of her programme
    ("candidate.path", "GET"): (CANDIDATES, False),
    ("intake.paths", "GET"): (COACHES, True),
    ("intake.path", "GET"): (PROGRAMME_COACH, True),
    # placements: the coach of Tove's programme; an empty form changes nothing and goes back
    ("placements.person", "GET"): (PROGRAMME_COACH, True),
    ("placements.new", "POST"): (PROGRAMME_COACH_CHANGE, True),
    ("placements.participation", "POST"): (PROGRAMME_COACH_CHANGE, True),
    ("placements.show", "GET"): (PROGRAMME_COACH, True),
    ("placements.change", "POST"): (PROGRAMME_COACH_CHANGE, True),
    ("placements.follow_up", "POST"): (PROGRAMME_COACH_CHANGE, True),
    ("placements.overdue", "GET"): (COACHES, False),
    # the development plan and progress over time: Tove and a coach of her programme (the
    # programme's case work: no yes to the tests needed); an empty form changes nothing
    ("plans.show", "GET"): (TOVE_AND_COACH, True),
    ("plans.pdf", "GET"): (TOVE_AND_COACH, True),
    ("plans.goal", "POST"): (TOVE_AND_COACH_CHANGE, True),
    ("plans.step", "POST"): (TOVE_AND_COACH_CHANGE, True),
    ("plans.review", "POST"): (TOVE_AND_COACH_CHANGE, True),
    ("progress.show", "GET"): (TOVE_AND_COACH, True),
    ("progress.show", "POST"): (TOVE_AND_COACH, True),  # nothing rated: the page says why
    ("progress.programme_areas", "GET"): (COACHES, False),
    ("progress.programme_areas", "POST"): ((302, 403, 403, 302, 302, 403, 403, 403, 403), False),
    # statistics: every coach (the own programme) and an admin (every programme); saving the
    # goals with empty fields puts the defaults back (an admin has chosen no programme)
    ("statistics.funder", "GET"): (STATISTICS, False),
    ("statistics.funder_csv", "GET"): (STATISTICS, False),
    ("statistics.goals", "POST"): ((302, 403, 403, 302, 302, 403, 403, 403, 302), False),
    ("statistics.remove", "POST"): ((302, 403, 403, 302, 302, 403, 403, 403, 302), False),
    ("statistics.dashboard", "GET"): (STATISTICS, False),
    # intake pools: areas and places for a coach or admin of the programme (every coach and
    # the admin have one); queues, admission and ends for its coaches. Tove holds an offered
    # place of programme A; an empty form changes nothing
    ("pools.index", "GET"): ((302, 403, 403, 200, 200, 403, 403, 403, 200), True),
    ("pools.index", "POST"): ((302, 403, 403, 200, 200, 403, 403, 403, 200), True),
    ("pools.area", "POST"): ((302, 403, 403, 302, 403, 403, 403, 403, 302), False),
    ("pools.queue", "POST"): ((302, 403, 403, 302, 302, 403, 403, 403, 403), False),
    ("pools.admit", "POST"): (PROGRAMME_COACH_CHANGE, True),
    ("pools.leave", "POST"): (PROGRAMME_COACH_CHANGE, True),
    ("pools.end", "GET"): (PROGRAMME_COACH, True),
    ("pools.end", "POST"): (PROGRAMME_COACH, True),
    # the public calendar: anyone; Programme A has set no schedule, so no day is an evening,
    # and the withdrawal code is unknown; the schedule page: every coach, for their programme
    # (empty forms show their errors; buttons about no evening go back with a message)
    ("calendar.index", "GET"): (EVERYONE, False),
    ("calendar.sign_up", "GET"): ((404,) * 9, False),
    ("calendar.sign_up", "POST"): ((404,) * 9, False),
    ("calendar.withdraw", "GET"): ((404,) * 9, False),
    ("calendar.withdraw", "POST"): ((404,) * 9, False),
    ("calendar.schedule", "GET"): (COACHES, False),
    ("calendar.schedule", "POST"): (COACHES, False),
    ("calendar.add_break", "POST"): (COACHES, False),
    ("calendar.remove_break", "POST"): (COACHES_CHANGE, False),
    ("calendar.cancel", "POST"): (COACHES_CHANGE, False),
    ("calendar.make_event", "POST"): (COACHES_CHANGE, False),
    ("calendar.signed_up", "GET"): (COACHES, False),
    # SUS: the coach of her programme sees the (anonymous) worksheet; Tove has no yes to SUS,
    # so nobody records its fields, and she has a login, so nobody writes down a yes for her
    ("sus.person", "GET"): (PROGRAMME_COACH, True),
    ("sus.save", "POST"): ((302,) + (403,) * 8, True),
    ("sus.consent", "POST"): ((302,) + (403,) * 8, True),
    ("sus.sheet", "GET"): (PROGRAMME_COACH, True),
    ("sus.sheet_csv", "GET"): (PROGRAMME_COACH, True),
    # the indicator survey: every candidate answers their own (an empty form changes nothing)
    ("survey.index", "GET"): (CANDIDATES, False),
    ("survey.save", "POST"): (CANDIDATES_REDIRECTED, False),
}
#: lists in which Tove appears for these actors (the rest do not list her)
LISTED_FOR = {"caseworker.index": {"caseworker with consent"},
              "facilitator.index": {"coach same org"},
              "people.index": {"coach same org", "caseworker with consent", "admin"},
              "people.export": {"coach same org", "caseworker with consent", "admin"},
              "matching.ranked": {"coach same org"},
              "matching.assignment": {"coach same org"},
              "intake.paths": {"coach same org"},
              "pools.index": {"coach same org"}}
STAFF = frozenset(ACTORS[3:])


def routes(app) -> set[tuple[str, str]]:
    """(endpoint, method) for every URL rule but static files."""
    return {(rule.endpoint, method) for rule in app.url_map.iter_rules()
            if rule.endpoint != "static"
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"})}


def test_the_matrix_names_every_route(app):
    assert routes(app) == set(MATRIX)


@pytest.fixture
def world(db_session):
    world = build_world(db_session)
    db_session.add(Consent(person_id=person_of(db_session, world.users["candidate other"]).id,
                           purpose="assessment"))
    world.request = RightsRequest(person_id=world.tove.id, public_id=world.tove.public_id,
                                  kind="restriction", due_at=datetime.now(UTC),
                                  requested_by_role="candidate")
    db_session.add(world.request)
    world.event = Event(name="Tisdag", organisation_id=world.organisations["Programme A"].id,
                        starts_at=datetime.now(UTC) - timedelta(hours=1),
                        ends_at=datetime.now(UTC) + timedelta(hours=2), place="Rum 3",
                        join_code="ACEFGH")
    db_session.add(world.event)
    db_session.flush()
    world.place = Participant(event_id=world.event.id, person_id=world.tove.id, nickname="Tove",
                              nickname_key="tove")
    db_session.add(world.place)
    db_session.flush()
    world.help = HelpRequest(event_id=world.event.id, participant_id=world.place.id)
    db_session.add(world.help)
    coach = world.users["coach same org"]
    world.employer = add_employer(db_session, coach, "Kodbolaget AB")
    world.opening = save_opening(db_session, coach, world.employer, OpeningInput(title="Test"))
    world.proposal = propose(db_session, coach, world.opening, world.tove, catalogue=catalogue)
    programme_a = world.organisations["Programme A"].id
    world.lead = Lead(programme_id=programme_a, sender="self", name="Vera Ny", email="v@x.se")
    world.criterion = EligibilityCriterion(programme_id=programme_a, text="19 år eller äldre")
    db_session.add_all([world.lead, world.criterion])
    world.placement = create_placement(db_session, coach, world.tove, PlacementInput(
        kind="praktik", workplace="Verkstan"))
    world.pool_area = PoolArea(programme_id=programme_a, name="Höglandet", places=1)
    db_session.add(world.pool_area)
    db_session.flush()
    world.pool_entry = PoolEntry(programme_id=programme_a, area_id=world.pool_area.id,
                                 person_id=world.tove.id, status="offered",
                                 place_area_id=world.pool_area.id)
    db_session.add(world.pool_entry)
    caseworker = world.users["caseworker with consent"]
    world.snapshot = ReportSnapshot(
        person_id=world.tove.id, delivered_by_id=caseworker.id, delivered_by_role="caseworker",
        delivered_for_id=caseworker.organisation_id, sha256="0" * 64, filename="tove.pdf",
        pdf=b"%PDF-1.7 filed")
    world.run = RegradeRun(challenge_id=CHALLENGE, started_by_role="admin", items=[
        RegradeItem(submission_id=world.submission.id, old_score=0.0)])
    db_session.add_all([world.snapshot, world.run])
    db_session.commit()
    world.own_person = {world.users[case].id: person_of(db_session, world.users[case]).id
                        for case in ("candidate self", "candidate other")}
    return world


def put_back(db_session, world) -> None:
    """Tove as the matrix expects her: questionnaire open, follow-up held but not recorded,
    one hand-in, her two consents; nothing anyone added in between."""
    tove = world.tove
    db_session.expire_all()
    responses = db_session.scalars(sa.select(QuestionnaireResponse).where(
        QuestionnaireResponse.person_id == tove.id).order_by(QuestionnaireResponse.id)).all()
    for extra in responses[1:]:
        db_session.delete(extra)
    responses[0].completed_at = responses[0].outcome = None
    responses[0].answers = all_right_answers()
    follow_up = db_session.get(FollowUp, world.follow_up.id)
    follow_up.checklist, follow_up.notes = {}, ""
    follow_up.outcome = follow_up.held_at = None
    follow_up.booked_for = datetime.now(UTC) - timedelta(days=1)
    db_session.execute(sa.delete(Draft))
    db_session.execute(sa.delete(Submission).where(Submission.id != world.submission.id))
    db_session.execute(sa.delete(FollowUp).where(FollowUp.id != world.follow_up.id))
    db_session.execute(sa.delete(RightsRequest).where(RightsRequest.id != world.request.id))
    request = db_session.get(RightsRequest, world.request.id)
    request.done_at = request.outcome = None
    tove = db_session.get(Person, tove.id)
    tove.restricted_at, tove.protected_identity = None, False
    event = db_session.get(Event, world.event.id)
    event.closed_at, event.scoreboard_on, event.scoreboard_hidden = None, False, False
    db_session.execute(sa.delete(Event).where(Event.id != world.event.id))
    db_session.execute(sa.delete(Participant).where(Participant.id != world.place.id))
    db_session.execute(sa.delete(HelpRequest).where(HelpRequest.id != world.help.id))
    db_session.execute(sa.delete(Announcement))
    db_session.get(Participant, world.place.id).checked_in_at = None
    db_session.get(HelpRequest, world.help.id).handled_at = None
    db_session.execute(sa.delete(Lead).where(Lead.id != world.lead.id))
    db_session.execute(sa.delete(EligibilityCriterion).where(
        EligibilityCriterion.id != world.criterion.id))
    lead = db_session.get(Lead, world.lead.id)
    lead.status, lead.interview, lead.interviewed_at = "new", None, None
    lead.coordinator_id = lead.contacted_at = lead.person_id = lead.event_id = None
    lead.protected_identity = False
    lead.agencies.clear()
    lead.eligibility.clear()
    db_session.execute(sa.delete(PoolMove))
    db_session.execute(sa.delete(PoolEntry).where(PoolEntry.id != world.pool_entry.id))
    db_session.execute(sa.delete(PoolArea).where(PoolArea.id != world.pool_area.id))
    area = db_session.get(PoolArea, world.pool_area.id)
    area.name, area.places = "Höglandet", 1
    entry = db_session.get(PoolEntry, world.pool_entry.id)
    entry.status, entry.place_area_id, entry.closed_at = "offered", area.id, None
    db_session.commit()


def url_for_rule(app, endpoint: str, world) -> str:
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    values = {"public_id": world.tove.public_id, "follow_up_id": world.follow_up.id,
              "submission_id": world.submission.id, "challenge_id": CHALLENGE,
              "name": "medel.py", "number": 1, "request_id": world.request.id,
              "code": "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA", "user_id": world.users["candidate self"].id,
              "organisation_id": world.organisations["Programme A"].id,
              "event_id": world.event.id, "participant_id": world.place.id,
              "help_id": world.help.id, "fmt": "csv", "token": "unknown-link",
              "employer_id": world.employer.id, "opening_id": world.opening.id,
              "proposal_id": world.proposal.id, "lead_id": world.lead.id,
              "criterion_id": world.criterion.id,
              "placement_id": world.placement.id, "area_id": world.pool_area.id,
              "entry_id": world.pool_entry.id, "day": "2026-12-08", "break_id": 1,
              "programme_id": world.organisations["Programme A"].id, "point": "start",
              "goal_id": 1,
              "snapshot_id": world.snapshot.id, "run_id": world.run.id}
    return rule.build({k: v for k, v in values.items() if k in rule.arguments},
                      append_unknown=False)[1]


def logged_in(app, world, actor: str):
    client = app.test_client()
    if actor != "anonymous":
        response = client.post("/konto/logga-in", data={"email": world.users[actor].email,
                                                        "password": TEST_PASSWORD})
        assert response.status_code == 302, actor
    return client


def new_entries(db_session, since: int) -> list[AccessLog]:
    db_session.expire_all()
    return list(db_session.scalars(sa.select(AccessLog).where(AccessLog.id > since)))


def last_id(db_session) -> int:
    return db_session.scalar(sa.select(sa.func.max(AccessLog.id))) or 0


def log_problem(actor: str, endpoint: str, status: int, about_tove: bool, entries,
                world) -> str | None:
    """What is wrong with the log entries one request wrote, or None."""
    user = world.users.get(actor)
    mine = [e for e in entries if user is not None and e.actor_id == user.id]
    if status == 403 and actor != "anonymous" and not any(e.action == "denied" for e in mine):
        return "a refusal without a 'denied' entry"
    own = world.own_person.get(user.id) if user is not None else None  # a logged export
    if endpoint not in LISTED_FOR and any(e.person_id not in (None, world.tove.id, own)
                                          for e in mine):
        return "an entry about someone else"
    expected = about_tove and actor in STAFF and status != 403 and (
        endpoint not in LISTED_FOR or actor in LISTED_FOR[endpoint])
    if expected and not any(e.person_id == world.tove.id for e in mine):
        return "a staff access without an entry about the person"
    return None


def test_every_route_answers_every_role_as_the_policy_says_and_logs_it(app, world,
                                                                      db_session):
    clients = {actor: logged_in(app, world, actor) for actor in ACTORS}
    problems = []
    for (endpoint, method), (statuses, about_tove) in sorted(MATRIX.items()):
        url = url_for_rule(app, endpoint, world)
        for actor, expected in zip(ACTORS, statuses, strict=True):
            put_back(db_session, world)
            since = last_id(db_session)
            status = clients[actor].open(url, method=method).status_code
            if status != expected:
                problems.append(f"{method} {url} ({endpoint}) as {actor}: {status}, "
                                f"expected {expected}")
            problem = log_problem(actor, endpoint, status, about_tove,
                                  new_entries(db_session, since), world)
            if problem:
                problems.append(f"{method} {url} ({endpoint}) as {actor}: {problem}")
            if endpoint in ("auth.logout", "auth.logout_everywhere") and actor != "anonymous":
                clients[actor] = logged_in(app, world, actor)
    assert problems == [], "\n".join(problems)
