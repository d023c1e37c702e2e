"""The participant's pages: joining with the code (with one's account or as a guest), the
evening's page with its tasks, help button, announcements and scoreboard, and a guest's claim
link. Each asks the access policy about the person's own place (``event.take_part``)."""

from __future__ import annotations

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask import session as flask_session
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from assessor.domain.clock import as_utc, utcnow
from assessor.models import Event, Participant
from assessor.services import events
from assessor.services.account_service import person_of
from assessor.services.events.joining import guest_of_token
from assessor.services.policy import Action
from web import database
from web.access import allow, public
from web.account_links import mailer
from web.auth.login_sessions import begin
from web.errors import json_endpoint
from web.events import participant_bp as bp
from web.events.forms import ButtonForm, ClaimMailForm, JoinForm, OptInForm
from web.events.words import ERRORS, PHASES
from web.grading import catalogue
from web.guest_retention import guest_days


def _place(event_id: int) -> tuple[Event, Participant | None]:
    session = database.session()
    event = session.get(Event, event_id)
    if event is None:
        abort(404)
    return event, events.participant_of(session, event, current_user)


def own_place(event_id: int) -> tuple[Event, Participant]:
    """The evening and the current person's place in it; a person who has not joined is sent
    to the join page."""
    event, place = _place(event_id)
    if place is None:
        abort(redirect(url_for(".join")))
    allow(Action.EVENT_TAKE_PART, place.person)
    return event, place


@bp.route("/", methods=["GET", "POST"])
@public
def join():
    """Join with the code on the screen: logged in, with one's account; else as a guest with
    a nickname (or log in first)."""
    session = database.session()
    form = JoinForm(data={"code": request.args.get("kod", "")[:20]} if request.method == "GET"
                    else None)
    if form.validate_on_submit():
        try:
            event = events.find_by_code(session, form.code.data)
            if current_user.is_authenticated:
                nickname = form.nickname.data or current_user.name.split()[0]
                events.join_with_account(session, event, current_user, nickname)
            else:
                user, _seat, token = events.join_as_guest(
                    session, event, form.nickname.data or "", str(get_locale()))
                begin(user, remember=True)  # the guest, the place and the login
                flask_session["claim_link"] = url_for(".claim", token=token, _external=True)
        except events.EventError as error:
            database.discard()
            if error.code == "already_joined":
                flash(str(ERRORS[error.code]), "success")
                return redirect(url_for(".evening", event_id=event.id))
            form.code.errors = [*form.code.errors, ERRORS[error.code]] \
                if error.code in ("unknown_code", "closed") else form.code.errors
            if error.code not in ("unknown_code", "closed"):
                form.nickname.errors = [*form.nickname.errors, ERRORS[error.code]]
        else:
            return redirect(url_for(".evening", event_id=event.id))
    return render_template("events/join.html", form=form)


@bp.route("/<int:event_id>")
def evening(event_id: int):
    """The evening's page: its tasks, the help button, announcements, the scoreboard."""
    event, place = own_place(event_id)
    session = database.session()
    locale = str(get_locale())
    bank = catalogue()
    tasks = [(c, bank.title(c, locale))
             for c in events.tasks_for(session, event, place.person, catalogue=bank)]
    return render_template(
        "events/evening.html", event=event, place=place, tasks=tasks, phases=PHASES,
        phase=events.window_of(event).phase(utcnow()),
        waiting=events.open_help_request(session, place) is not None,
        announcements=events.announcements(session, event),
        scoreboard=events.scoreboard_lines(session, event),
        button=ButtonForm(), opt_form=OptInForm(data={"opt_in": place.scoreboard_opt_in}),
        claim_link=flask_session.get("claim_link") if place.guest else None,
        mail_form=ClaimMailForm() if place.guest and mailer() is not None else None,
        guest_days=guest_days())


@bp.route("/<int:event_id>/nytt")
@json_endpoint
def updates(event_id: int):
    """What the page's script shows without reloading: announcements, help, scoreboard."""
    event, place = own_place(event_id)
    session = database.session()
    board = events.scoreboard_lines(session, event)
    return jsonify(
        phase=events.window_of(event).phase(utcnow()),
        waiting=events.open_help_request(session, place) is not None,
        announcements=[{"id": a.id, "text": a.text, "at": as_utc(a.made_at).isoformat()}
                       for a in events.announcements(session, event)],
        scoreboard=None if board is None else [{"nickname": line.nickname,
                                                "solved": line.solved} for line in board])


@bp.route("/<int:event_id>/hjalp", methods=["POST"])
def help_request(event_id: int):
    """"Jag vill ha hjälp": the facilitator sees it in the queue."""
    event, place = own_place(event_id)
    session = database.session()
    if ButtonForm().validate_on_submit():
        try:
            events.ask_for_help(session, event, place, by=current_user)
        except events.EventError as error:
            database.discard()
            flash(str(ERRORS[error.code]), "error")
        else:
            flash(_("A facilitator is on the way. Keep working meanwhile if you like."),
                  "success")
    return redirect(url_for(".evening", event_id=event_id))


@bp.route("/<int:event_id>/topplista", methods=["POST"])
def opt_in(event_id: int):
    """Yes or no to showing one's nickname on the scoreboard."""
    _event, place = own_place(event_id)
    session = database.session()
    form = OptInForm()
    if form.validate_on_submit():
        events.opt_in(session, place, bool(form.opt_in.data), by=current_user)
        flash(_("Saved."), "success")
    return redirect(url_for(".evening", event_id=event_id))


@bp.route("/hamta/<token>", methods=["GET", "POST"])
def claim(token: str):
    """A guest's personal link: logged in with one's real account, move the results there."""
    session = database.session()
    guest = guest_of_token(session, token)
    if guest is None:
        abort(404)
    own = person_of(session, current_user)
    if own is None:
        abort(404)
    if own.id == guest.person_id:
        return render_template("events/claim.html", guest=guest, is_guest=True,
                               form=ButtonForm())
    allow(Action.EVENT_TAKE_PART, own)
    form = ButtonForm()
    if form.validate_on_submit():
        try:
            events.claim_guest(session, token, by=current_user)
        except events.EventError as error:
            database.discard()
            flash(str(ERRORS[error.code]), "error")
        else:
            flash(_("Your results from the evening are now in your account."), "success")
            return redirect(url_for("candidate.index"))
    return render_template("events/claim.html", guest=guest, is_guest=False, form=form)
