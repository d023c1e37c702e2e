"""Employers, their contact people and their openings (praktik or job).

An employer is an ``Organisation`` (a consent to show a profile names it, as a consent to
share a report names an agency) with the details a programme keeps about it. The programme
that added it manages it (``programme_id``).
"""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.models._checks import one_of
from assessor.models.base import Base
from assessor.models.organisation import Organisation


class OpeningKind(enum.StrEnum):
    """Praktik or a job."""

    PRAKTIK = "praktik"
    JOB = "job"


class RemoteWork(enum.StrEnum):
    """How much of the work can be done from home."""

    NONE = "none"
    PARTLY = "partly"
    FULL = "full"


class Employer(Base):
    """An organisation that offers praktik or jobs, kept by one programme."""

    __tablename__ = "employer"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE"), unique=True)
    #: the programme whose coaches manage it
    programme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    org_number: Mapped[str] = mapped_column(sa.String(20), default="")
    municipality: Mapped[str] = mapped_column(sa.String(100), default="")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    organisation: Mapped[Organisation] = relationship(foreign_keys=[organisation_id])
    contacts: Mapped[list[EmployerContact]] = relationship(
        back_populates="employer", order_by="EmployerContact.id", cascade="all, delete-orphan")
    openings: Mapped[list[Opening]] = relationship(
        back_populates="employer", order_by="Opening.id", cascade="all, delete-orphan")

    @property
    def name(self) -> str:
        """The organisation's name."""
        return self.organisation.name


class EmployerContact(Base):
    """A contact person at an employer."""

    __tablename__ = "employer_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        sa.ForeignKey("employer.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    title: Mapped[str] = mapped_column(sa.String(100), default="")
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    phone: Mapped[str] = mapped_column(sa.String(40), default="")

    employer: Mapped[Employer] = relationship(back_populates="contacts")


class Opening(Base):
    """A praktik place or a job: required levels, hours, place, and what it can offer of
    each checklist item. A placement (later) points at an opening and a person."""

    __tablename__ = "opening"
    __table_args__ = (
        one_of("kind", OpeningKind, "kind_known"),
        one_of("remote", RemoteWork, "remote_known"),
        sa.CheckConstraint("hours_per_week IS NULL OR hours_per_week BETWEEN 1 AND 60",
                           name="hours_range"),
        sa.CheckConstraint("capacity BETWEEN 1 AND 50", name="capacity_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        sa.ForeignKey("employer.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    kind: Mapped[str] = mapped_column(sa.String(20), default=OpeningKind.PRAKTIK.value)
    #: [{"area": "programmering", "level": "Programmering 1 E"}, …]
    requirements: Mapped[list] = mapped_column(sa.JSON, default=list)
    hours_per_week: Mapped[int | None] = mapped_column()
    place: Mapped[str] = mapped_column(sa.String(100), default="")
    remote: Mapped[str] = mapped_column(sa.String(10), default=RemoteWork.NONE.value)
    #: checklist code -> "yes", "can_arrange" or "no" (unanswered: not listed)
    offers: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: lower-case tags for the work (matched against interests)
    tags: Mapped[list] = mapped_column(sa.JSON, default=list)
    capacity: Mapped[int] = mapped_column(default=1)
    open: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    employer: Mapped[Employer] = relationship(back_populates="openings")
