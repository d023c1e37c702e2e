"""The coach's schedule page: the recurring evening, the breaks, and for each coming evening
who signed up, cancelling it (those signed up are told by e-mail) or making an evening of it
(run under /kvallar). Every view asks the access policy (``calendar``)."""

from __future__ import annotations

from collections.abc import Callable

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.domain.clock import utcnow
from assessor.services import calendar, events
from assessor.services.calendar import CalendarError
from assessor.services.policy import Action
from web import database
from web.access import allow
from web.calendar import bp, mails
from web.calendar.forms import BreakForm, ButtonForm, CancelForm, ScheduleForm
from web.calendar.routes import day_or_404
from web.calendar.words import error_text, evening_day
from web.events.words import ERRORS as EVENT_ERRORS
from web.grading import catalogue

HERE = ".schedule"


def _attempt(operation: Callable[[], object], success: str) -> bool:
    """Run a calendar operation and say how it went: ``success``, or why nothing changed
    (its writes undone)."""
    try:
        operation()
    except CalendarError as error:
        database.discard()
        flash(error_text(error.code), "error")
        return False
    flash(success, "success")
    return True


def _page(form: ScheduleForm, break_form: BreakForm | None = None):
    session = database.session()
    programme = calendar.calendar_of(session, current_user, count=8)
    days = [e.day for e in programme.evenings] if programme else []
    return render_template(
        "calendar/schedule.html", form=form, break_form=break_form or BreakForm(),
        programme=programme, counts=calendar.sign_up_counts(session, current_user, days),
        made={day: calendar.event_on(session, current_user, day) for day in days},
        stored=calendar.stored_schedule(session, current_user), cancel_form=CancelForm(),
        button=ButtonForm(), may_email=mails.can_send())


@bp.route("/kalender/schema", methods=["GET", "POST"])
def schedule():
    """The programme's schedule, its breaks and its coming evenings."""
    allow(Action.CALENDAR)
    session = database.session()
    stored = calendar.stored_schedule(session, current_user)
    form = ScheduleForm(obj=stored)
    if form.validate_on_submit() and _attempt(
            lambda: calendar.save_schedule(session, current_user, form.schedule()),
            _("The calendar is saved. Anyone can see it on the calendar page.")):
        return redirect(url_for(HERE))
    return _page(form)


@bp.route("/kalender/schema/uppehall", methods=["POST"])
def add_break():
    """A break: days without evenings, with a reason."""
    allow(Action.CALENDAR)
    form = BreakForm()
    if not form.validate_on_submit():
        stored = calendar.stored_schedule(database.session(), current_user)
        return _page(ScheduleForm(obj=stored, formdata=None), form)
    _attempt(lambda: calendar.add_break(database.session(), current_user, form.first.data,
                                        form.last.data, form.reason.data),
             _("The break is saved."))
    return redirect(url_for(HERE))


@bp.route("/kalender/schema/uppehall/<int:break_id>/ta-bort", methods=["POST"])
def remove_break(break_id: int):
    """Take a break out of the schedule."""
    allow(Action.CALENDAR)
    if ButtonForm().validate_on_submit():
        _attempt(lambda: calendar.remove_break(database.session(), current_user, break_id),
                 _("The break is removed."))
    return redirect(url_for(HERE))


@bp.route("/kalender/schema/<day>/stall-in", methods=["POST"])
def cancel(day: str):
    """Cancel one evening with a reason; those who signed up get an e-mail."""
    allow(Action.CALENDAR)
    wanted, form = day_or_404(day), CancelForm()
    if not form.validate_on_submit():
        flash(error_text("reason"), "error")
        return redirect(url_for(HERE))
    try:
        told = calendar.cancel_evening(database.session(), current_user, wanted,
                                       form.reason.data)
    except CalendarError as error:
        database.discard()
        flash(error_text(error.code), "error")
    else:
        mails.send_cancellations(told)
        flash(_("The evening of %(day)s is cancelled. Those who signed up (%(count)s) are told "
                "by e-mail.", day=evening_day(wanted), count=len(told)), "success")
    return redirect(url_for(HERE))


@bp.route("/kalender/schema/<day>/kvall", methods=["POST"])
def make_event(day: str):
    """Make an evening of a calendar evening (name, time and place filled in)."""
    allow(Action.CALENDAR)
    wanted = day_or_404(day)
    if not ButtonForm().validate_on_submit():
        return redirect(url_for(HERE))
    name = _("Mini Hackathon %(day)s", day=evening_day(wanted))
    try:
        event = calendar.make_event(database.session(), current_user, wanted, name,
                                    catalogue=catalogue(), now=utcnow())
    except CalendarError as error:
        database.discard()
        flash(error_text(error.code), "error")
    except events.EventError as error:
        database.discard()
        flash(f"{EVENT_ERRORS[error.code]} {_('Nothing was saved.')}", "error")
    else:
        flash(_("The evening is created. Show the code on the screen."), "success")
        return redirect(url_for("events.show", event_id=event.id))
    return redirect(url_for(HERE))


@bp.route("/kalender/schema/<day>/anmalda")
def signed_up(day: str):
    """Who signed up for one evening (names only; the list is logged)."""
    allow(Action.CALENDAR)
    wanted = day_or_404(day)
    people = calendar.sign_ups_for(database.session(), current_user, wanted)
    return render_template("calendar/signed_up.html", day=wanted, people=people)
