"""The whole funder report as one file: the participants' tables and every section after them
(why participations ended, the indicator survey, SUS), for the page's CSV download and
``kodprov stats funder``. Each section writes its own access-log entry, as on the page."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from assessor.services.statistics.funder import funder_statistics, report_json, report_rows
from assessor.services.statistics.indicators import (
    indicator_json,
    indicator_rows,
    indicator_statistics,
)
from assessor.services.statistics.leaving import leaving_json, leaving_rows, leaving_statistics
from assessor.services.statistics.sus import sus_json, sus_rows, sus_statistics


def _sections(session: Session, actor: object, start: date, end: date,
              programme_id: int | None) -> tuple:
    return (funder_statistics(session, actor, start, end, programme_id, export=True),
            leaving_statistics(session, actor, start, end, programme_id),
            indicator_statistics(session, actor, start, end, programme_id, export=True),
            sus_statistics(session, actor, start, end, programme_id, export=True))


def funder_file_rows(session: Session, actor: object, start: date, end: date,
                     programme_id: int | None) -> list[list[str]]:
    """The header, then every row of every section. StatisticsError, AccessDeniedError as
    the sections."""
    report, leaving, indicators, sus = _sections(session, actor, start, end, programme_id)
    return [*report_rows(report), *leaving_rows(leaving), *indicator_rows(indicators),
            *sus_rows(sus)]


def funder_file_json(session: Session, actor: object, start: date, end: date,
                     programme_id: int | None) -> dict:
    """Every section as JSON: the report's own keys, then ``leaving``,
    ``indicators_at_exit`` and ``sus``."""
    report, leaving, indicators, sus = _sections(session, actor, start, end, programme_id)
    return report_json(report) | {"leaving": leaving_json(leaving),
                                  "indicators_at_exit": indicator_json(indicators),
                                  "sus": sus_json(sus)}
