"""The SUS worksheet: registration in and out in SUS's own categories.

SUS (Försäkringskassan's follow-up system for samordningsförbund) is filled in by hand by the
programme's deltagaransvarig; Kodprov prepares the worksheet. It has the person's details only
with the SUS consent (its own purpose, FK form 9443) and without a protected identity; else it
is anonymous: gender and the budget year the person started, nothing more. In SUS 100 % always
means 40 hours a week. The codes follow the research notes (placement-domain.md, B1) and must
be checked against forms 9443 and 9449 before the first real entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assessor.domain.placements import MAX_HOURS, percent_of_full_time

#: sources of income (försörjningskällor), before and after; several may apply
INCOMES = ("lon", "a_kassa", "aktivitetsersattning", "sjukersattning", "sjukpenning",
           "forsorjningsstod", "studiemedel", "aktivitetsstod", "etableringsersattning",
           "ingen_offentlig", "annan")
#: occupation (sysselsättning), before and after: one, with its hours a week
OCCUPATIONS = ("arbete", "arbete_med_stod", "studier", "arbetssokande", "daglig_verksamhet",
               "praktik", "ingen")
#: highest completed education
EDUCATIONS = ("forgymnasial", "gymnasial", "eftergymnasial", "okand")
#: how long the person needed public support before the start
SUPPORT_TIMES = ("ingen", "under_1_ar", "1_2_ar", "3_4_ar", "5_ar_eller_mer", "okand")
#: why the participation ended (avslutsanledning)
END_REASONS = ("planerat_avslut", "arbete", "studier", "annan_insats", "sjukdom", "flytt",
               "eget_beslut", "atertaget_samtycke", "ej_kontakt", "felregistrering", "ovrigt")
#: the genders SUS knows; any other answer is left for the deltagaransvarig
SUS_GENDERS = {"woman": "kvinna", "man": "man"}


@dataclass(frozen=True)
class Registration:
    """What the coach records for registration in (before) and out (after); all optional."""

    income_before: tuple[str, ...] = ()
    occupation_before: str | None = None
    hours_before: float | None = None
    education: str | None = None
    support_time: str | None = None
    income_after: tuple[str, ...] = ()
    occupation_after: str | None = None
    hours_after: float | None = None
    end_reason: str | None = None


class SusError(ValueError):
    """A registration that cannot be kept (``code`` picks the translated message)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def check(registration: Registration) -> None:
    """SusError unless every code is known, hours are from 0 to 60 and come with an
    occupation, and income "no public support" stands alone."""
    for values, known in ((registration.income_before, INCOMES),
                          (registration.income_after, INCOMES),
                          ((registration.occupation_before,), OCCUPATIONS),
                          ((registration.occupation_after,), OCCUPATIONS),
                          ((registration.education,), EDUCATIONS),
                          ((registration.support_time,), SUPPORT_TIMES),
                          ((registration.end_reason,), END_REASONS)):
        if any(value is not None and value not in known for value in values):
            raise SusError("unknown")
    for occupation, hours in ((registration.occupation_before, registration.hours_before),
                              (registration.occupation_after, registration.hours_after)):
        if hours is not None and not 0 <= hours <= MAX_HOURS:
            raise SusError("hours")
        if hours is not None and occupation is None:
            raise SusError("hours_without_occupation")
    for incomes in (registration.income_before, registration.income_after):
        if "ingen_offentlig" in incomes and len(incomes) > 1:
            raise SusError("income_alone")


def budget_year(started: date) -> int:
    """The budget year the person started in (SUS's budget year is the calendar year)."""
    return started.year


@dataclass(frozen=True)
class Worksheet:
    """The worksheet as the deltagaransvarig types it into SUS. ``anonymous`` ones have
    only the gender and the budget year; every other field is None."""

    anonymous: bool
    gender: str | None
    budget_year: int
    started: date | None = None
    ended: date | None = None
    birth_year: int | None = None
    registration: Registration | None = None

    @property
    def percent_before(self) -> int | None:
        """The occupation before, in per cent of full time (40 h = 100 %)."""
        return _percent(self.registration.hours_before if self.registration else None)

    @property
    def percent_after(self) -> int | None:
        """The occupation after, in per cent of full time (40 h = 100 %)."""
        return _percent(self.registration.hours_after if self.registration else None)


def _percent(hours: float | None) -> int | None:
    value = percent_of_full_time(hours)
    return None if value is None else min(value, 100)


def worksheet(*, full: bool, gender: str, started: date, ended: date | None = None,
              birth_year: int | None = None,
              registration: Registration | None = None) -> Worksheet:
    """The worksheet: in full when ``full`` (the SUS consent, no protected identity), else
    anonymous (gender and budget year, nothing else)."""
    sus_gender = SUS_GENDERS.get(gender)
    if not full:
        return Worksheet(True, sus_gender, budget_year(started))
    return Worksheet(False, sus_gender, budget_year(started), started, ended, birth_year,
                     registration or Registration())
