"""A person's placements and participation, one placement with its states and follow-ups,
and the overdue list. Each page asks the access policy about the person (the list: about
each person it shows); each change is one operation and one commit at the end."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.domain.placements import GOAL_DAYS, PlacementKind, PlacementState, next_states
from assessor.models import Employer, MatchProposal, Placement, PlacementFollowUp
from assessor.services.matching.employers import employers_of
from assessor.services.placements import PlacementError, today_here
from assessor.services.placements.follow_ups import overdue_follow_ups, record_follow_up
from assessor.services.placements.participation import (
    ParticipationInput,
    participation_of,
    save_participation,
)
from assessor.services.placements.placing import (
    PlacementInput,
    agreed_proposals,
    change_state,
    create_placement,
    from_proposal,
    placements_of,
)
from assessor.services.placements.waits import figures_of, waiting_too_long
from assessor.services.policy import Action
from web import database
from web.access import allow, person_or_404
from web.placements import bp
from web.placements.forms import (
    FollowUpForm,
    FromProposalForm,
    NewPlacementForm,
    ParticipationForm,
    StateForm,
)
from web.placements.words import error_text


def hours(field) -> float | None:
    """A DecimalField's value as hours a week."""
    return float(field.data) if field.data is not None else None


def refused(error: PlacementError):
    """Undo what the request wrote and say why."""
    database.discard()
    flash(error_text(error.code), "error")


def form_errors(form) -> None:
    """Say what was wrong with a form that did not validate (nothing was changed)."""
    for errors in form.errors.values():
        for message in errors:
            flash(str(message), "error")


@bp.route("/person/<public_id>")
def person(public_id: str):
    """The person's placements, agreed proposals to turn into one, a new placement, the
    participation's dates and the waiting figures."""
    found = person_or_404(public_id)
    allow(Action.PLACEMENT_VIEW, found)
    session = database.session()
    today = today_here()
    participation = participation_of(session, found)
    return render_template(
        "placements/person.html", person=found, placements=placements_of(session, found),
        proposals=agreed_proposals(session, found), today=today,
        new_form=NewPlacementForm(employers=employers_of(session, current_user), proposed_on=today),
        proposal_form=FromProposalForm(proposed_on=today),
        participation_form=ParticipationForm(obj=participation),
        figures=figures_of(session, [found], today)[found.id], goal_days=GOAL_DAYS)


def saved(form, back: str, operation: Callable[[], str | None], message: str):
    """Run ``operation`` when ``form`` is valid (the request commits it) and go to the address it
    returns (or ``back``); a bad form or a refusal says why, changes nothing and goes back."""
    if not form.validate_on_submit():
        form_errors(form)
        return redirect(back)
    try:
        where = operation()
    except PlacementError as error:
        refused(error)
        return redirect(back)
    flash(message, "success")
    return redirect(where or back)


@bp.route("/person/<public_id>/ny", methods=["POST"])
def new(public_id: str):
    """Make a placement: from an agreed proposal, or directly."""
    found = person_or_404(public_id)
    allow(Action.PLACEMENT_RECORD, found)
    session = database.session()
    from_match = FromProposalForm()
    direct = NewPlacementForm(employers=employers_of(session, current_user))
    form = from_match if from_match.proposal_id.raw_data else direct

    def make() -> str:
        if form is from_match:
            proposal = session.get(MatchProposal, form.proposal_id.data)
            if proposal is None:
                raise PlacementError("proposal")
            data = from_proposal(proposal, form.employment_form.data or None,
                                 hours(form.hours_per_week), form.proposed_on.data)
        else:
            proposal = None
            employer = session.get(Employer, int(form.employer.data)) \
                if form.employer.data else None
            data = PlacementInput(kind=form.kind.data, title=form.title.data or "",
                                  employer=employer, workplace=form.workplace.data or "",
                                  employment_form=form.employment_form.data or None,
                                  hours_per_week=hours(form.hours_per_week),
                                  proposed_on=form.proposed_on.data)
        placement = create_placement(session, current_user, found, data, proposal)
        return url_for(".show", placement_id=placement.id)

    return saved(form, url_for(".person", public_id=public_id), make,
                 _("The placement is saved."))


@bp.route("/person/<public_id>/deltagande", methods=["POST"])
def participation(public_id: str):
    """Save the participation's dates and year of birth."""
    found = person_or_404(public_id)
    allow(Action.PLACEMENT_RECORD, found)
    form = ParticipationForm()

    def save() -> None:
        save_participation(database.session(), current_user, found, ParticipationInput(
            form.enrolled_on.data, form.left_on.data, form.birth_year.data,
            form.course_passed_on.data, form.studies_from.data, form.end_reason.data or None))

    return saved(form, url_for(".person", public_id=public_id), save, _("Saved."))


def placement_or_404(placement_id: int) -> Placement:
    """The placement (404 when there is none)."""
    placement = database.session().get(Placement, placement_id)
    if placement is None:
        abort(404)
    return placement


def open_follow_ups(placement: Placement) -> list[PlacementFollowUp]:
    """Scheduled follow-ups not held and not cancelled, soonest first."""
    return [f for f in placement.follow_ups if f.due_on and f.held_on is None
            and not f.cancelled]


@bp.route("/<int:placement_id>")
def show(placement_id: int):
    """One placement: its steps, its follow-ups (overdue ones marked), the next state and
    recording a follow-up."""
    placement = placement_or_404(placement_id)
    allow(Action.PLACEMENT_VIEW, placement.person, about=placement.id)
    today = today_here()
    state_form = StateForm(day=today)
    allowed = next_states(PlacementState(placement.state), PlacementKind(placement.kind))
    state_form.state.choices = [c for c in state_form.state.choices if c.value in allowed]
    return render_template(
        "placements/show.html", placement=placement, today=today, state_form=state_form,
        follow_up_form=FollowUpForm(open_follow_ups=open_follow_ups(placement), held_on=today))


@bp.route("/<int:placement_id>/lage", methods=["POST"])
def change(placement_id: int):
    """Move the placement to its next state."""
    placement = placement_or_404(placement_id)
    allow(Action.PLACEMENT_RECORD, placement.person, about=placement.id)
    form = StateForm()
    return saved(form, url_for(".show", placement_id=placement_id), lambda: change_state(
        database.session(), current_user, placement, form.state.data, form.day.data,
        form.reason.data or None, form.employment_form.data or None,
        hours(form.hours_per_week), form.follow_up_until.data), _("Saved."))


@bp.route("/<int:placement_id>/uppfoljning", methods=["POST"])
def follow_up(placement_id: int):
    """Record a follow-up that was held."""
    placement = placement_or_404(placement_id)
    allow(Action.PLACEMENT_RECORD, placement.person, about=placement.id)
    form = FollowUpForm(open_follow_ups=open_follow_ups(placement))
    session = database.session()

    def record() -> None:
        chosen = session.get(PlacementFollowUp, int(form.follow_up.data)) \
            if form.follow_up.data else None
        record_follow_up(session, current_user, placement, form.held_on.data,
                         form.with_whom.data, form.mode.data, form.note.data or "", chosen)

    return saved(form, url_for(".show", placement_id=placement_id), record,
                 _("The follow-up is recorded."))


@bp.route("/forsenade")
def overdue():
    """Overdue follow-ups of the coach's people, and waits beyond two weeks."""
    session = database.session()
    today = today_here()
    rows = overdue_follow_ups(session, current_user, today)
    waiting = waiting_too_long(session, current_user, today)
    return render_template("placements/overdue.html", rows=rows, waiting=waiting,
                           goal_days=GOAL_DAYS)
