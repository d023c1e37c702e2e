"""What a placement is: its kind, the form of an employment and its degree.

The programmes count even 4 paid hours a week as a gain and 50–100 % of full time as the goal;
full time is 40 hours a week (as in SUS: 20 h is 50 %).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

FULL_TIME_HOURS = 40  #: 100 % of full time
GAIN_HOURS = 4  #: the fewest paid hours a week the programmes count as a gain
GOAL_PERCENT = 50  #: the programmes' goal: at least half of full time
MAX_HOURS = 60  #: more hours a week than this is a typing error


class PlacementKind(enum.StrEnum):
    """The kinds of placement the programmes use."""

    PRAKTIK = "praktik"  #: praktik at a workplace
    UPPDRAG = "uppdrag"  #: an assignment from a company, organisation or association
    SOCIAL_ENTERPRISE = "social_enterprise"  #: adapted work in a social enterprise
    UPPDRAGSTJANST = "uppdragstjanst"  #: an assignment service
    EMPLOYMENT = "employment"  #: an employment, with its form and degree


class EmploymentForm(enum.StrEnum):
    """The form of an employment (only for ``EMPLOYMENT``)."""

    UNSUBSIDISED = "unsubsidised"  #: an ordinary job on ordinary terms
    WAGE_SUBSIDY = "wage_subsidy"  #: lönebidrag (any of its forms)
    INTRODUCTION_JOB = "introduction_job"  #: introduktionsjobb
    NEW_START_JOB = "new_start_job"  #: nystartsjobb
    SHELTERED = "sheltered"  #: offentligt skyddat arbete or Samhall
    OTHER = "other"


class Degree(enum.StrEnum):
    """How the hours of a paid placement count for the programmes."""

    BELOW_GAIN = "below_gain"  #: fewer than GAIN_HOURS a week
    GAIN = "gain"  #: at least GAIN_HOURS, under the goal
    GOAL = "goal"  #: GOAL_PERCENT of full time or more


class RuleError(ValueError):
    """Something a placement rule does not allow; ``code`` names which."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class KindError(RuleError):
    """A kind, form or number of hours that does not fit."""


@dataclass(frozen=True)
class Terms:
    """A placement's kind, and for an employment its form and hours a week."""

    kind: PlacementKind
    form: EmploymentForm | None = None
    hours_per_week: float | None = None

    @classmethod
    def of(cls, kind: str, form: str | None = None, hours_per_week: float | None = None,
           *, employed: bool = False) -> Terms:
        """Checked terms: an employment (or a placement that became one: ``employed``)
        needs a form, nothing else has one; hours lie above 0 and up to MAX_HOURS.
        KindError otherwise."""
        try:
            placement_kind = PlacementKind(kind)
            employment_form = EmploymentForm(form) if form else None
        except ValueError:
            raise KindError("unknown") from None
        needs_form = employed or placement_kind is PlacementKind.EMPLOYMENT
        if needs_form != (employment_form is not None):
            raise KindError("form")
        if hours_per_week is not None and not 0 < hours_per_week <= MAX_HOURS:
            raise KindError("hours")
        return cls(placement_kind, employment_form, hours_per_week)

    @property
    def percent_of_full_time(self) -> int | None:
        """The hours as a whole per cent of full time (40 h = 100 %), or None."""
        return percent_of_full_time(self.hours_per_week)

    @property
    def degree(self) -> Degree | None:
        """How the hours count, or None when they are not known."""
        return degree_of(self.hours_per_week)


def percent_of_full_time(hours_per_week: float | None) -> int | None:
    """Hours a week as a whole per cent of 40 hours (rounded half up), or None."""
    if hours_per_week is None:
        return None
    return int(hours_per_week * 100 / FULL_TIME_HOURS + 0.5)


def degree_of(hours_per_week: float | None) -> Degree | None:
    """Below a gain (under 4 h), a gain, or the goal (50 % of full time or more)."""
    if hours_per_week is None:
        return None
    if hours_per_week * 100 >= GOAL_PERCENT * FULL_TIME_HOURS:
        return Degree.GOAL
    return Degree.GAIN if hours_per_week >= GAIN_HOURS else Degree.BELOW_GAIN
