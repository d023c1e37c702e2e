"""Attendance over the programme's evenings (``/kvallar/narvaro``, a coach of the programme:
``events``): per evening, per month and in all, the people by gender masked."""

from __future__ import annotations

from datetime import date

from flask import render_template
from flask_babel import format_date
from flask_login import current_user

from assessor.domain.statistics.attendance import ALL, RETURNING
from assessor.services.events.attendance import programme_attendance
from assessor.services.policy import Action
from web import database
from web.access import allow
from web.events import bp
from web.events.words import ATTENDANCE_ROWS


@bp.route("/narvaro")
def attendance():
    """How many came to the programme's evenings, and how many came back."""
    allow(Action.EVENTS)
    found = programme_attendance(database.session(), current_user)
    months = list(found.summary.months)
    names = {month: _month_name(month) for month in months} | {
        ALL: ATTENDANCE_ROWS[ALL], RETURNING: ATTENDANCE_ROWS[RETURNING]}
    return render_template("events/attendance.html", found=found, months=months,
                           row_names=names, rows=list(found.summary.rows))


def _month_name(month: str) -> str:
    """"2026-11" as "november 2026" in the page's language."""
    year, number = (int(part) for part in month.split("-"))
    return format_date(date(year, number, 1), "LLLL y")
