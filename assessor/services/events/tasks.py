"""Which tasks a participant sees at an evening: the chosen set, or (an adaptive evening) the
tasks suggested for them by the same ability model as their own task list and start page
(``services.skills``: the suggested next task per area). A person without hand-ins (a new
guest) gets the model's starting suggestions: one task per area at the first step."""

from __future__ import annotations

from sqlalchemy.orm import Session

from assessor.models import Event, Person
from assessor.services.catalogue import Catalogue
from assessor.services.skills import all_areas


def tasks_for(session: Session, event: Event, person: Person, *,
              catalogue: Catalogue) -> list[str]:
    """The ids of the tasks ``person`` is offered at ``event``, in the bank's area order
    (tasks no longer in the bank left out)."""
    if not event.adaptive:
        return [c for c in event.challenge_ids if catalogue.challenge(c) is not None]
    return suggested_tasks(session, person, catalogue=catalogue)


def suggested_tasks(session: Session, person: Person, *, catalogue: Catalogue) -> list[str]:
    """The suggested next task of each area (as the start page shows it; an area where every
    task has been tried suggests none)."""
    suggestions = []
    for skill in all_areas(session, person, catalogue=catalogue).values():
        item = skill.assessment.next_item if skill.assessment else None
        if item and catalogue.challenge(item) is not None:
            suggestions.append(item)
    return suggestions
