""""Så här fungerar jag": the candidate's own working profile and who changed it.

No diagnosis, health condition or medication is asked or stored, anywhere: the checklist names
functional needs only (``assessor.domain.profiles.checklist``).
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.domain.profiles import REMOTE_PREFERENCES, ProfileContent
from assessor.models._checks import one_of
from assessor.models.base import Base
from assessor.models.person import Person
from assessor.models.user import User


class WorkingProfile(Base):
    """One per person, owned by the person. Staff help is recorded in ``ProfileEdit``."""

    __tablename__ = "working_profile"
    __table_args__ = (
        one_of("remote", REMOTE_PREFERENCES, "remote_known"),
        sa.CheckConstraint("hours_min IS NULL OR hours_min BETWEEN 0 AND 60",
                           name="hours_min_range"),
        sa.CheckConstraint("hours_max IS NULL OR hours_max BETWEEN 0 AND 60",
                           name="hours_max_range"),
        sa.CheckConstraint("max_travel_km IS NULL OR max_travel_km BETWEEN 1 AND 500",
                           name="max_travel_km_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id", ondelete="CASCADE"),
                                           unique=True)
    #: section name (``domain.profiles.SECTIONS``) -> the person's own words
    sections: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: lower-case interest tags
    interests: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: checklist code -> "must" or "helps" (not listed: not relevant)
    needs: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: places the person can travel to (lower-case)
    places: Mapped[list] = mapped_column(sa.JSON, default=list)
    remote: Mapped[str] = mapped_column(sa.String(20), default="no_preference")
    hours_min: Mapped[int | None] = mapped_column()
    hours_max: Mapped[int | None] = mapped_column()
    #: where the person travels from, and how far at most (straight line, km): matching
    #: only (``domain.matching.distance``), never shown to an employer
    home_place: Mapped[str] = mapped_column(sa.String(100), default="", server_default="")
    max_travel_km: Mapped[int | None] = mapped_column()
    #: the parts (``domain.profiles.SHAREABLE``) the person lets an employer see
    shared: Mapped[list] = mapped_column(sa.JSON, default=list)
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    person: Mapped[Person] = relationship()

    def content(self) -> ProfileContent:
        """The profile as the domain rules see it."""
        return ProfileContent(
            sections=dict(self.sections or {}), interests=tuple(self.interests or ()),
            needs=dict(self.needs or {}), places=tuple(self.places or ()),
            remote=self.remote or "no_preference", hours_min=self.hours_min,
            hours_max=self.hours_max, shared=frozenset(self.shared or ()),
            home=self.home_place or "", max_km=self.max_travel_km)


class ProfileEdit(Base):
    """One save of a profile: when, by whom, in which role (a facilitator's help shows)."""

    __tablename__ = "working_profile_edit"

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(
        sa.ForeignKey("working_profile.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    #: "candidate" (the person) or "facilitator" (helped); kept when the account goes
    by_role: Mapped[str] = mapped_column(sa.String(20))
    #: which parts changed, e.g. ["sections", "needs"] (never the content)
    changed: Mapped[list] = mapped_column(sa.JSON, default=list)

    by: Mapped[User | None] = relationship()
