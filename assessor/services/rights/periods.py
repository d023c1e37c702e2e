"""How long Kodprov keeps each kind of data, and what an erasure request does to it: the one
home of these periods (the privacy page, the export, the erasure and ``kodprov retention``
read them here). Replace them with the organisation's own disposal decisions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from assessor.infra.settings import DEFAULT_GUEST_DAYS
from assessor.services.sessions import KEEP_ENDED

DAY = timedelta(days=1)
YEAR = 365 * DAY

#: what an erasure request does to a kind of data
DELETE, ARCHIVE, KEEP = "delete", "archive", "keep"


@dataclass(frozen=True)
class Category:
    """One kind of data: kept ``keep`` after ``counted_from`` (None: as long as the person
    record), and what an erasure request does to it."""

    name: str
    keep: timedelta | None
    #: "ended", "changed", "made", "held", "last_activity", "done", "archive", "evening",
    #: "lead_activity", "placement_activity"
    counted_from: str
    on_erasure: str  #: DELETE, ARCHIVE (kept, the person restricted) or KEEP (ids only)


CATEGORIES = (
    Category("account", None, "person", DELETE),
    Category("login_session", KEEP_ENDED, "ended", DELETE),
    Category("draft", YEAR, "changed", DELETE),
    Category("precheck", 180 * DAY, "made", DELETE),
    Category("hand_in", None, "person", DELETE),
    #: report PDFs exactly as they were downloaded (``ReportSnapshot``)
    Category("filed_report", None, "person", DELETE),
    Category("questionnaire", None, "person", DELETE),
    Category("consent", None, "person", DELETE),
    Category("person", 3 * YEAR, "last_activity", DELETE),
    #: a guest of a Mini Hackathon evening who never claimed the results into an account
    #: (the admin sets the days: ``KODPROV_GUEST_DAYS``; see ``categories``)
    Category("guest", DEFAULT_GUEST_DAYS * DAY, "evening", DELETE),
    #: a sign-up for one evening of the public calendar (a name and an e-mail): deleted the
    #: day after the evening (``assessor.services.calendar``)
    Category("evening_sign_up", DAY, "evening", DELETE),
    Category("follow_up", 2 * YEAR, "held", ARCHIVE),
    #: an interest form or referral that never became a person (one that did goes with the
    #: person: in the export, deleted by the erasure)
    Category("lead", 180 * DAY, "lead_activity", DELETE),
    #: placements with their steps and follow-ups: the programme follows the person for at
    #: least six months and reports to its funders by year, so they are kept three years after
    #: anything last happened in them (the last step, follow-up or day of follow-up), past an
    #: erasure request too (the person is restricted meanwhile), then deleted
    Category("placement", 3 * YEAR, "placement_activity", ARCHIVE),
    Category("erased_person", timedelta(0), "archive", DELETE),
    Category("access_log", 2 * YEAR, "made", KEEP),
    Category("rights_request", 3 * YEAR, "done", KEEP),
)

BY_NAME = {category.name: category for category in CATEGORIES}


def categories(guest_days: int = DEFAULT_GUEST_DAYS) -> tuple[Category, ...]:
    """The periods with the guests' as the settings say (``Settings.guest_days``)."""
    return tuple(replace(c, keep=guest_days * DAY) if c.name == "guest" else c
                 for c in CATEGORIES)


def archived(category: str) -> bool:
    """Whether archive rules keep this kind of data past an erasure request."""
    return BY_NAME[category].on_erasure == ARCHIVE
