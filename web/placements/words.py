"""The words placement pages use for kinds, forms, states, reasons and follow-ups."""

from flask_babel import lazy_gettext as _l

KIND_NAMES = {
    "praktik": _l("Praktik"),
    "uppdrag": _l("Assignment (uppdrag)"),
    "social_enterprise": _l("Adapted work in a social enterprise"),
    "uppdragstjanst": _l("Assignment service (uppdragstjänst)"),
    "employment": _l("Employment"),
}
FORM_NAMES = {
    "unsubsidised": _l("Ordinary employment"),
    "wage_subsidy": _l("With wage subsidy (lönebidrag)"),
    "introduction_job": _l("Introduction job"),
    "new_start_job": _l("New start job"),
    "sheltered": _l("Sheltered work (OSA, Samhall)"),
    "other": _l("Other form"),
}
DEGREE_NAMES = {
    "below_gain": _l("fewer than 4 hours a week"),
    "gain": _l("counts as a gain (4 hours a week or more)"),
    "goal": _l("reaches the goal (half time or more)"),
}
STATE_NAMES = {
    "proposed": _l("Proposed to the workplace"),
    "interview": _l("Meeting or interview"),
    "started": _l("Started"),
    "employed": _l("Employed"),
    "ended": _l("Ended"),
}
REASON_NAMES = {
    "completed": _l("The planned period is over"),
    "other_job": _l("Moved on to another job"),
    "studies": _l("Moved on to studies"),
    "handed_over": _l("Handed over to the employment service's supported-work consultants"),
    "health": _l("Health"),
    "interest": _l("The work did not interest the person"),
    "employer": _l("The workplace ended it"),
    "moved": _l("Moved away"),
    "other": _l("Other reason"),
}
WITH_NAMES = {
    "person": _l("The person"),
    "employer": _l("The workplace"),
    "both": _l("The person and the workplace"),
    "other": _l("Someone else (family, another agency)"),
}
MODE_NAMES = {
    "in_person": _l("In person"),
    "video": _l("Video"),
    "phone": _l("Phone"),
    "message": _l("Message"),
}
STEP_NAMES = {
    "enrolled": _l("Enrolled"),
    "screened": _l("Questionnaire done"),
    "profile": _l("“How I work” started"),
    "employer_contact": _l("First employer contact"),
    "started": _l("Started at a workplace"),
}
PARTICIPATION_NAMES = {
    "enrolled_on": _l("joined"),
    "left_on": _l("left"),
    "birth_year": _l("born"),
    "course_passed_on": _l("passed the course"),
    "studies_from": _l("moved on to studies"),
}
ERRORS = {
    "future": _l("A date cannot be in the future. Nothing was changed."),
    "employer": _l("That employer is not kept by the person's programme. Nothing was changed."),
    "workplace": _l("Choose an employer or write the workplace's name. Nothing was changed."),
    "form": _l("An employment needs its form; other kinds have none. Nothing was changed."),
    "hours": _l("Hours a week must be above 0 and at most 60. Nothing was changed."),
    "proposal": _l("That proposal is not one the person agreed to. Nothing was changed."),
    "proposal_placed": _l("That proposal already has a placement. Nothing was changed."),
    "not_allowed": _l("The placement cannot go to that state from where it is. Nothing was "
                      "changed."),
    "before_last": _l("The date is before the last step. Nothing was changed."),
    "reason": _l("Say why the placement ended (and only then). Nothing was changed."),
    "end_reason": _l("A reason why the participation ended needs the day it ended. Nothing "
                     "was changed."),
    "period": _l("Follow-up lasts at least six months from the start. Nothing was changed."),
    "not_started": _l("Follow-ups start when the placement has started. Nothing was saved."),
    "held_on": _l("The follow-up's date must be between the start and today. Nothing was "
                  "saved."),
    "follow_up": _l("That follow-up is already recorded. Nothing was saved."),
    "left_before": _l("The person cannot leave before they joined. Nothing was saved."),
    "birth_year": _l("Write a year of birth between 1900 and this year. Nothing was saved."),
    "unknown": _l("That did not work. Nothing was changed. Try again."),
}


def error_text(code: str) -> str:
    """Why a placement operation was refused, in words."""
    return str(ERRORS.get(code, ERRORS["unknown"]))
