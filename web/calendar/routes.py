"""The public calendar: the next evenings of every programme, "closed until …", cancelled
evenings with their reason; signing up for one evening and withdrawing through the link in
the mail. No login; rate limited like the other public forms."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from assessor.domain.clock import utcnow
from assessor.models import Organisation
from assessor.services import calendar
from assessor.services.calendar import CalendarError
from web import database
from web.access import public
from web.calendar import bp, mails
from web.calendar.forms import ButtonForm, SignUpForm
from web.calendar.words import WEEKDAYS_PLURAL, clock, error_text, evening_day
from web.ratelimits import INTEREST_FORM, limited

bp.add_app_template_global(evening_day, "evening_day")
bp.add_app_template_global(clock, "clock")
bp.add_app_template_global(WEEKDAYS_PLURAL, "weekdays_plural")


def day_or_404(typed: str) -> date:
    """A day in a URL (``2026-12-08``); 404 for anything else."""
    try:
        return date.fromisoformat(typed)
    except ValueError:
        abort(404)


@bp.route("/kalender")
@public
def index():
    """Every programme's next evenings."""
    calendars = calendar.public_calendars(database.session(), count=6)
    return render_template("calendar/index.html", calendars=calendars,
                           may_sign_up=mails.can_send())


@bp.route("/kalender/<int:programme_id>/<day>/anmal", methods=["GET", "POST"])
@public
@limited(*INTEREST_FORM)
def sign_up(programme_id: int, day: str):
    """Signing up for one evening (optional): a name or nickname and an e-mail."""
    session = database.session()
    wanted, programme = day_or_404(day), session.get(Organisation, programme_id)
    try:
        evening = calendar.coming_evening(session, programme_id, wanted, utcnow())
    except CalendarError as error:
        return render_template("calendar/gone.html", text=error_text(error.code)), 404
    form = SignUpForm()
    if not mails.can_send():
        form = None
    elif form.validate_on_submit():
        try:
            done = calendar.sign_up(session, programme_id, wanted, form.name.data,
                                    form.email.data, locale=str(get_locale()))
        except CalendarError as error:
            database.discard()
            field = form.email if error.code == "email" else form.name
            field.errors = [*field.errors, error_text(error.code)]
        else:
            mails.send_confirmation(done)
            flash(_("Thank you. We sent an e-mail to %(email)s with a link to take it back.",
                    email=done.email), "success")
            return redirect(url_for(".index"))
    return render_template("calendar/sign_up.html", form=form, evening=evening,
                           programme=programme, schedule=calendar.schedule_of(session,
                                                                               programme_id))


@bp.route("/kalender/avanmal/<code>", methods=["GET", "POST"])
@public
def withdraw(code: str):
    """Taking a sign-up back through the link in the mail (a button: a link checker that
    opens the mail withdraws nothing)."""
    session = database.session()
    signed_up = calendar.withdrawal_of(session, code)
    if signed_up is None:
        return render_template("calendar/gone.html", text=_(
            "This link does not work any more. The sign-up may already be taken back, or the "
            "evening is over: then we have deleted it.")), 404
    form = ButtonForm()
    if form.validate_on_submit():
        calendar.withdraw(session, code)
        flash(_("Your sign-up is taken back and deleted."), "success")
        return redirect(url_for(".index"))
    return render_template("calendar/withdraw.html", form=form, signed_up=signed_up,
                           programme=session.get(Organisation, signed_up.programme_id))
