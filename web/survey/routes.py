"""The participant's own indicator survey: the points open now, and the answers kept once.
Nobody answers for them (``indicators.answer``: own)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.domain.funder.indicators import ITEMS, POINTS, SurveyError
from assessor.services.funder.indicators import answer, answered_points, points_open
from assessor.services.policy import Action
from web import database
from web.candidate.routes import own_person
from web.placements.routes import form_errors
from web.survey import bp, words
from web.survey.forms import survey_form
from web.survey.words import error_text


@bp.route("/")
def index():
    """The survey points open now, each with its statements, and the ones answered."""
    person = own_person(Action.INDICATORS_ANSWER)
    session = database.session()
    points = points_open(session, person)
    return render_template("survey/index.html", open_points=points,
                           answered=answered_points(session, person), items=ITEMS,
                           forms={point: survey_form(prefix=point) for point in points},
                           words=words)


@bp.route("/<point>", methods=["POST"])
def save(point: str):
    """Keep the answers at one point."""
    person = own_person(Action.INDICATORS_ANSWER)
    back = redirect(url_for(".index"))
    form = survey_form(formdata=request.form, prefix=point)
    if point not in POINTS or not form.validate_on_submit():
        form_errors(form) if point in POINTS else flash(error_text("point"), "error")
        return back
    try:
        answer(database.session(), current_user, person, point,
               {item: form[item].data for item in ITEMS})
    except SurveyError as error:
        database.discard()
        flash(error_text(error.code), "error")
        return back
    flash(_("Thank you. Your answers are saved."), "success")
    return back
