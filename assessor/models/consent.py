"""Consent per purpose: given, withdrawn, by whom, and to which organisation."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.models._checks import one_of
from assessor.models.base import Base
from assessor.models.organisation import Organisation
from assessor.models.person import Person
from assessor.models.user import User


class ConsentPurpose(enum.StrEnum):
    """Each use of a person's data needs its own consent."""

    ASSESSMENT = "assessment"  #: take the questionnaire and challenges, store results
    SHARE_REPORT = "share_report"  #: let one organisation read the verification report
    EMPLOYER_PROFILE = "employer_profile"  #: show a short profile to employers
    STATISTICS = "statistics"  #: count in anonymous outcome statistics for funders
    #: be registered with one's details in SUS (FK form 9443); kept apart from every other
    #: consent: without it the SUS worksheet is anonymous
    SUS = "sus"


class Consent(Base):
    """One consent. Withdrawing sets ``withdrawn_at``; rows are never deleted for the record."""

    __tablename__ = "consent"
    __table_args__ = (
        one_of("purpose", ConsentPurpose, "purpose_known"),
        #: a report is shared with a named organisation, never with everyone
        sa.CheckConstraint(
            "purpose <> 'share_report' OR organisation_id IS NOT NULL",
            name="share_report_names_organisation",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(sa.String(30))
    organisation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE")
    )
    given_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: who recorded it: the person themself or staff on their behalf
    recorded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL")
    )

    person: Mapped[Person] = relationship()
    organisation: Mapped[Organisation | None] = relationship()
    recorded_by: Mapped[User | None] = relationship()

    @property
    def active(self) -> bool:
        """True while the consent has not been withdrawn."""
        return self.withdrawn_at is None
