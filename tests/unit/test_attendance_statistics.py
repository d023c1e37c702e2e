"""Attendance over a programme's evenings, as pure rules: evenings, places, different people,
people who came back, per month and in all; the people by gender masked; and the evenings in
the funder report."""

from __future__ import annotations

from datetime import UTC, date, datetime

from assessor.domain.statistics import Participant, funder_report
from assessor.domain.statistics.attendance import ALL, RETURNING, Visit, attendance

NOV_1, NOV_8, DEC_6 = (datetime(2026, 11, 3, 16, tzinfo=UTC),
                       datetime(2026, 11, 10, 16, tzinfo=UTC),
                       datetime(2026, 12, 8, 16, tzinfo=UTC))


def visit(person, gender, when, evening=None):
    return Visit(person, gender, evening or when.isoformat(), when, when.strftime("%Y-%m"))


def test_evenings_places_people_and_who_came_back_per_month_and_in_all():
    visits = [visit(1, "man", NOV_1), visit(2, "man", NOV_1), visit(1, "man", NOV_8),
              visit(3, "woman", DEC_6), visit(2, "man", DEC_6)]
    found = attendance(visits)
    november, december = found.months["2026-11"], found.months["2026-12"]
    assert (november.evenings, november.attendances, november.people, november.returning) == (
        2, 3, 2, 1)
    assert (december.evenings, december.attendances, december.people, december.returning) == (
        1, 2, 2, 1)
    overall = found.overall
    assert (overall.evenings, overall.attendances, overall.people, overall.returning) == (
        3, 5, 3, 2)
    assert list(found.months) == ["2026-11", "2026-12"]


def test_a_few_people_in_a_gender_split_are_masked_and_cannot_be_worked_out():
    visits = [visit(n, "man", NOV_1) for n in range(5)] + [visit(9, "woman", NOV_1)]
    cells = attendance(visits).by_gender
    assert cells[(ALL, "woman")].text == "<3"
    assert not cells[(ALL, "man")].shown  # with the total of 6, the 5 men would give her away
    assert cells[(ALL, "total")].text == "6"
    assert cells[(RETURNING, "total")].text == "0"


def test_nobody_came_yet():
    found = attendance([])
    assert found.months == {} and found.overall.people == 0
    assert found.by_gender[(ALL, "total")].text == "0"


def test_the_funder_report_counts_the_evenings_and_masks_few_attendees():
    people = [Participant("man", 2000, frozenset(), evenings=2) for _ in range(4)]
    people += [Participant("woman", 2000, frozenset(), evenings=1),
               Participant("woman", 2000, frozenset(), evenings=0)]
    report = funder_report(people, date(2026, 1, 1), date(2026, 12, 31), evenings_held=7)
    assert report.evenings_held == 7
    assert report.evenings[("attendees", "woman")].text == "<3"
    assert not report.evenings[("attendees", "man")].shown
    assert report.evenings[("attendees", "total")].text == "5"
    assert report.evenings[("attendances", "total")].text == "9"
