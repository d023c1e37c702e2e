"""Mini Hackathon evenings: the event, who takes part, help requests and announcements."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.domain.events import JOIN_CODE_LENGTH, NICKNAME_MAX
from assessor.models.base import Base
from assessor.models.organisation import Organisation
from assessor.models.person import Person

ANNOUNCEMENT_MAX = 500


class Event(Base):
    """One evening of one programme, with its join code and time window (stored in UTC)."""

    __tablename__ = "event"
    __table_args__ = (sa.CheckConstraint("ends_at > starts_at", name="window_ends_after_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    #: the programme whose coaches run it (``services.policy``: ``event.manage``)
    organisation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    starts_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    ends_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    #: closed early by the facilitator (the window then ends here)
    closed_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    place: Mapped[str] = mapped_column(sa.String(200), default="")
    #: held by video: results count as "supervised remotely"
    remote: Mapped[bool] = mapped_column(default=False)
    video_link: Mapped[str] = mapped_column(sa.String(500), default="")
    #: the chosen challenges' ids; empty: each person gets suggestions of their own
    challenge_ids: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: characters from ``domain.events.JOIN_CODE_ALPHABET`` only
    join_code: Mapped[str] = mapped_column(sa.String(JOIN_CODE_LENGTH), unique=True)
    #: the low-stress scoreboard: off by default; frozen keeps the counts of that moment
    scoreboard_on: Mapped[bool] = mapped_column(default=False)
    scoreboard_hidden: Mapped[bool] = mapped_column(default=False)
    scoreboard_frozen_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    organisation: Mapped[Organisation] = relationship()

    @property
    def adaptive(self) -> bool:
        """No chosen set: each person works on the tasks suggested for them."""
        return not self.challenge_ids


class Participant(Base):
    """A person at an evening: with their account, or as a guest with only a nickname (a
    guest has an account of their own without a password, until they claim their results
    into a real one or the retention period removes it)."""

    __tablename__ = "event_participant"
    __table_args__ = (
        sa.UniqueConstraint("event_id", "person_id", name="one_place_per_person"),
        sa.UniqueConstraint("event_id", "nickname_key", name="one_nickname_per_event"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("event.id", ondelete="CASCADE"),
                                          index=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True)
    nickname: Mapped[str] = mapped_column(sa.String(NICKNAME_MAX))
    #: ``domain.events.nickname_key``: the nickname as compared for duplicates
    nickname_key: Mapped[str] = mapped_column(sa.String(NICKNAME_MAX))
    guest: Mapped[bool] = mapped_column(default=False)
    joined_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: identity seen by a facilitator: from then on, hand-ins in the window are supervised
    checked_in_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    checked_in_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    scoreboard_opt_in: Mapped[bool] = mapped_column(default=False)
    #: SHA-256 of a guest's personal claim link (the link itself is only shown to them)
    claim_token_hash: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    #: a guest's own address for their claim link (optional; never shown to staff), emptied
    #: when the results are claimed and deleted with the guest
    claim_email: Mapped[str | None] = mapped_column(sa.String(254))

    event: Mapped[Event] = relationship()
    person: Mapped[Person] = relationship()


class HelpRequest(Base):
    """"Jag vill ha hjälp": waits in the facilitator's queue until marked handled."""

    __tablename__ = "event_help_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("event.id", ondelete="CASCADE"),
                                          index=True)
    participant_id: Mapped[int] = mapped_column(
        sa.ForeignKey("event_participant.id", ondelete="CASCADE"), index=True)
    asked_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    handled_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    handled_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))

    participant: Mapped[Participant] = relationship()


class Announcement(Base):
    """A message from the facilitator to every participant's page."""

    __tablename__ = "event_announcement"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("event.id", ondelete="CASCADE"),
                                          index=True)
    text: Mapped[str] = mapped_column(sa.String(ANNOUNCEMENT_MAX))
    made_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    made_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
