"""The person's self-rated conversations as plain data, for their own export."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from assessor.models import Person
from assessor.services.progress.conversations import conversations_of


def progress_data(session: Session, person: Person) -> dict[str, Any]:
    """Every conversation: the day, who wrote it down (a role), the note, each rating."""
    return {"progress_conversations": [
        {"held_on": c.held_on.isoformat(), "written_by": _who(c, person), "note": c.note,
         "ratings": [{"area": r.area.key or r.area.name, "rating": r.rating}
                     for r in c.ratings]}
        for c in conversations_of(session, person)]}


def _who(conversation, person: Person) -> str:
    return "self" if conversation.by_id is not None and conversation.by_id == person.user_id \
        else conversation.by_role
