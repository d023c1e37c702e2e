"""The words for "så här fungerar jag" and matching: sections, checklist items, needs, offers,
and each reason the matching rules give. Swedish comes from the catalogue."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from assessor.domain.matching import Reason

SECTION_NAMES = {
    "strengths": _l("Strengths and interests"),
    "communication": _l("How I communicate best"),
    "environment": _l("My working environment (sound, light, people)"),
    "time": _l("Time and structure"),
    "changes": _l("What helps when something changes"),
    "travel": _l("Travel"),
    "accommodations": _l("What I need at work (the checklist)"),
}
SECTION_HINTS = {
    "strengths": _l("What you are good at and like to do."),
    "communication": _l("For example: in writing, by chat, face to face."),
    "environment": _l("For example: quiet, dim light, few people around."),
    "time": _l("For example: when in the day you work best, and how long."),
    "changes": _l("For example: being told early, in writing."),
    "travel": _l("How you get to work, and how far is fine."),
}
GROUP_NAMES = {
    "env": _l("Environment"), "time": _l("Time and place"),
    "comm": _l("Communication and instructions"), "struct": _l("Structure"),
    "social": _l("Social contact and support"), "intro": _l("Introduction and support"),
}
CHECKLIST_NAMES = {
    "env.quiet_space": _l("Quiet or screened workspace"),
    "env.headphones": _l("Headphones or ear protection allowed"),
    "env.lighting": _l("Adjustable light, no flickering tubes"),
    "env.fixed_desk": _l("A fixed desk of my own"),
    "env.scent_free": _l("No strong scents"),
    "env.retreat_room": _l("A quiet room to go to when stressed"),
    "time.flexible_hours": _l("Flexible start and end times"),
    "time.late_start": _l("Late start; afternoon or evening work possible"),
    "time.gradual_hours": _l("Part-time, or hours that increase step by step"),
    "time.remote": _l("Working from home, fully or partly"),
    "time.extra_breaks": _l("More short breaks when needed"),
    "comm.written": _l("Instructions in writing as well as spoken"),
    "comm.direct": _l("Direct, concrete words without hidden messages"),
    "comm.async": _l("Questions by chat or e-mail instead of phone"),
    "comm.meeting_prep": _l("An agenda in advance; no speaking unprepared"),
    "comm.feedback": _l("Regular, concrete feedback (for example weekly)"),
    "struct.clear_tasks": _l("Clear tasks that say when they are done"),
    "struct.priorities": _l("A priority list; one task at a time"),
    "struct.change_notice": _l("Changes told in good time"),
    "struct.visual_plan": _l("A visual schedule or task board"),
    "social.contact_person": _l("One named contact person"),
    "social.buddy": _l("A buddy who explains unwritten rules"),
    "social.optional_events": _l("Coffee breaks and social events are optional"),
    "social.colleague_info": _l("Colleagues are told how I work (with my yes)"),
    "social.coach_visits": _l("My coach may visit the workplace"),
    "intro.extended": _l("A longer, structured introduction"),
    "intro.praktik_first": _l("Praktik before employment"),
    "intro.af_supports": _l("Open to support from Arbetsförmedlingen"),
    "intro.assistive_tech": _l("Aids or software (planning app, extra screen)"),
}
NEED_NAMES = {"": _l("Not relevant"), "helps": _l("Helps"), "must": _l("Need")}
OFFER_NAMES = {"": _l("Not answered"), "yes": _l("Yes"), "can_arrange": _l("Can be arranged"),
               "no": _l("No")}
REMOTE_NAMES = {"required": _l("I need to work from home"),
                "preferred": _l("I would like to work from home"),
                "no_preference": _l("Either is fine"), "onsite": _l("I want to work on site")}
OPENING_REMOTE_NAMES = {"none": _l("On site"), "partly": _l("Partly from home"),
                        "full": _l("From home")}
KIND_NAMES = {"praktik": _l("Praktik"), "job": _l("Job")}
STATUS_NAMES = {"proposed": _l("Waiting for the person's answer"), "agreed": _l("Said yes"),
                "declined": _l("Said no")}

#: (kind, code) of a reason -> its words; %(a)s and %(b)s are the first two details
REASONS = {
    ("skills", "none_required"): _l("No level is required."),
    ("skills", "level_verified"): _l("Has %(b)s, verified. Needed: %(a)s."),
    ("skills", "level_unverified"): _l("Has %(b)s from home, not yet verified. Needed: %(a)s."),
    ("skills", "level_missing"): _l("Has not shown %(a)s yet."),
    ("accommodations", "none_needed"): _l("Has marked nothing on the checklist."),
    ("accommodations", "offered"): _l("The workplace offers %(a)s of %(b)s things on the "
                                      "person's checklist."),
    ("accommodations", "must_to_arrange"): _l("Something the person needs must be arranged "
                                              "first."),
    ("accommodations", "must_unanswered"): _l("The workplace has not answered about something "
                                              "the person needs."),
    ("accommodations", "must_refused"): _l("The workplace cannot offer something the person "
                                           "needs."),
    ("interests", "shared"): _l("Shared interests: %(all)s."),
    ("interests", "none_shared"): _l("No shared interests."),
    ("interests", "no_tags"): _l("The opening names no interests."),
    ("travel", "remote_wanted"): _l("Work from home, as the person wants."),
    ("travel", "remote_missing"): _l("The person needs to work from home; this opening is on "
                                     "site."),
    ("travel", "place_reachable"): _l("Can travel to %(a)s."),
    ("travel", "remote_possible"): _l("Partly from home."),
    ("travel", "place_not_listed"): _l("%(a)s is not among the places the person can travel "
                                       "to."),
    ("travel", "unknown"): _l("Travel not known yet."),
    ("travel", "within_distance"): _l("%(a)s is about %(b)s km away, within the person's "
                                      "%(c)s km."),
    ("travel", "too_far"): _l("%(a)s is about %(b)s km away, farther than the person's "
                              "%(c)s km."),
    ("hours", "within_range"): _l("%(a)s hours a week suits the person."),
    ("hours", "outside_range"): _l("%(a)s hours a week is outside what the person wants."),
}


def reason_text(reason: Reason, detailed: bool = False) -> str:
    """A reason in words; ``detailed`` adds the checklist items it names (only on the page
    about one person, never in a list)."""
    detail = reason.detail
    words = REASONS.get((reason.kind, reason.code))
    if words is None:
        return f"{reason.kind}: {reason.code}"
    text = str(words) % {"a": detail[0] if detail else "", "b": detail[1] if len(detail) > 1
                         else "", "c": detail[2] if len(detail) > 2 else "",
                         "all": ", ".join(detail)}
    if detailed and reason.kind == "accommodations" and reason.code.startswith("must_"):
        text += " " + ", ".join(str(CHECKLIST_NAMES.get(code, code)) for code in detail)
    return text


def effect_name(effect: str) -> str:
    """What a reason does to the score, in words."""
    return {"+": _("Adds"), "-": _("Takes away"), "flag": _("Look at this"),
            "exclude": _("Not a fit")}.get(effect, effect)
