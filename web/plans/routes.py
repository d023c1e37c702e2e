"""The plan page (goals with the current level beside each, evidence links, steps, review
dates, who changed what), its three kinds of change, and the PDF. Each page asks the access
policy about the person; each change is one operation and one commit at the end."""

from __future__ import annotations

from collections.abc import Callable

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from assessor.models import Person
from assessor.services.plans import PlanError, today_here
from assessor.services.plans.editing import (
    add_review,
    add_step,
    hold_review,
    mark_step_done,
    plan_of,
    save_goal,
)
from assessor.services.policy import Action
from web import database
from web.access import allow, person_or_404
from web.plans import bp
from web.plans.forms import GoalForm, ReviewForm, StepForm, split_level
from web.plans.rendering import page_context, render_pdf
from web.plans.words import error_text


@bp.route("/<public_id>")
def show(public_id: str):
    """The plan, with a form for each kind of change."""
    person = person_or_404(public_id)
    allow(Action.PLAN_VIEW, person)
    context = page_context(database.session(), current_user, person, str(get_locale()))
    return render_template(
        "plans/plan.html", goal_form=GoalForm(), review_form=ReviewForm(),
        step_form=StepForm(goals=context["plan"].goals), today=today_here(), **context)


def changed(public_id: str, form_class, operation: Callable[[Person, object], None]):
    """Check the form, run ``operation`` (the request commits it) and go back to the plan; a
    bad form or a refusal says why and changes nothing."""
    person = person_or_404(public_id)
    allow(Action.PLAN_EDIT, person)
    form = form_class(goals=plan_of(database.session(), person).goals) \
        if form_class is StepForm else form_class()
    back = url_for(".show", public_id=public_id)
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for message in errors:
                flash(str(message), "error")
        return redirect(back)
    try:
        operation(person, form)
    except PlanError as error:
        database.discard()
        flash(error_text(error.code), "error")
        return redirect(back)
    flash(_("Saved."), "success")
    return redirect(back)


@bp.route("/<public_id>/mal", methods=["POST"])
def goal(public_id: str):
    """Add a goal, or change one's level, words or state."""
    def save(person: Person, form: GoalForm) -> None:
        area, level = split_level(form.level.data)
        save_goal(database.session(), current_user, person, area=area, level=level,
                  note=form.note.data or "", state=form.state.data,
                  goal_id=form.goal_id.data)
    return changed(public_id, GoalForm, save)


@bp.route("/<public_id>/steg", methods=["POST"])
def step(public_id: str):
    """Plan a step, or mark one done."""
    def save(person: Person, form: StepForm) -> None:
        session = database.session()
        if form.step_id.data is not None:
            if form.done_on.data is None:
                raise PlanError("date")
            mark_step_done(session, current_user, person, form.step_id.data, form.done_on.data)
        else:
            add_step(session, current_user, person, text=form.text.data or "",
                     due_on=form.due_on.data,
                     goal_id=int(form.goal.data) if form.goal.data else None)
    return changed(public_id, StepForm, save)


@bp.route("/<public_id>/uppfoljning", methods=["POST"])
def review(public_id: str):
    """Set a review date, or write down what a held review agreed."""
    def save(person: Person, form: ReviewForm) -> None:
        session = database.session()
        if form.review_id.data is not None:
            hold_review(session, current_user, person, form.review_id.data,
                        form.note.data or "")
        else:
            add_review(session, current_user, person, form.on_day.data)
    return changed(public_id, ReviewForm, save)


@bp.route("/<public_id>.pdf")
def pdf(public_id: str):
    """The plan as a PDF to print or keep."""
    person = person_or_404(public_id)
    allow(Action.PLAN_PDF, person)
    context = page_context(database.session(), current_user, person, str(get_locale()))
    filename = f"kodprov-plan-{person.public_id}-{today_here().isoformat()}.pdf"
    return Response(render_pdf(context), mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})

