"""The route matrix's rows: (endpoint, method) -> (statuses in the order of ACTORS, whether
the request is about Tove and so must be in the access log). ``CORE``: accounts, the
candidate's work, reports, rights and staff pages; ``PROGRAMME_WORK``: evenings, matching,
intake, placements, plans, statistics, pools, the calendar and SUS."""

from __future__ import annotations

from tests.web.route_matrix_statuses import (
    ADMIN_ONLY,
    CANDIDATES,
    CANDIDATES_REDIRECTED,
    COACHES,
    COACHES_CHANGE,
    EVENING_COACH,
    EVENING_COACH_CHANGE,
    EVERYONE,
    HAND_INS,
    PROGRAMME_COACH,
    PROGRAMME_COACH_CHANGE,
    REPORT,
    RIGHTS_FOR_TOVE,
    STAFF_ONLY,
    STATISTICS,
    TOVE_AND_COACH,
    TOVE_AND_COACH_CHANGE,
)

Row = tuple[tuple[int, ...], bool]

CORE: dict[tuple[str, str], Row] = {
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
}

PROGRAMME_WORK: dict[tuple[str, str], Row] = {
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

MATRIX: dict[tuple[str, str], Row] = CORE | PROGRAMME_WORK
#: lists in which Tove appears for these actors (the rest do not list her)
LISTED_FOR = {"caseworker.index": {"caseworker with consent"},
              "facilitator.index": {"coach same org"},
              "people.index": {"coach same org", "caseworker with consent", "admin"},
              "people.export": {"coach same org", "caseworker with consent", "admin"},
              "matching.ranked": {"coach same org"},
              "matching.assignment": {"coach same org"},
              "intake.paths": {"coach same org"},
              "pools.index": {"coach same org"}}
