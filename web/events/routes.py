"""The facilitator's pages: the programme's evenings, creating one, and running it (code and
QR, the live view, check-in, help queue, announcements, scoreboard, closing, export). Each
asks the access policy about the evening (``event.manage``)."""

from __future__ import annotations

from datetime import datetime

from flask import (
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from assessor.domain.clock import from_local, utcnow
from assessor.models import Event
from assessor.services import events, policy
from assessor.services.events.live import people_at, person_ids_at
from assessor.services.policy import Action
from web import database
from web.account_links import qr_data_uri
from web.errors import json_endpoint
from web.events import bp
from web.events.forms import ADAPTIVE, AnnounceForm, ButtonForm, EventForm, ScoreboardForm
from web.events.words import ERRORS, PHASES
from web.grading import catalogue


def _event(event_id: int) -> Event:
    """The evening, if the current facilitator may run it (404 or a logged 403)."""
    session = database.session()
    event = session.get(Event, event_id)
    if event is None:
        abort(404)
    decision = policy.authorize_event(session, current_user, Action.EVENT_MANAGE, event)
    if not decision.allowed:
        database.commit_now(database.Early.ACCESS_LOG)  # the refusal stays logged
        text = _("This evening belongs to another programme.")
        abort(make_response(render_template("errors/refused.html", text=text,
                                            refused=policy.service.AccessDeniedError(decision)),
                            403))
    return event


def _log_look(event: Event, kind: str = "read", *, once: bool = False) -> None:
    """One access-log entry per participant seen (``once``: only those this facilitator has
    not been logged looking at for this evening yet, so a polling page logs each person once).
    """
    session = database.session()
    what = f"{Action.EVENT_MANAGE} #{event.id}"
    if once:
        policy.service.log_first_looks(session, current_user, person_ids_at(event), kind, what)
        return
    actor = policy.Actor.of(current_user)
    for person in people_at(session, event):
        policy.service.log(session, actor, person, kind, what)


def join_url(event: Event) -> str:
    """The address the QR code opens: the join page with the code filled in."""
    base = current_app.config["KODPROV_SETTINGS"].base_url or request.url_root.rstrip("/")
    return base + url_for("evening.join", kod=event.join_code)


@bp.route("/", methods=["GET", "POST"])
def index():
    """The programme's evenings, and a form for a new one."""
    session = database.session()
    if not policy.check(session, current_user, Action.EVENTS).allowed:
        abort(403)  # a coach without a programme: nothing to run evenings for
    form = EventForm(locale=str(get_locale()))
    if form.validate_on_submit():
        new = events.NewEvent(
            name=form.name.data, starts_at=_utc(form.day.data, form.starts.data),
            ends_at=_utc(form.day.data, form.ends.data), place=form.place.data or "",
            remote=bool(form.remote.data), video_link=form.video_link.data or "",
            challenge_ids=tuple(form.challenges.data or ()),
            adaptive=form.task_mode.data == ADAPTIVE)
        try:
            event = events.create_event(session, new, by=current_user, catalogue=catalogue())
        except events.EventError as error:
            database.discard()
            flash(f"{ERRORS[error.code]} {_('Nothing was saved.')}", "error")
        else:
            flash(_("The evening is created. Show the code on the screen."), "success")
            return redirect(url_for(".show", event_id=event.id))
    return render_template("events/index.html", form=form, events=events.events_of(
        session, current_user), phases=PHASES, now_phase=_phase)


def _utc(day, time) -> datetime:
    return from_local(datetime.combine(day, time))


def _phase(event: Event) -> str:
    return events.window_of(event).phase(utcnow())


@bp.route("/<int:event_id>")
def show(event_id: int):
    """Running the evening: code and QR, the live view, announcements, and what comes after."""
    event = _event(event_id)
    session = database.session()
    _log_look(event)
    locale = str(get_locale())
    board = ScoreboardForm(data={"on": event.scoreboard_on, "hidden": event.scoreboard_hidden,
                                 "frozen": event.scoreboard_frozen_at is not None})
    url = join_url(event)
    return render_template(
        "events/show.html", event=event, phase=_phase(event), phases=PHASES, join_url=url,
        qr=qr_data_uri(url),
        summaries=events.person_summaries(session, event, locale, catalogue=catalogue()),
        announcements=events.announcements(session, event), announce_form=AnnounceForm(),
        board_form=board, button=ButtonForm(),
        chosen=[catalogue().title(c, locale) for c in event.challenge_ids],
        scoreboard=events.scoreboard_lines(session, event))


@bp.route("/<int:event_id>/live")
@json_endpoint
def live(event_id: int):
    """The live view's data, which the page asks for every few seconds."""
    event = _event(event_id)
    session = database.session()
    _log_look(event, once=True)
    data = events.live_view(session, event, str(get_locale()), catalogue=catalogue())
    return jsonify(data)


def _act(event_id: int, act, done: str):
    """Run a facilitator's action on the evening, then go back to its page."""
    event = _event(event_id)
    session = database.session()
    if ButtonForm().validate_on_submit():
        try:
            act(session, event)
        except events.EventError as error:
            database.discard()
            flash(f"{ERRORS[error.code]} {_('Nothing was changed.')}", "error")
        else:
            flash(done, "success")
    return redirect(url_for(".show", event_id=event_id))


@bp.route("/<int:event_id>/incheckning/<int:participant_id>", methods=["POST"])
def check_in(event_id: int, participant_id: int):
    """Identity seen: this person's hand-ins in the window now count as supervised."""
    def act(session, event):
        place = events.check_in(session, event, participant_id, by=current_user)
        policy.service.log(session, policy.Actor.of(current_user), place.person, "change",
                           f"{Action.EVENT_MANAGE} #{event.id}")  # their evidence changes

    return _act(event_id, act, _("Checked in."))


@bp.route("/<int:event_id>/hjalp/<int:help_id>", methods=["POST"])
def handled(event_id: int, help_id: int):
    """A help request is handled: it leaves the queue."""
    return _act(event_id, lambda s, e: events.mark_handled(s, e, help_id, by=current_user),
                _("Marked as handled."))


@bp.route("/<int:event_id>/stang", methods=["POST"])
def close(event_id: int):
    """End the evening now."""
    return _act(event_id, lambda s, e: events.close_event(s, e, by=current_user),
                _("The evening is closed. Later hand-ins count as done at home."))


@bp.route("/<int:event_id>/meddelande", methods=["POST"])
def announce(event_id: int):
    """A message to every participant's page."""
    event = _event(event_id)
    session = database.session()
    form = AnnounceForm()
    if not form.validate_on_submit():
        flash(str(ERRORS["bad_text"]), "error")
        return redirect(url_for(".show", event_id=event_id))
    try:
        events.announce(session, event, form.text.data, by=current_user)
    except events.EventError as error:
        database.discard()
        flash(f"{ERRORS[error.code]} {_('Nothing was changed.')}", "error")
    else:
        flash(_("The message is on everyone's page."), "success")
    return redirect(url_for(".show", event_id=event_id))


@bp.route("/<int:event_id>/topplista", methods=["POST"])
def scoreboard(event_id: int):
    """Turn the scoreboard on or off, hide or freeze it."""
    event = _event(event_id)
    session = database.session()
    form = ScoreboardForm()
    if form.validate_on_submit():
        events.set_scoreboard(session, event, by=current_user, on=bool(form.on.data),
                              hidden=bool(form.hidden.data), frozen=bool(form.frozen.data))
        flash(_("Saved."), "success")
    return redirect(url_for(".show", event_id=event_id))


@bp.route("/<int:event_id>/export.<fmt>")
def export(event_id: int, fmt: str):
    """One row per hand-in of the evening, as CSV or JSON (logged as an export)."""
    if fmt not in ("csv", "json"):
        abort(404)
    event = _event(event_id)
    session = database.session()
    rows = events.hand_in_rows(session, event)
    _log_look(event, "export")
    if fmt == "csv":
        body, mimetype = events.export_csv(rows), "text/csv; charset=utf-8"
    else:
        body, mimetype = events.export_json(event, rows), "application/json"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f"attachment; filename=kvall-{event.id}.{fmt}"
    return response
