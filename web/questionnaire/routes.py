"""One question per page, saved as it is answered; staff may fill in with or for a person.

Who may look and who may fill in is the access policy's (``questionnaire.view`` and
``questionnaire.fill``); the service asks it again before every write."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from assessor.domain.screening import load_questionnaire
from assessor.domain.screening.scoring import AnswerError
from assessor.models import ConsentPurpose, Person, Role
from assessor.services import policy, privacy
from assessor.services import questionnaire as service
from assessor.services.policy import Action
from web import database
from web.access import allow, person_or_404
from web.questionnaire import bp
from web.questionnaire.forms import StaffStartForm, item_form


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
    """Where the questionnaire stands; staff say whether the person is present. A candidate
    without a yes to the tests is asked for it here, before anything is saved."""
    person = person_or_404(public_id)
    form = StaffStartForm()
    if request.method == "POST" and form.validate_on_submit():
        return _start(person, form)
    allow(Action.QUESTIONNAIRE_VIEW, person)
    session = database.session()
    return render_template("questionnaire/overview.html", person=person,
                           response=service.current_response(session, person),
                           staff=person.user_id != current_user.id, form=form,
                           total=len(load_questionnaire().items),
                           fill=policy.check(session, current_user, Action.QUESTIONNAIRE_FILL,
                                             person))


def _start(person: Person, form: StaffStartForm):
    """Start or continue (after the person's own yes to the tests, when they give it here)."""
    session = database.session()
    if person.user_id == current_user.id and request.form.get("consent") == "yes":
        allow(Action.CONSENT_CHANGE, person)
        privacy.give_consent(session, person, ConsentPurpose.ASSESSMENT, current_user.id)
    allow(Action.QUESTIONNAIRE_FILL, person)
    response = service.start_or_continue(session, load_questionnaire(), person, current_user,
                                         person_present=form.person_present.data == "yes")
    return redirect(url_for(".question", public_id=person.public_id,
                            number=_first_unanswered(response)))


def _first_unanswered(response) -> int:
    items = load_questionnaire().items
    answered = response.answers if response else {}
    return next((n for n, item in enumerate(items, 1) if item.id not in answered), len(items))


def _may_fill(person: Person) -> bool:
    """For a question page: True when the user may fill in now (a GET is logged as a read);
    False when they may only look (a finished questionnaire): go to the overview. Refused
    (403) when they may not even look, or when a POST is not allowed."""
    if request.method == "POST":
        return bool(allow(Action.QUESTIONNAIRE_FILL, person))
    if policy.check(database.session(), current_user, Action.QUESTIONNAIRE_FILL, person):
        return bool(allow(Action.QUESTIONNAIRE_FILL, person, log_as="read"))
    allow(Action.QUESTIONNAIRE_VIEW, person)
    return False


@bp.route("/<public_id>/fraga/<int:number>", methods=["GET", "POST"])
def question(public_id: str, number: int):
    """One question. Every button saves the answer first."""
    person = person_or_404(public_id)
    questionnaire = load_questionnaire()
    if not 1 <= number <= len(questionnaire.items):
        abort(404)
    if not _may_fill(person):
        return redirect(url_for(".overview", public_id=public_id))
    session = database.session()
    response = service.current_response(session, person)
    if response is None:
        return redirect(url_for(".overview", public_id=public_id))
    item = questionnaire.items[number - 1]
    locale = str(get_locale())
    form = item_form(item, locale, response.answers.get(item.id) if request.method == "GET"
                     else None)
    if request.method == "POST" and form.validate_on_submit():
        try:
            service.record_answer(session, response, item, form.answer.data, current_user)
        except AnswerError:
            database.discard()
            form.answer.errors.append(_("Choose one of the answers shown."))
        else:
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
    person = person_or_404(public_id)
    allow(Action.QUESTIONNAIRE_FILL if request.method == "POST" else Action.QUESTIONNAIRE_VIEW,
          person)
    session = database.session()
    response = service.current_response(session, person)
    if response is None:
        return redirect(url_for(".overview", public_id=public_id))
    questionnaire = load_questionnaire()
    if request.method == "POST":
        service.finish(session, questionnaire, response, current_user)
        flash(_("Thank you! The questionnaire is done."), "success")
        return redirect(url_for(".confirm", public_id=public_id))
    result = None
    if response.completed_at is not None and person.user_id != current_user.id:
        result = service.screen(questionnaire, response.answers)
    return render_template("questionnaire/confirm.html", person=person, response=response,
                           questionnaire=questionnaire, result=result, locale=str(get_locale()),
                           may_fill=policy.check(session, current_user,
                                                 Action.QUESTIONNAIRE_FILL, person).allowed)
