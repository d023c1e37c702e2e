"""The SUS worksheet's rules: known codes only, hours as SUS counts them (40 h = 100 %), and
the anonymous worksheet that carries the gender and the budget year and nothing else."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from assessor.domain.funder.sus import (
    END_REASONS,
    INCOMES,
    Registration,
    SusError,
    budget_year,
    check,
    worksheet,
)

FULL = Registration(income_before=("aktivitetsersattning",), occupation_before="ingen",
                    hours_before=0, education="gymnasial", support_time="3_4_ar",
                    income_after=("lon",), occupation_after="arbete", hours_after=20,
                    end_reason="arbete")


def test_a_complete_registration_is_accepted():
    check(FULL)  # no error
    check(Registration())  # every field may wait


@pytest.mark.parametrize(("change", "code"), [
    ({"income_before": ("lottery",)}, "unknown"),
    ({"occupation_after": "astronaut"}, "unknown"),
    ({"education": "phd"}, "unknown"),
    ({"support_time": "forever"}, "unknown"),
    ({"end_reason": "bored"}, "unknown"),
    ({"hours_after": 61}, "hours"),
    ({"hours_before": -1}, "hours"),
    ({"occupation_before": None}, "hours_without_occupation"),
    ({"income_after": ("ingen_offentlig", "lon")}, "income_alone"),
])
def test_a_registration_that_does_not_fit_sus_is_refused_with_its_reason(change, code):
    with pytest.raises(SusError) as error:
        check(dataclasses.replace(FULL, **change))
    assert error.value.code == code


def test_every_code_list_has_the_sus_anchors():
    assert "ingen_offentlig" in INCOMES and "felregistrering" in END_REASONS
    assert "atertaget_samtycke" in END_REASONS


def test_the_anonymous_worksheet_has_only_gender_and_budget_year():
    sheet = worksheet(full=False, gender="woman", started=date(2025, 9, 1),
                      ended=date(2026, 3, 1), birth_year=2001, registration=FULL)
    assert sheet.anonymous
    assert (sheet.gender, sheet.budget_year) == ("kvinna", 2025)
    assert (sheet.started, sheet.ended, sheet.birth_year, sheet.registration) == (
        None, None, None, None)
    assert sheet.percent_before is None and sheet.percent_after is None


def test_the_full_worksheet_counts_40_hours_as_100_percent():
    sheet = worksheet(full=True, gender="man", started=date(2024, 12, 31),
                      registration=dataclasses.replace(FULL, hours_before=10, hours_after=50))
    assert not sheet.anonymous and sheet.budget_year == 2024
    assert (sheet.percent_before, sheet.percent_after) == (25, 100)  # 50 h is still 100 %
    assert sheet.registration.end_reason == "arbete"


def test_a_gender_sus_does_not_know_is_left_for_the_deltagaransvarig():
    assert worksheet(full=True, gender="non_binary", started=date(2025, 1, 1)).gender is None
    assert budget_year(date(2026, 1, 1)) == 2026
