"""The rights pages' words: the access log (what was done, by whom, how it went), the requests,
and how long each kind of data is kept."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from assessor.services.rights.access_log import AccessEvent
from web.dates import format_moment
from web.words import role_name

#: an entry's ``what`` (a policy action or an event) as the person is told it
WHAT = {
    "people.list": _l("saw you in a list of people"),
    "person.add": _l("added you to Kodprov"),
    "person.page": _l("opened the page about you"),
    "person.protect": _l("changed your protected identity"),
    "questionnaire.view": _l("read your questionnaire answers"),
    "questionnaire.fill": _l("filled in your questionnaire"),
    "report": _l("read your report"),
    "report.pdf": _l("downloaded your report as a PDF"),
    "report.filed": _l("downloaded an earlier filed copy of your report"),
    "regrade": _l("had your hand-ins checked again after a task was corrected"),
    "submissions": _l("looked at your tasks and hand-ins"),
    "submissions.hand_in": _l("saved or handed in work"),
    "results.use": _l("checked your hand-ins"),
    "follow_up": _l("read a follow-up"),
    "follow_up.record": _l("booked or recorded a follow-up"),
    "consent.view": _l("looked at your consents"),
    "consent": _l("wrote down a yes or a no"),
    "export": _l("downloaded all your data"),
    "access_log": _l("read this log about you"),
    "rights.request": _l("asked for your data to be deleted or restricted"),
    "rights.handle": _l("carried out a request about your data"),
    "profile": _l("read your profile “How I work”"),
    "profile.edit": _l("helped you with your profile “How I work”"),
    "match.rank": _l("looked at how you fit an opening"),
    "match.propose": _l("proposed an opening to you"),
    "profile.employer_link": _l("made a link for an employer to your profile"),
    "profile.employer": _l("opened your profile through a link"),
    "erasure": _l("deleted your data"),
    "restriction": _l("restricted your data"),
}
LOG_KINDS = {"read": _l("Read"), "change": _l("Change"), "export": _l("Export"),
             "denied": _l("Refused")}
KINDS = {"read": _l("Allowed"), "change": _l("Allowed"), "export": _l("Allowed"),
         "denied": _l("Refused")}


def what_done(event: AccessEvent) -> str:
    """What happened, in words (the raw name when there are none)."""
    return str(WHAT.get(event.what, event.what))


def who_did(event: AccessEvent) -> str:
    """"You", "Kodprov itself", or a role at an organisation: never a name or an e-mail."""
    if event.by == "self":
        return _("You")
    if event.by == "system":
        return _("Kodprov itself (automatic)")
    role = role_name(event.by) if event.by else _("A removed account")
    if event.organisation:
        return _("%(role)s at %(organisation)s", role=role, organisation=event.organisation)
    return role


def how_it_went(event: AccessEvent) -> str:
    """Allowed or refused."""
    return str(KINDS.get(event.kind, event.kind))


REQUEST_KINDS = {"erasure": _l("Delete my data"),
                 "restriction": _l("Restrict my data")}
REQUEST_OUTCOMES = {"erased": _l("Deleted"),
                    "restricted": _l("Restricted: nobody but an administrator can reach it")}

#: the kinds of data in ``assessor.services.rights.periods.CATEGORIES``, in words
CATEGORY_NAMES = {
    "account": _l("Your account (name, e-mail, language)"),
    "login_session": _l("Your logins (browser, system and network, never the full address)"),
    "draft": _l("Drafts of tasks"),
    "precheck": _l("Test runs (“Testa”), which never count"),
    "hand_in": _l("Hand-ins with their code and results"),
    "filed_report": _l("Copies of your report as they were downloaded (filed versions)"),
    "questionnaire": _l("Questionnaire answers"),
    "consent": _l("Your yes and no to each purpose"),
    "person": _l("Your person record, with everything above"),
    "follow_up": _l("Supervised follow-ups"),
    "lead": _l("An interest form or a referral that never led further (one that did is kept "
               "with your person record)"),
    "placement": _l("Placements (praktik, assignments, jobs) with their steps and follow-ups"),
    "guest": _l("A guest's results from a Mini Hackathon evening, if never moved into an "
                "account"),
    "evening_sign_up": _l("A sign-up for a Mini Hackathon evening (a name and an e-mail)"),
    "erased_person": _l("What archive rules keep after a deletion"),
    "access_log": _l("The access log (who did what, never the data itself)"),
    "rights_request": _l("Your requests to delete or restrict (only the code name)"),
}
COUNTED_FROM = {
    "ended": _l("after the login ended"),
    "changed": _l("after the last change"),
    "made": _l("after it was made"),
    "held": _l("after the follow-up"),
    "last_activity": _l("after anything last happened (a login, an answer, a hand-in, a "
                        "follow-up)"),
    "done": _l("after it was carried out"),
    "evening": _l("after the evening"),
    "lead_activity": _l("after anything last happened to it (sent, contacted, first talk, "
                        "closed)"),
    "placement_activity": _l("after anything last happened in the placement (a step, a "
                             "follow-up, the last day of follow-up)"),
}
ON_ERASURE = {
    "delete": _l("Deleted when you ask."),
    "archive": _l("Kept when you ask for deletion, because archive rules require it; until "
                  "then your data is restricted."),
    "keep": _l("Kept when you ask for deletion; it holds no data about you, only ids."),
}


def period(category) -> str:
    """How long a kind of data is kept, in words."""
    if category.counted_from == "person":
        return _("As long as your person record.")
    if category.counted_from == "archive":
        return _("Deleted when the last archived record is.")
    days = category.keep.days
    amount = ngettext("%(num)s year", "%(num)s years", days // 365) if days % 365 == 0 \
        else ngettext("%(num)s day", "%(num)s days", days)
    return f"{amount} {COUNTED_FROM.get(category.counted_from, '')}."


def category_name(name: str) -> str:
    """A kind of data in ``CATEGORIES``, in words."""
    return str(CATEGORY_NAMES.get(name, name))


def on_erasure(category) -> str:
    """What happens to a kind of data when the person asks for deletion."""
    return str(ON_ERASURE.get(category.on_erasure, ""))


def request_kind_name(kind: str) -> str:
    """A kind of request (erasure, restriction), in words."""
    return str(REQUEST_KINDS.get(kind, kind))


def request_outcome_name(outcome: str) -> str:
    """How a request was carried out, in words."""
    return str(REQUEST_OUTCOMES.get(outcome, outcome))


def log_kind_name(kind: str) -> str:
    """An access-log entry's kind (read, change, export, refused), in words."""
    return str(LOG_KINDS.get(kind, kind))


def format_iso(value: str | None) -> str:
    """An ISO 8601 moment from the export, on the Swedish clock in words."""
    return format_moment(datetime.fromisoformat(value)) if value else "–"
