"""The intake pools of the user's programme: areas and places (``pools``), queues, offers,
admissions and ends, and the log (``pool.place``). Every decision is the policy's; the
services log each change about a person."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectChoice

from assessor.domain.intake.pools import PoolError
from assessor.models import Lead, Person, PoolArea
from assessor.models.base import MAX_ID
from assessor.services import policy
from assessor.services.intake import admission, pools
from assessor.services.intake.leads import leads_of
from assessor.services.policy import Action
from web import database
from web.access import Refused
from web.identity import person_name
from web.pools import bp, words
from web.pools.forms import AreaChangeForm, AreaForm, EndForm, QueueForm


def _allow(action: Action, programme_id: int | None) -> None:
    """Refused (its log entry kept) unless the user may do ``action`` for the programme."""
    decision = policy.authorize_programme(database.session(), current_user, action, programme_id)
    if not decision.allowed:
        database.commit_now(database.Early.ACCESS_LOG)
        raise Refused(decision)


def _refused(error: PoolError):
    database.discard()
    flash(str(words.ERRORS.get(error.code, words.ERRORS["who"])), "error")
    return redirect(url_for(".index"))


def _denied(error: policy.AccessDeniedError):
    database.commit_now(database.Early.ACCESS_LOG)  # the refusal's entry (nothing else yet)
    raise Refused(error.decision)


def who_choices(session, programme_id: int) -> list[SelectChoice]:
    """Open leads and people of the programme who neither wait nor hold a place."""
    busy = pools.active_entries(session, programme_id)
    busy_leads = {e.lead_id for e in busy}
    busy_people = {e.person_id for e in busy}
    found = [SelectChoice(f"lead-{lead.id}", _("Lead: %(name)s", name=lead.name))
             for lead in leads_of(session, current_user)
             if lead.id not in busy_leads and lead.person_id not in busy_people]
    people = [entry.person for entry in policy.listable(session, current_user,
                                                        Action.PLACEMENT_VIEW)
              if entry.person.id not in busy_people]
    policy.log_listed(session, current_user, people, Action.PLACEMENT_VIEW)
    return found + [SelectChoice(f"person-{p.public_id}", person_name(p)) for p in people]


def render_index(area_form: AreaForm | None = None, queue_form: QueueForm | None = None):
    """The page: areas and places; with ``pool.place`` also queues, holders and the log."""
    session = database.session()
    programme_id = current_user.organisation_id
    areas = pools.areas_of(session, programme_id)
    handles = pools.handles(current_user, programme_id)
    entries = pools.active_entries(session, programme_id) if handles else []
    summary = pools.places_now(areas, entries)
    queue_form = queue_form or QueueForm(area=request.args.get("area", type=int),
                                         who=request.args.get("who"))
    queue_form.area.choices = [SelectChoice(a.id, a.name) for a in areas]
    if handles:
        queue_form.who.choices = who_choices(session, programme_id)
        policy.log_listed(session, current_user, [e.person for e in entries if e.person],
                          Action.PLACEMENT_VIEW)
    return render_template(
        "pools/index.html", areas=areas, summary=summary, entries=entries, handles=handles,
        log=pools.log_of(session, current_user, programme_id) if handles else [],
        area_form=area_form or AreaForm(places=5), queue_form=queue_form, words=words,
        change_forms={a.id: AreaChangeForm(obj=a, prefix=str(a.id)) for a in areas},
        plain_form=FlaskForm(), sentence=sentence, entry_name=entry_name)


def entry_name(entry) -> str:
    """Who an entry is: the person's name as the policy shows it, or the lead's."""
    if entry is not None and entry.person is not None:
        return person_name(entry.person)
    if entry is not None and entry.lead is not None:
        return entry.lead.name
    return _("Someone no longer in the records")


def sentence(move) -> str:
    """One line of the log in plain words."""
    return str(words.MOVE_TEXTS[move.kind]) % {
        "who": entry_name(move.entry), "area": move.area_name, "own": move.own_area_name,
        "from": move.from_area_name, "places": move.places,
        "reason": words.END_REASON_NAMES.get(move.reason, "")}


@bp.route("/", methods=["GET", "POST"])
def index():
    """The programme's pools; add an area."""
    _allow(Action.POOLS, current_user.organisation_id)
    form = AreaForm()
    if form.validate_on_submit():
        try:
            pools.add_area(database.session(), current_user, form.name.data, form.places.data)
        except PoolError as error:
            return _refused(error)
        flash(_("Saved."), "success")
        return redirect(url_for(".index"))
    return render_index(area_form=form)


@bp.route("/omraden/<int:area_id>", methods=["POST"])
def area(area_id: int):
    """Rename an area, change its places, or remove it."""
    session = database.session()
    found = session.get(PoolArea, area_id)
    if found is None:
        abort(404)
    _allow(Action.POOLS, found.programme_id)
    form = AreaChangeForm(prefix=str(area_id))
    if not form.validate_on_submit():
        flash(str(words.ERRORS["places"] if form.places.errors else words.ERRORS["name"]),
              "error")
        return redirect(url_for(".index"))
    try:
        if form.remove.data:
            pools.remove_area(session, current_user, area_id)
        else:
            pools.change_area(session, current_user, area_id, form.name.data, form.places.data)
    except PoolError as error:
        return _refused(error)
    flash(_("Saved."), "success")
    return redirect(url_for(".index"))


def _who(session, value: str) -> dict:
    """The lead or person a queue form names (PoolError "who" when it names none)."""
    kind, _sep, key = (value or "").partition("-")
    if kind == "lead" and key.isdigit() and 0 < int(key) <= MAX_ID:
        lead = session.get(Lead, int(key))
        if lead is not None:
            return {"lead": lead}
    if kind == "person" and key:
        person = session.scalar(sa.select(Person).where(Person.public_id == key[:40]))
        if person is not None:
            return {"person": person}
    raise PoolError("who")


@bp.route("/ko", methods=["POST"])
def queue():
    """Put a lead or a person in an area's queue (a free place is offered at once)."""
    _allow(Action.POOL_PLACE, current_user.organisation_id)
    form = QueueForm()
    if not form.validate_on_submit():
        flash(str(words.ERRORS["who"]), "error")
        return redirect(url_for(".index"))
    session = database.session()
    try:
        entry = admission.queue(session, current_user, form.area.data,
                                **_who(session, form.who.data))
    except PoolError as error:
        return _refused(error)
    except policy.AccessDeniedError as error:
        _denied(error)
    flash(_("Offered a place.") if entry.status == "offered" else _("In the queue."), "success")
    return redirect(url_for(".index"))


def entry_or_404(entry_id: int):
    """The entry, once the policy lets the user handle the programme's pools."""
    try:
        entry = admission.entry_of(database.session(), current_user, entry_id)
    except policy.AccessDeniedError as error:
        database.commit_now(database.Early.ACCESS_LOG)
        raise Refused(error.decision) from None
    if entry is None:
        abort(404)
    return entry


def _on_entry(entry_id: int, operation, done: str):
    """Run a pools operation on one entry (its look logged first): done, or why not."""
    entry = entry_or_404(entry_id)
    try:
        operation(database.session(), current_user, entry)
    except PoolError as error:
        return _refused(error)
    flash(done, "success")
    return redirect(url_for(".index"))


@bp.route("/<int:entry_id>/anta", methods=["POST"])
def admit(entry_id: int):
    """The person takes up the place offered to them."""
    return _on_entry(entry_id, admission.admit, _("Admitted. The participation has started."))


@bp.route("/<int:entry_id>/lamna", methods=["POST"])
def leave(entry_id: int):
    """Out of the queue, or no to the place offered."""
    return _on_entry(entry_id, admission.leave, _("No longer waiting."))


@bp.route("/<int:entry_id>/avsluta", methods=["GET", "POST"])
def end(entry_id: int):
    """End a participation, with its reason: the place goes to the next person."""
    entry = entry_or_404(entry_id)
    form = EndForm()
    if form.validate_on_submit():
        try:
            admission.end(database.session(), current_user, entry, form.reason.data, form.day.data)
        except PoolError as error:
            database.discard()
            form.reason.errors = [*form.reason.errors, str(words.ERRORS[error.code])]
        else:
            flash(_("The participation has ended. The place went to the next person, if "
                    "anyone waits."), "success")
            return redirect(url_for(".index"))
    return render_template("pools/end.html", entry=entry, form=form, words=words,
                           entry_name=entry_name)
