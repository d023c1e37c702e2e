"""A facilitator's proposal of an opening to a person, the person's answer, and the links
that show an employer the consented profile."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.models._checks import one_of
from assessor.models.base import Base
from assessor.models.consent import Consent
from assessor.models.employer import Opening
from assessor.models.person import Person
from assessor.models.user import User


class ProposalStatus(enum.StrEnum):
    """Where a proposal stands: the facilitator proposes, the candidate decides."""

    PROPOSED = "proposed"
    AGREED = "agreed"
    DECLINED = "declined"


class MatchProposal(Base):
    """One opening proposed to one person (once per pair)."""

    __tablename__ = "match_proposal"
    __table_args__ = (
        one_of("status", ProposalStatus, "status_known"),
        sa.UniqueConstraint("person_id", "opening_id", name="one_per_pair"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True)
    opening_id: Mapped[int] = mapped_column(sa.ForeignKey("opening.id", ondelete="CASCADE"),
                                            index=True)
    status: Mapped[str] = mapped_column(sa.String(20), default=ProposalStatus.PROPOSED.value)
    #: the score when it was proposed (the reasons are worked out again when shown)
    score: Mapped[float] = mapped_column(default=0.0)
    proposed_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    proposed_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: the yes to show the profile to this employer, given with the agreement
    consent_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("consent.id", ondelete="SET NULL"))

    person: Mapped[Person] = relationship()
    opening: Mapped[Opening] = relationship()
    proposed_by: Mapped[User | None] = relationship()
    consent: Mapped[Consent | None] = relationship()


class EmployerLink(Base):
    """A time-limited link that shows one employer one person's consented profile. Only the
    SHA-256 of its code is kept; every visit is written to the access log."""

    __tablename__ = "employer_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        sa.ForeignKey("match_proposal.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))

    proposal: Mapped[MatchProposal] = relationship()
