"""The indicator survey in the funder report: the share of those counted who answered
positively at exit in the period, by gender, masked (``domain.statistics.indicator_table``).
Kept apart from ``funder`` so that the report's other parts change on their own."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from assessor.domain.funder.indicators import is_positive
from assessor.domain.statistics.indicators import INDICATOR_ROWS, IndicatorTable, indicator_table
from assessor.domain.statistics.tables import COLUMNS, TOTAL
from assessor.services.funder.indicators import exit_answers
from assessor.services.statistics.population import check_period, counted, log_report


def indicator_statistics(session: Session, actor: object, start: date, end: date,
                         programme_id: int | None = None, export: bool = False
                         ) -> IndicatorTable:
    """The masked table of the exit answers given in ``start``–``end`` by the people the
    statistics count (a yes to "Anonymous statistics"); one access-log entry. Flushes."""
    check_period(start, end)
    members = {m.person.id: m.person.gender for m in counted(session, actor, programme_id)}
    answers = exit_answers(session, members, start, end)
    log_report(session, actor, "statistics.indicators", export)
    return indicator_table([(members[pid], is_positive(a)) for pid, a in answers.items()])


def indicator_rows(table: IndicatorTable) -> list[list[str]]:
    """The table as CSV rows after the funder report's (same columns): the counts, then the
    share answering positively ("–" when masked)."""
    rows = [["indicators_exit", row, *(table.counts[(row, c)].text for c in COLUMNS)]
            for row in (*INDICATOR_ROWS, TOTAL)]
    rows.append(["indicators_exit", "positive_share", *(
        "–" if table.shares[c] is None else f"{table.shares[c]} %" for c in COLUMNS)])
    return rows


def indicator_json(table: IndicatorTable) -> dict:
    """The table as JSON: counts as text, the positive share per column (null when masked)."""
    return {"counts": {row: {c: table.counts[(row, c)].text for c in COLUMNS}
                       for row in (*INDICATOR_ROWS, TOTAL)},
            "positive_percent": dict(table.shares)}
