"""What the plan page and its PDF show, and the PDF itself (WeasyPrint, like the report)."""

from __future__ import annotations

from typing import Any

from flask import render_template
from flask_babel import gettext as _
from sqlalchemy.orm import Session

from assessor.models import Person
from assessor.services import policy
from assessor.services.plans import today_here
from assessor.services.plans.editing import plan_of
from assessor.services.plans.evidence import evidence_for
from assessor.services.policy import Action
from web.dates import format_day
from web.grading import catalogue
from web.plans import words
from web.reports.rendering import css_string
from web.words import AREA_NAMES, EVIDENCE_PLACES


def page_context(session: Session, actor: object, person: Person, locale: str) -> dict[str, Any]:
    """The plan, the evidence the viewer may see, and the words the templates use."""
    def may(action: Action) -> bool:
        return bool(policy.check(session, actor, action, person))

    return {"person": person, "plan": plan_of(session, person),
            "own": person.user_id is not None and person.user_id == getattr(actor, "id", None),
            "may_see_hand_ins": may(Action.SUBMISSIONS_FULL),
            "may_see_placements": may(Action.PLACEMENT_VIEW),
            "evidence": evidence_for(session, actor, person, locale, catalogue=catalogue()),
            "area_names": AREA_NAMES, "evidence_places": EVIDENCE_PLACES,
            "goal_state_names": words.GOAL_STATE_NAMES, "edit_names": words.EDIT_NAMES,
            "status_names": words.STATUS_NAMES, "task_outcome_names": words.OUTCOME_NAMES}


def render_pdf(context: dict[str, Any]) -> bytes:
    """A tagged PDF/UA-1 of the plan, with its name, the code name and the page on each page."""
    from weasyprint import HTML

    person = context["person"]
    page = _("Page %(page)s of %(pages)s", page="\0page\0", pages="\0pages\0")
    content = " ".join(f"counter({piece})" if piece in ("page", "pages") else css_string(piece)
                       for piece in page.split("\0") if piece)
    running = {"header": css_string(f"{_('Development plan')} · {person.public_id}"),
               "made": css_string(_("Made %(date)s", date=format_day(today_here()))),
               "page": content}
    html = render_template("plans/print.html", running=running, **context)
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
