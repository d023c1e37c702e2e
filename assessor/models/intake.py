"""Leads (people who showed interest or were referred), the programme's eligibility criteria
and the answers a coach records, and the agencies involved with a person.

No diagnosis, health detail or personal identity number is asked or stored anywhere here:
eligibility is met / not met / not known, with the basis it rests on."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.domain.intake import (
    ELIGIBILITY_ANSWERS,
    ELIGIBILITY_BASES,
    HEARD_VIA,
    LEAD_STATUSES,
    RELATIONS,
    SENDERS,
)
from assessor.models._checks import one_of
from assessor.models.base import Base
from assessor.models.organisation import Organisation
from assessor.models.person import Person, new_public_id
from assessor.models.user import User


class Lead(Base):
    """Someone the programme may work with: from the public interest form or a referral."""

    __tablename__ = "lead"
    __table_args__ = (
        one_of("sender", SENDERS, "sender_known"),
        one_of("heard_via", HEARD_VIA, "heard_via_known"),
        one_of("status", LEAD_STATUSES, "status_known"),
        #: someone on the person's behalf sends the form only with the person's knowledge
        sa.CheckConstraint("sender = 'self' OR person_knows", name="person_knows_when_sent"),
        sa.CheckConstraint("sender <> 'on_behalf' OR relation IN "
                           f"({', '.join(repr(r) for r in RELATIONS)})", name="relation_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the code name staff see instead of the name when the lead is protected
    public_id: Mapped[str] = mapped_column(sa.String(16), unique=True, default=new_public_id)
    #: the programme whose coaches handle the lead
    programme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    sender: Mapped[str] = mapped_column(sa.String(20))
    name: Mapped[str] = mapped_column(sa.String(200))
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    phone: Mapped[str] = mapped_column(sa.String(40), default="")
    municipality: Mapped[str] = mapped_column(sa.String(100), default="")
    heard_via: Mapped[str] = mapped_column(sa.String(20), default="other")
    message: Mapped[str] = mapped_column(sa.String(500), default="")
    #: who sent it on the person's behalf (their name and relation), when not the person
    sender_name: Mapped[str] = mapped_column(sa.String(200), default="")
    relation: Mapped[str] = mapped_column(sa.String(20), default="")
    sender_contact: Mapped[str] = mapped_column(sa.String(254), default="")
    person_knows: Mapped[bool] = mapped_column(default=False)
    #: a referral: the caseworker and the agency they work for
    referred_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    agency_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(sa.String(20), default="new")
    #: the one named coordinator (a coach of the programme)
    coordinator_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    contacted_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: the first interview's structured notes (``domain.intake.InterviewNotes.as_json``)
    interview: Mapped[dict | None] = mapped_column(sa.JSON)
    interviewed_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: the evening the person was invited to, when that was the next step
    event_id: Mapped[int | None] = mapped_column(sa.ForeignKey("event.id", ondelete="SET NULL"))
    #: the person record the lead became (an invitation to the questionnaire makes one)
    person_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("person.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: skyddad identitet before the lead is a person: staff see the code name and a neutral
    #: marker (the policy's ``lead.contact``); the person the lead becomes is protected too
    protected_identity: Mapped[bool] = mapped_column(default=False, server_default=sa.false())

    programme: Mapped[Organisation] = relationship(foreign_keys=[programme_id])
    agency: Mapped[Organisation | None] = relationship(foreign_keys=[agency_id])
    referred_by: Mapped[User | None] = relationship(foreign_keys=[referred_by_id])
    coordinator: Mapped[User | None] = relationship(foreign_keys=[coordinator_id])
    person: Mapped[Person | None] = relationship()
    agencies: Mapped[list[InvolvedAgency]] = relationship(
        back_populates="lead", order_by="InvolvedAgency.id", cascade="all, delete-orphan")
    eligibility: Mapped[list[EligibilityAnswer]] = relationship(
        back_populates="lead", cascade="all, delete-orphan")


class EligibilityCriterion(Base):
    """One criterion of a programme (e.g. "19 years or older"): configured, not coded."""

    __tablename__ = "eligibility_criterion"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(sa.String(200))
    position: Mapped[int] = mapped_column(default=0)
    #: a criterion no longer used stays for the answers recorded against it
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)


class EligibilityAnswer(Base):
    """Whether a lead meets one criterion, and on what basis (never a diagnosis document)."""

    __tablename__ = "eligibility_answer"
    __table_args__ = (
        one_of("answer", ELIGIBILITY_ANSWERS, "answer_known"),
        one_of("basis", ELIGIBILITY_BASES, "basis_known"),
        sa.UniqueConstraint("lead_id", "criterion_id", name="one_answer_per_criterion"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int] = mapped_column(sa.ForeignKey("lead.id", ondelete="CASCADE"))
    criterion_id: Mapped[int] = mapped_column(
        sa.ForeignKey("eligibility_criterion.id", ondelete="CASCADE"))
    answer: Mapped[str] = mapped_column(sa.String(20))
    basis: Mapped[str] = mapped_column(sa.String(30))
    note: Mapped[str] = mapped_column(sa.String(200), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    lead: Mapped[Lead] = relationship(back_populates="eligibility")
    criterion: Mapped[EligibilityCriterion] = relationship()


class InvolvedAgency(Base):
    """An agency involved with the person, so earlier efforts are known."""

    __tablename__ = "involved_agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int] = mapped_column(sa.ForeignKey("lead.id", ondelete="CASCADE"),
                                         index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    #: what the agency does or did for the person, in a few words
    role: Mapped[str] = mapped_column(sa.String(200), default="")
    contact: Mapped[str] = mapped_column(sa.String(200), default="")
    added_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    added_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    lead: Mapped[Lead] = relationship(back_populates="agencies")
