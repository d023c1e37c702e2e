"""Intake pools: a programme's funding areas with their places, the people in each area's
queue or holding a place, and the log of every move (``assessor.domain.intake.pools``)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.domain.intake.pools import MAX_PLACES, NAME_LENGTH, MoveKind
from assessor.domain.placements import PARTICIPATION_END_REASONS
from assessor.models._checks import one_of
from assessor.models.base import Base
from assessor.models.intake import Lead
from assessor.models.person import Person

#: waiting in the queue -> offered a place -> admitted -> ended; or left (the queue, or an
#: offer said no to)
ENTRY_STATUSES = ("waiting", "offered", "admitted", "ended", "left")
#: the statuses that hold a place
HOLDING = ("offered", "admitted")
ACTIVE = ("waiting", *HOLDING)


class PoolArea(Base):
    """A funding area of a programme (e.g. a samordningsförbund) and its number of places."""

    __tablename__ = "pool_area"
    __table_args__ = (
        sa.UniqueConstraint("programme_id", "name", name="one_name_per_programme"),
        sa.CheckConstraint(f"places BETWEEN 0 AND {MAX_PLACES}", name="places_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(NAME_LENGTH))
    places: Mapped[int] = mapped_column(default=0)
    #: the areas' order on the page; it also breaks a tie when a place is lent
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)


class PoolEntry(Base):
    """A lead or a person from an area: in its queue, or holding a place of ``place_area``
    (their own area's, or one lent from another)."""

    __tablename__ = "pool_entry"
    __table_args__ = (
        one_of("status", ENTRY_STATUSES, "status_known"),
        sa.CheckConstraint("lead_id IS NOT NULL OR person_id IS NOT NULL", name="someone"),
        #: exactly the offered and admitted hold a place
        sa.CheckConstraint("(status IN ('offered', 'admitted')) = (place_area_id IS NOT NULL)",
                           name="holds_when_offered_or_admitted"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    area_id: Mapped[int] = mapped_column(sa.ForeignKey("pool_area.id", ondelete="CASCADE"),
                                         index=True)
    lead_id: Mapped[int | None] = mapped_column(sa.ForeignKey("lead.id", ondelete="CASCADE"),
                                                index=True)
    person_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("person.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(sa.String(20), default="waiting")
    #: the area whose place is held (offered or admitted)
    place_area_id: Mapped[int | None] = mapped_column(sa.ForeignKey("pool_area.id"))
    #: the queue's order: first come, first served
    queued_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    admitted_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    area: Mapped[PoolArea] = relationship(foreign_keys=[area_id])
    place_area: Mapped[PoolArea | None] = relationship(foreign_keys=[place_area_id])
    lead: Mapped[Lead | None] = relationship()
    person: Mapped[Person | None] = relationship()


class PoolMove(Base):
    """One line of the pools' log: what happened, to whom, with which area's place. The
    areas' names are kept as they were, so the log reads the same after a rename."""

    __tablename__ = "pool_move"
    __table_args__ = (
        one_of("kind", MoveKind, "kind_known"),
        sa.CheckConstraint("reason IS NULL OR reason IN ("
                           + ", ".join(f"'{v}'" for v in PARTICIPATION_END_REASONS) + ")",
                           name="reason_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    kind: Mapped[str] = mapped_column(sa.String(20))
    entry_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("pool_entry.id", ondelete="SET NULL"), index=True)
    #: the area whose place (or queue) it is about, and (given back) the area it came from
    area_name: Mapped[str] = mapped_column(sa.String(NAME_LENGTH), default="")
    from_area_name: Mapped[str] = mapped_column(sa.String(NAME_LENGTH), default="")
    #: the person's own area (lent: the area that borrowed the place)
    own_area_name: Mapped[str] = mapped_column(sa.String(NAME_LENGTH), default="")
    places: Mapped[int | None] = mapped_column()  #: the new number of places (``places``)
    reason: Mapped[str | None] = mapped_column(sa.String(20))  #: why a participation ended
    actor_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))

    entry: Mapped[PoolEntry | None] = relationship()
