"""The funder report (HTML with charts, CSV), the programme's goals, and the outcome
dashboard. A coach sees the own programme; an admin chooses one or every programme. Each
report is one access-log entry about no person; a refusal is logged and explained."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from assessor.infra.spreadsheet import csv_text
from assessor.models import Organisation, Person
from assessor.services import policy
from assessor.services.placements import today_here
from assessor.services.statistics import StatisticsError
from assessor.services.statistics.dashboard import dashboard_statistics
from assessor.services.statistics.funder import funder_statistics
from assessor.services.statistics.funder_file import funder_file_rows
from assessor.services.statistics.goals import add_goal, goals_of, remove_goal
from assessor.services.statistics.indicators import indicator_statistics
from assessor.services.statistics.leaving import leaving_statistics
from assessor.services.statistics.sus import sus_statistics
from web import database
from web.access import Refused
from web.grading import catalogue
from web.statistics import bp, leaving_words, sus_words
from web.statistics.forms import FilterForm, GoalForm, RemoveGoalForm
from web.survey import words as survey_words


@dataclass(frozen=True)
class Filters:
    """What the page counts: a period, a programme (None: every one) and a gender column."""

    form: FilterForm
    start: date
    end: date
    programme_id: int | None
    gender: str


def programmes() -> list[Organisation]:
    """The organisations people take part in (an admin's choice), by name."""
    session = database.session()
    used = sa.select(Person.organisation_id).where(Person.organisation_id.is_not(None))
    return list(session.scalars(sa.select(Organisation).where(Organisation.id.in_(used))
                                .order_by(Organisation.name)))


def read_filters() -> Filters:
    """The filters from the address; anything that does not fit is named and the default
    (this year up to today, the coach's programme or every one, everyone) is used."""
    admin = current_user.role == "admin"
    form = FilterForm(request.args, organisations=programmes() if admin else [])
    today = today_here()
    valid = form.validate()
    for errors in form.errors.values():
        for message in errors:
            flash(str(message), "error")
    start = form.start.data if valid and form.start.data else date(today.year, 1, 1)
    end = form.end.data if valid and form.end.data else today
    if start > end:
        flash(_("The period ends before it starts: this year is shown."), "error")
        start, end = date(today.year, 1, 1), today
    programme = (int(form.organisation.data) if valid and form.organisation.data else None) \
        if admin else current_user.organisation_id
    return Filters(form, start, end, programme, form.gender.data if valid else "total")


def refused(error: policy.AccessDeniedError):
    """The refusal's log entry stays; the page says why."""
    database.commit_now(database.Early.ACCESS_LOG)
    return Refused(error.decision)


def made(report: Callable, chosen: Filters, **options):
    """``report`` (a statistics service) for the filters; its access-log entry is committed
    with the request, a refusal is kept in the log and explained."""
    session = database.session()
    try:
        result = report(session, current_user, chosen.start, chosen.end, chosen.programme_id,
                        **options)
    except policy.AccessDeniedError as error:
        raise refused(error) from None
    return result


@bp.route("/finansiar")
def funder():
    """The funder report of a period, with charts and the numbers beside them."""
    chosen = read_filters()
    report = made(funder_statistics, chosen)
    return render_template("statistics/funder.html", report=report, filters=chosen,
                           goals=goals_of(database.session(), chosen.programme_id),
                           goal_form=GoalForm(), remove_form=RemoveGoalForm(),
                           query=request.args.to_dict(),
                           leaving=made(leaving_statistics, chosen), leaving_words=leaving_words,
                           indicators=made(indicator_statistics, chosen),
                           indicator_row_names=survey_words.ROW_NAMES,
                           sus=made(sus_statistics, chosen), sus_words=sus_words)


@bp.route("/finansiar.csv")
def funder_csv():
    """The same report as a CSV file (logged as an export)."""
    chosen = read_filters()
    header, *rows = made(funder_file_rows, chosen)
    name = f"finansiarsrapport-{chosen.start.isoformat()}-{chosen.end.isoformat()}.csv"
    return Response(csv_text(header, rows), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


GOAL_ERRORS = {"goal": _l("A goal is a whole per cent from 0 to 100. Nothing was changed."),
               "too_many": _l("The programme has as many goals as a report can hold. Remove "
                              "one first. Nothing was changed.")}


def programme_chosen(chosen: Filters) -> bool:
    """Goals belong to one programme: say so when none is chosen."""
    if chosen.programme_id is None:
        flash(_("Choose a programme first: goals belong to one programme."), "error")
    return chosen.programme_id is not None


@bp.route("/mal", methods=["POST"])
def goals():
    """Add a goal to the programme's."""
    chosen = read_filters()
    back = redirect(url_for(".funder", **request.args.to_dict()))
    form = GoalForm()
    if not programme_chosen(chosen):
        return back
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for message in errors:
                flash(str(message), "error")
        return back
    try:
        add_goal(database.session(), current_user, chosen.programme_id, form.outcome.data,
                 form.percent.data, form.name.data or "")
    except policy.AccessDeniedError as error:
        raise refused(error) from None
    except StatisticsError as error:
        database.discard()
        flash(str(GOAL_ERRORS.get(error.code, GOAL_ERRORS["goal"])), "error")
        return back
    flash(_("The goal is saved."), "success")
    return back


@bp.route("/mal/<int:goal_id>/ta-bort", methods=["POST"])
def remove(goal_id: int):
    """Remove one of the programme's goals."""
    chosen = read_filters()
    back = redirect(url_for(".funder", **request.args.to_dict()))
    if not programme_chosen(chosen) or not RemoveGoalForm().validate_on_submit():
        return back
    try:
        removed = remove_goal(database.session(), current_user, chosen.programme_id, goal_id)
    except policy.AccessDeniedError as error:
        raise refused(error) from None
    if removed:
        flash(_("The goal is removed."), "success")
    else:
        flash(_("That goal is not the programme's, or it is already removed."), "error")
    return back


@bp.route("/utfall")
def dashboard():
    """The outcome dashboard: the cohort funnel and the levels per area."""
    chosen = read_filters()
    return render_template("statistics/dashboard.html", filters=chosen,
                           board=made(dashboard_statistics, chosen,
                                      catalogue=catalogue()))
