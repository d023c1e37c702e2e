"""One question per page, saved as it is answered; staff may fill in with or for a person."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from assessor import questionnaire_service as service
from assessor.models import Person, Role
from assessor.screening import load_questionnaire
from assessor.screening.scoring import AnswerError
from web import database
from web.questionnaire import bp
from web.questionnaire.forms import StaffStartForm, item_form


def _person_or_404(public_id: str) -> Person:
    """The person, if the current user may fill in their questionnaire (else 404/403)."""
    session = database.session()
    person = session.scalar(sa.select(Person).where(Person.public_id == public_id))
    if person is None:
        abort(404)
    if not service.may_fill_for(session, current_user, person):
        abort(403)
    return person


@bp.route("/")
def mine():
    """A candidate's own questionnaire."""
    if current_user.role != Role.CANDIDATE:
        abort(404)
    person = database.session().scalar(sa.select(Person).where(Person.user_id == current_user.id))
    if person is None:
        abort(404)
    return redirect(url_for(".overview", public_id=person.public_id))


@bp.route("/<public_id>", methods=["GET", "POST"])
def overview(public_id: str):
    """Where the questionnaire stands; staff say whether the person is present."""
    person = _person_or_404(public_id)
    session = database.session()
    response = service.current_response(session, person)
    staff = person.user_id != current_user.id
    form = StaffStartForm()
    if request.method == "POST" and form.validate_on_submit():
        response = service.start_or_continue(session, load_questionnaire(), person, current_user,
                                             person_present=form.person_present.data == "yes")
        if staff:
            service.log_staff_change(session, person, current_user, "questionnaire opened")
        session.commit()
        return redirect(url_for(".question", public_id=public_id,
                                number=_first_unanswered(response)))
    return render_template("questionnaire/overview.html", person=person, response=response,
                           staff=staff, form=form, total=len(load_questionnaire().items))


def _first_unanswered(response) -> int:
    items = load_questionnaire().items
    answered = response.answers if response else {}
    return next((n for n, item in enumerate(items, 1) if item.id not in answered), len(items))


@bp.route("/<public_id>/fraga/<int:number>", methods=["GET", "POST"])
def question(public_id: str, number: int):
    """One question. Every button saves the answer first."""
    person = _person_or_404(public_id)
    questionnaire = load_questionnaire()
    if not 1 <= number <= len(questionnaire.items):
        abort(404)
    session = database.session()
    response = service.current_response(session, person)
    if response is None or response.completed_at is not None:
        return redirect(url_for(".overview", public_id=public_id))
    item = questionnaire.items[number - 1]
    locale = str(get_locale())
    form = item_form(item, locale, response.answers.get(item.id) if request.method == "GET"
                     else None)
    if request.method == "POST" and form.validate_on_submit():
        try:
            service.record_answer(session, response, item, form.answer.data, current_user)
        except AnswerError:
            form.answer.errors.append(_("Choose one of the answers shown."))
        else:
            session.commit()
            return _after_saving(public_id, number, len(questionnaire.items))
    return render_template("questionnaire/question.html", person=person, item=item, form=form,
                           number=number, total=len(questionnaire.items), locale=locale)


def _after_saving(public_id: str, number: int, total: int):
    action = request.form.get("action", "next")
    if action == "later":
        flash(_("Your answers are saved. You can continue whenever you like."), "success")
        return redirect(url_for(".overview", public_id=public_id))
    if action == "back":
        return redirect(url_for(".question", public_id=public_id, number=max(1, number - 1)))
    if number >= total:
        return redirect(url_for(".confirm", public_id=public_id))
    return redirect(url_for(".question", public_id=public_id, number=number + 1))


@bp.route("/<public_id>/klar", methods=["GET", "POST"])
def confirm(public_id: str):
    """Look over the answers and finish."""
    person = _person_or_404(public_id)
    session = database.session()
    response = service.current_response(session, person)
    if response is None:
        return redirect(url_for(".overview", public_id=public_id))
    questionnaire = load_questionnaire()
    if request.method == "POST" and response.completed_at is None:
        service.finish(session, questionnaire, response, current_user)
        session.commit()
        flash(_("Thank you! The questionnaire is done."), "success")
        return redirect(url_for(".confirm", public_id=public_id))
    result = None
    if response.completed_at is not None and person.user_id != current_user.id:
        result = service.screen(questionnaire, response.answers)
    return render_template("questionnaire/confirm.html", person=person, response=response,
                           questionnaire=questionnaire, result=result,
                           locale=str(get_locale()))
