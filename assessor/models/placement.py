"""Placements (praktik, uppdrag, social enterprise, uppdragstjänst, employment), the states
they went through with their dates, and their scheduled follow-ups.

Placement follow-ups are their own table, not ``FollowUp``: a ``FollowUp`` is one supervised
session that checks a person's code in one area (a verification, under the yes to the tests);
these are the coach's regular contacts while the person is at a workplace, due on a schedule
(``assessor.domain.placements.schedule``), for as long as the placement runs.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.domain.clock import utcnow
from assessor.domain.placements import (
    PARTICIPATION_END_REASONS,
    EmploymentForm,
    EndReason,
    PlacementKind,
    PlacementState,
)
from assessor.models._checks import one_of
from assessor.models.base import Base
from assessor.models.employer import Employer, Opening
from assessor.models.person import Person
from assessor.models.user import User

#: who a follow-up was with, and how it was held
FOLLOW_UP_WITH = ("person", "employer", "both", "other")
FOLLOW_UP_MODES = ("in_person", "video", "phone", "message")
NOTE_LENGTH = 280  #: a short note; the form says: no health details


class Placement(Base):
    """One person at one workplace: what kind, on which terms, and where it stands."""

    __tablename__ = "placement"
    __table_args__ = (
        one_of("kind", PlacementKind, "kind_known"),
        one_of("state", PlacementState, "state_known"),
        sa.CheckConstraint(
            "employment_form IS NULL OR employment_form IN ("
            + ", ".join(f"'{v}'" for v in EmploymentForm) + ")", name="form_known"),
        sa.CheckConstraint(
            "end_reason IS NULL OR end_reason IN ("
            + ", ".join(f"'{v}'" for v in EndReason) + ")", name="end_reason_known"),
        #: an ended placement says why; no other has a reason
        sa.CheckConstraint("(state = 'ended') = (end_reason IS NOT NULL)", name="ended_why"),
        sa.CheckConstraint("hours_per_week IS NULL OR (hours_per_week > 0 AND "
                           "hours_per_week <= 60)", name="hours_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True)
    #: the employer of the programme, when the workplace is one (else ``workplace`` names it)
    employer_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("employer.id", ondelete="SET NULL"), index=True)
    opening_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("opening.id", ondelete="SET NULL"))
    #: the agreed proposal it came from (one placement per proposal)
    proposal_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("match_proposal.id", ondelete="SET NULL"), unique=True)
    workplace: Mapped[str] = mapped_column(sa.String(200), default="")
    title: Mapped[str] = mapped_column(sa.String(200), default="")
    kind: Mapped[str] = mapped_column(sa.String(30))
    #: for an employment (or a placement that became one): lönebidrag, unsubsidised, …
    employment_form: Mapped[str | None] = mapped_column(sa.String(30))
    #: hours a week; 40 h is 100 % of full time (``domain.placements.kinds``)
    hours_per_week: Mapped[float | None] = mapped_column(sa.Float)
    state: Mapped[str] = mapped_column(sa.String(20), default=PlacementState.PROPOSED.value)
    end_reason: Mapped[str | None] = mapped_column(sa.String(20))
    #: the last day of follow-up (at least six months after the start); set at the start
    follow_up_until: Mapped[date | None] = mapped_column(sa.Date)
    #: the coach (brobyggare) who follows the person
    coach_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    person: Mapped[Person] = relationship()
    employer: Mapped[Employer | None] = relationship()
    opening: Mapped[Opening | None] = relationship()
    coach: Mapped[User | None] = relationship()
    steps: Mapped[list[PlacementStep]] = relationship(
        back_populates="placement", order_by="(PlacementStep.day, PlacementStep.id)",
        cascade="all, delete-orphan")
    follow_ups: Mapped[list[PlacementFollowUp]] = relationship(
        back_populates="placement",
        order_by="(PlacementFollowUp.due_on, PlacementFollowUp.held_on, PlacementFollowUp.id)",
        cascade="all, delete-orphan")

    @property
    def workplace_name(self) -> str:
        """The employer's name, or the workplace as written."""
        return self.employer.name if self.employer is not None else self.workplace


class PlacementStep(Base):
    """A state the placement reached, and the day it did."""

    __tablename__ = "placement_step"
    __table_args__ = (
        one_of("state", PlacementState, "state_known"),
        sa.CheckConstraint(
            "reason IS NULL OR reason IN (" + ", ".join(f"'{v}'" for v in EndReason) + ")",
            name="reason_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("placement.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(sa.String(20))
    day: Mapped[date] = mapped_column(sa.Date)
    reason: Mapped[str | None] = mapped_column(sa.String(20))
    recorded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    placement: Mapped[Placement] = relationship(back_populates="steps")


class PlacementFollowUp(Base):
    """A follow-up of a placement: due on a day of the schedule (or an extra one, with no
    due day), held on a day, or cancelled when the placement ended before it."""

    __tablename__ = "placement_follow_up"
    __table_args__ = (
        one_of("with_whom", FOLLOW_UP_WITH, "with_whom_known"),
        one_of("mode", FOLLOW_UP_MODES, "mode_known"),
        sa.CheckConstraint("due_on IS NOT NULL OR held_on IS NOT NULL", name="due_or_held"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("placement.id", ondelete="CASCADE"), index=True)
    due_on: Mapped[date | None] = mapped_column(sa.Date, index=True)
    held_on: Mapped[date | None] = mapped_column(sa.Date)
    cancelled: Mapped[bool] = mapped_column(default=False)
    with_whom: Mapped[str] = mapped_column(sa.String(20), default="person")
    mode: Mapped[str] = mapped_column(sa.String(20), default="in_person")
    note: Mapped[str] = mapped_column(sa.String(NOTE_LENGTH), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    placement: Mapped[Placement] = relationship(back_populates="follow_ups")


class Participation(Base):
    """What the programme records about a person's participation, for follow-up figures and
    funder statistics: when they enrolled and left (and why), the year they were born (age
    groups), a course passed, and moving on to studies. All optional."""

    __tablename__ = "participation"
    __table_args__ = (
        sa.CheckConstraint("birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100",
                           name="birth_year_range"),
        sa.CheckConstraint("left_on IS NULL OR enrolled_on IS NULL OR left_on >= enrolled_on",
                           name="left_after_enrolled"),
        sa.CheckConstraint("end_reason IS NULL OR end_reason IN ("
                           + ", ".join(f"'{v}'" for v in PARTICIPATION_END_REASONS) + ")",
                           name="end_reason_known"),
        #: a reason only for a participation that ended
        sa.CheckConstraint("end_reason IS NULL OR left_on IS NOT NULL", name="ended_why"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id", ondelete="CASCADE"),
                                           unique=True)
    #: when the person joined the programme (else the day the person was added counts)
    enrolled_on: Mapped[date | None] = mapped_column(sa.Date)
    left_on: Mapped[date | None] = mapped_column(sa.Date)
    #: why the participation ended (``PARTICIPATION_END_REASONS``); counted by gender
    end_reason: Mapped[str | None] = mapped_column(sa.String(20))
    birth_year: Mapped[int | None] = mapped_column()
    course_passed_on: Mapped[date | None] = mapped_column(sa.Date)
    studies_from: Mapped[date | None] = mapped_column(sa.Date)
    updated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    person: Mapped[Person] = relationship()


class FunderGoal(Base):
    """One of a programme's goals: a target per cent of the people who ended their
    participation in the period who reached an outcome (e.g. 50 % got a job). A programme
    keeps any number; ``domain.statistics.DEFAULT_GOALS`` count when it has set none."""

    __tablename__ = "funder_goal"
    __table_args__ = (
        sa.CheckConstraint("percent BETWEEN 0 AND 100", name="percent_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    #: the outcome counted (``domain.statistics.GOAL_OUTCOMES``)
    outcome: Mapped[str] = mapped_column(sa.String(20))
    percent: Mapped[int] = mapped_column()
    #: the goal's name as the funder's agreement words it (empty: the outcome's name)
    name: Mapped[str] = mapped_column(sa.String(120), default="", server_default="")
    updated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user_account.id", ondelete="SET NULL"))
