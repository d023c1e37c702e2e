"""The route matrix's actors and the status each expects, named by who gets in."""

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
