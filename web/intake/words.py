"""The words for the intake code lists and the four steps of "Din väg" (one home each)."""

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

HEARD_VIA_NAMES = {
    "network": _l("Through someone I know"),
    "social_media": _l("Social media"),
    "library": _l("At a library"),
    "fair": _l("At a fair"),
    "family": _l("From family"),
    "authority": _l("From an authority (for example a caseworker)"),
    "other": _l("Another way"),
}
SENDER_NAMES = {
    "self": _l("The person themself"),
    "on_behalf": _l("Someone on the person's behalf"),
    "referral": _l("A caseworker's referral"),
}
RELATION_NAMES = {
    "family": _l("Family"),
    "neighbour": _l("Neighbour or friend"),
    "caseworker": _l("Caseworker"),
    "other": _l("Other"),
}
STATUS_NAMES = {
    "new": _l("New"),
    "contacted": _l("Contacted"),
    "interviewed": _l("First talk held"),
    "invited": _l("Invited"),
    "closed": _l("Closed"),
}
EXPERIENCE_NAMES = {"none": _l("Nothing yet"), "some": _l("A little"), "much": _l("A lot")}
LEARNED_VIA_NAMES = {
    "self_taught": _l("On their own"),
    "school": _l("At school"),
    "course": _l("A course"),
    "work": _l("At work"),
    "other": _l("Another way"),
}
NEXT_STEP_NAMES = {
    "questionnaire": _l("Invite to the questionnaire"),
    "evening": _l("Invite to a Mini Hackathon evening"),
    "not_now": _l("Not now"),
}
ANSWER_NAMES = {"met": _l("Met"), "not_met": _l("Not met"), "unknown": _l("Not known yet")}
BASIS_NAMES = {
    "decision_seen": _l("We have seen a decision (for example under LSS)"),
    "caseworker_confirms": _l("A caseworker confirms it"),
    "person_says": _l("The person tells us"),
    "population_register": _l("Address or age as the person gave it"),
    "other": _l("Other"),
}

#: "Din väg": for each step, its name, why, when, how and what comes next
STEP_TEXTS = {
    "find": {
        "name": _l("1. We get to know each other"),
        "why": _l("So that we know what you have done with computers, and you know what we "
                  "can offer."),
        "when": _l("At the start, when it suits you."),
        "how": _l("A first talk with your coach, then a short questionnaire you fill in at "
                  "home."),
        "next": _l("When the questionnaire is done, you can start on the tasks."),
    },
    "verify": {
        "name": _l("2. You show what you can do"),
        "why": _l("So that an employer can trust what you know."),
        "when": _l("At your own pace. There is no clock."),
        "how": _l("Tasks at home, and a Mini Hackathon evening or a talk with a coach about "
                  "your code."),
        "next": _l("You get a report that says what you can do. You decide who may read it."),
    },
    "understand": {
        "name": _l("3. How you work best"),
        "why": _l("So that the workplace fits you, not the other way round."),
        "when": _l("Whenever you like, also while you do tasks."),
        "how": _l("You write “How I work”: hours, place, what helps you. A coach can help."),
        "next": _l("Your coach looks for workplaces that fit both your skills and your needs."),
    },
    "match": {
        "name": _l("4. Workplace and follow-up"),
        "why": _l("So that the praktik or job works, for you and for the employer."),
        "when": _l("When there is a place that fits. You always say yes or no first."),
        "how": _l("Your coach suggests a place. You meet the employer. Your coach keeps in "
                  "touch with you and the workplace for at least six months."),
        "next": _l("Praktik can become a job. Your coach is there the whole time."),
    },
}
STATE_NAMES = {"done": _l("Done"), "now": _l("You are here"), "started": _l("Started"),
               "later": _l("Later")}
STAFF_STATE_NAMES = {"done": _l("Done"), "now": _l("Now"), "started": _l("Started"),
                     "later": _l("Later")}
DETAIL_NAMES = {
    "no_consent": _l("No yes to “Tests and results” yet."),
    "questionnaire_none": _l("The questionnaire is not started."),
    "questionnaire_open": _l("The questionnaire is started."),
    "questionnaire_done": _l("The questionnaire is done."),
    "no_hand_ins": _l("No tasks handed in yet."),
    "hand_ins": _l("Tasks handed in; no level yet."),
    "levels_unsupervised": _l("Levels from tasks at home; a supervised session is next."),
    "supervised": _l("A supervised session has confirmed a level."),
    "profile_empty": _l("“How I work” is not written yet."),
    "profile_written": _l("“How I work” is started."),
    "no_proposals": _l("No workplace suggested yet."),
    "proposed": _l("A workplace is suggested."),
    "agreed": _l("Yes to a workplace; follow-up goes on."),
}


def choices_of(names: dict) -> list[SelectChoice]:
    """A form's choices from one of the tables above (code -> words)."""
    return [SelectChoice(code, name) for code, name in names.items()]
