"""The person's progress page (chart, table, a form for a new conversation) and the
programme's areas. Each page asks the access policy; each change commits once."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from assessor.domain.progress import RATING_MAX, RATING_MIN, RatingError
from assessor.services import policy
from assessor.services.plans import today_here
from assessor.services.policy import Action
from assessor.services.progress.areas import add_area, areas_of, set_active
from assessor.services.progress.chart import progress_svg
from assessor.services.progress.conversations import (
    conversations_of,
    record_conversation,
    series_of,
)
from web import database
from web.access import Refused, allow, person_or_404
from web.dates import format_day
from web.progress import bp
from web.progress.forms import AreaForm, ConversationForm, ratings_from
from web.progress.words import area_name, error_text


def _chart(conversations) -> str:
    series = series_of(conversations)
    days = sorted({c.held_on for c in conversations})
    names = {line.area.id: area_name(line.area) for line in series}
    return progress_svg(series, days, names, format_day, str(_l("Ratings over time")), str(_l(
        "One row for each area. Each point is one conversation, with its rating from 1 to 10 "
        "beside it. The days are along the bottom. The table below has the same figures.")))


@bp.route("/<public_id>", methods=["GET", "POST"])
def show(public_id: str):
    """The ratings over time, and a conversation to write down."""
    person = person_or_404(public_id)
    allow(Action.PROGRESS_RECORD if request.method == "POST" else Action.PROGRESS_VIEW, person)
    session = database.session()
    areas = areas_of(session, person.organisation_id) if person.organisation_id else []
    form = ConversationForm(held_on=today_here())
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                record_conversation(session, current_user, person, form.held_on.data,
                                    ratings_from(request.form, [a.id for a in areas]),
                                    form.note.data or "")
            except RatingError as error:
                database.discard()
                flash(error_text(error.code), "error")
            else:
                flash(_("Saved."), "success")
                return redirect(url_for(".show", public_id=public_id))
        else:
            flash(_("That did not work. Nothing was changed. Check the form and try again."),
                  "error")
        areas = areas_of(session, person.organisation_id) if person.organisation_id else []
    conversations = conversations_of(session, person)
    columns = sorted({r.area for c in conversations for r in c.ratings},
                     key=lambda a: (a.position, a.id))
    return render_template("progress/show.html", person=person, form=form, areas=areas,
                           conversations=conversations, columns=columns,
                           chart=_chart(conversations) if conversations else "",
                           area_name=area_name, low=RATING_MIN, high=RATING_MAX,
                           may_change_areas=policy.decide(
                               policy.Actor.of(current_user), Action.PROGRESS_AREAS,
                               policy.facts.programme_facts(person.organisation_id)).allowed)


@bp.route("/omraden", methods=["GET", "POST"])
def programme_areas():
    """The programme's areas: add one of its own, take one out of use or back."""
    session = database.session()
    decision = policy.authorize_programme(session, current_user, Action.PROGRESS_AREAS,
                                          current_user.organisation_id)
    if not decision.allowed:
        database.commit_now(database.Early.ACCESS_LOG)
        raise Refused(decision)
    form = AreaForm()
    if request.method == "POST":
        try:
            if not form.validate_on_submit():
                raise RatingError("name")
            if form.area_id.data is not None:
                set_active(session, current_user, form.area_id.data, form.active.data)
            else:
                add_area(session, current_user, current_user.organisation_id,
                         form.name.data or "")
        except (RatingError, policy.AccessDeniedError) as error:
            database.discard()
            flash(error_text(getattr(error, "code", "")), "error")
        else:
            flash(_("Saved."), "success")
        return redirect(url_for(".programme_areas"))
    return render_template("progress/areas.html", form=form, area_name=area_name,
                           rows=areas_of(session, current_user.organisation_id,
                                         active_only=False))
