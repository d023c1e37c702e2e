"""The SUS section of the funder report: the period's participants counted in statistics, each
with the worksheet SUS gets (in full under the SUS consent without a protected identity, the
facts ``sus.worksheet`` asks; else anonymous), masked by ``domain.statistics.sus``; as rows
for the CSV file and as JSON. Kept apart from the report's other parts, which it only adds to."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.funder.sus import worksheet
from assessor.domain.statistics.sus import (
    CHANGE_ROWS,
    EXIT_ROWS,
    OCCUPATION_ROWS,
    REGISTRATION_ROWS,
    SusFigures,
    SusMember,
    sus_figures,
)
from assessor.domain.statistics.tables import COLUMNS, TOTAL
from assessor.models import SusRegistration
from assessor.services import policy
from assessor.services.funder.sus import as_registration
from assessor.services.statistics.funder import took_part
from assessor.services.statistics.population import Counted, check_period, counted, log_report


def _member(member: Counted, full: bool, record: SusRegistration | None, start: date,
            end: date) -> SusMember:
    left_on = member.participation.left_on if member.participation else None
    birth = member.participation.birth_year if member.participation else None
    sheet = worksheet(full=full, gender=member.person.gender, started=member.enrolled,
                      ended=left_on, birth_year=birth, registration=as_registration(record))
    return SusMember(member.person.gender, left_on is not None and start <= left_on <= end,
                     sheet)


def sus_statistics(session: Session, actor: object, start: date, end: date,
                   programme_id: int | None = None, export: bool = False) -> SusFigures:
    """The masked SUS tables of the people the statistics count (a yes to "Anonymous
    statistics") who took part in ``start``–``end``, of the programme (every programme:
    None); one access-log entry about no person. Flushes."""
    check_period(start, end)
    members = [m for m in counted(session, actor, programme_id) if took_part(m, start, end)]
    facts = policy.service.facts_for(session, [m.person for m in members])
    records = {r.person_id: r for r in session.scalars(sa.select(SusRegistration).where(
        SusRegistration.person_id.in_([m.person.id for m in members])))}
    log_report(session, actor, "statistics.sus", export)
    return sus_figures(
        _member(m, facts[m.person.id].sus_consent and not facts[m.person.id].protected,
                records.get(m.person.id), start, end) for m in members)


def _tables(figures: SusFigures) -> list[tuple[str, dict, tuple[str, ...]]]:
    return [("sus_registrations", figures.registrations, (*REGISTRATION_ROWS, TOTAL)),
            ("sus_exits", figures.exits, (*EXIT_ROWS, TOTAL)),
            ("sus_occupation_before", figures.before, (*OCCUPATION_ROWS, TOTAL)),
            ("sus_occupation_after", figures.after, (*OCCUPATION_ROWS, TOTAL)),
            ("sus_change", figures.change, (*CHANGE_ROWS, TOTAL))]


def sus_rows(figures: SusFigures) -> list[list[str]]:
    """The tables as rows of the funder report's CSV file (codes, not words)."""
    return [[name, row, *(cells[(row, c)].text for c in COLUMNS)]
            for name, cells, rows in _tables(figures) for row in rows]


def sus_json(figures: SusFigures) -> dict:
    """The tables as JSON: counts as text ("<3", "–" or a number)."""
    return {name.removeprefix("sus_"): {row: {c: cells[(row, c)].text for c in COLUMNS}
                                        for row in rows}
            for name, cells, rows in _tables(figures)}
