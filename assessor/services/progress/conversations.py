"""Recording and reading the self-rated conversations. The ratings are the person's own; a
coach may write them down during the conversation, and the record says who did."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from assessor.domain.clock import local_date, utcnow
from assessor.domain.progress import MAX_NOTE, RatingError, clean_ratings
from assessor.models import Person, WheelArea, WheelConversation, WheelRating
from assessor.services import policy
from assessor.services.policy import Action
from assessor.services.progress.areas import areas_of


def conversations_of(session: Session, person: Person) -> list[WheelConversation]:
    """The person's conversations, oldest first, with their ratings."""
    return list(session.scalars(
        sa.select(WheelConversation).where(WheelConversation.person_id == person.id)
        .options(selectinload(WheelConversation.ratings).selectinload(WheelRating.area))
        .order_by(WheelConversation.held_on, WheelConversation.id)))


def record_conversation(session: Session, actor: object, person: Person, held_on: date,
                        ratings: Mapping[int, int | None], note: str = "") -> WheelConversation:
    """Write down one conversation: ratings 1–10 for the programme's areas in use (an area
    left empty is not rated), on a day not in the future. Flushes."""
    policy.require(session, actor, Action.PROGRESS_RECORD, person)
    if person.organisation_id is None:
        raise RatingError("programme")
    if held_on > local_date(utcnow()) or held_on.year < 2000:
        raise RatingError("date")
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise RatingError("too_long")
    in_use = {area.id for area in areas_of(session, person.organisation_id)}
    kept = clean_ratings(ratings, in_use)
    who = policy.Actor.of(actor)
    conversation = WheelConversation(person_id=person.id, held_on=held_on, note=note,
                                     by_id=who.id, by_role=who.role)
    conversation.ratings = [WheelRating(area_id=area, rating=rating)
                            for area, rating in sorted(kept.items())]
    session.add(conversation)
    session.flush()
    return conversation


@dataclass(frozen=True)
class Series:
    """One area over time: (day, rating) per conversation that rated it."""

    area: WheelArea
    points: tuple[tuple[date, int], ...]


def series_of(conversations: list[WheelConversation]) -> list[Series]:
    """Per area rated at least once (in the area order), the ratings over time."""
    by_area: dict[int, list[tuple[date, int]]] = {}
    areas: dict[int, WheelArea] = {}
    for conversation in conversations:
        for rating in conversation.ratings:
            areas[rating.area_id] = rating.area
            by_area.setdefault(rating.area_id, []).append((conversation.held_on, rating.rating))
    ordered = sorted(areas.values(), key=lambda a: (a.position, a.id))
    return [Series(area, tuple(by_area[area.id])) for area in ordered]
