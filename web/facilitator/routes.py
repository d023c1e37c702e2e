"""The facilitator's pages: people at a glance, one person, supervised follow-ups. Each asks
the access policy about the person (for a follow-up: the person it belongs to)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.domain.clock import as_utc, utcnow
from assessor.models import CHECKLIST_ITEMS, FollowUp
from assessor.services import policy
from assessor.services.handins import follow_up_hand_ins, hand_ins
from assessor.services.intake.leads import lead_of_person
from assessor.services.integrity_review import findings_for
from assessor.services.policy import Action
from assessor.services.questionnaire import current_response
from assessor.services.verification import FollowUpError, book_follow_up, record_follow_up
from web import database
from web.access import allow, person_or_404
from web.facilitator import bp
from web.facilitator.forms import BookFollowUpForm, RecordFollowUpForm
from web.grading import catalogue
from web.people.routes import render_people_list


@bp.route("/")
def index():
    """The people in the programme, with their questionnaire outcome."""
    return render_people_list()


@bp.route("/person/<public_id>", methods=["GET", "POST"])
def person(public_id: str):
    """One person: questionnaire, follow-ups, and booking a new follow-up."""
    person = person_or_404(public_id)
    allow(Action.FOLLOW_UP_RECORD if request.method == "POST" else Action.PERSON_PAGE, person)
    session = database.session()
    attempts = hand_ins(session, person)
    form = BookFollowUpForm(hand_ins=attempts)
    if form.validate_on_submit():
        try:
            book_follow_up(session, person, form.area.data, current_user, form.booked_for.utc,
                           submission_id=form.submission.data or None)
        except FollowUpError:
            database.discard()
            flash(_("That did not work. Nothing was changed. Try again."), "error")
        else:
            flash(_("The follow-up is booked."), "success")
        return redirect(url_for(".person", public_id=public_id))
    follow_ups = session.scalars(sa.select(FollowUp).where(FollowUp.person_id == person.id)
                                 .order_by(FollowUp.booked_for.desc())).all()
    return render_template("facilitator/person.html", person=person, form=form,
                           follow_ups=follow_ups, response=current_response(session, person),
                           findings=findings_for(session, person, catalogue=catalogue()),
                           hand_ins=attempts,
                           lead=lead_of_person(session, person),
                           may_see_work=policy.check(session, current_user,
                                                     Action.SUBMISSIONS_FULL, person).allowed)


@bp.route("/uppfoljning/<int:follow_up_id>", methods=["GET", "POST"])
def follow_up(follow_up_id: int):
    """Record what a follow-up session showed."""
    session = database.session()
    held = session.get(FollowUp, follow_up_id)
    if held is None:
        abort(404)
    allow(Action.FOLLOW_UP_RECORD if request.method == "POST" else Action.FOLLOW_UP_VIEW,
          held.person, about=held.id)
    form = RecordFollowUpForm(data=held.checklist | {"notes": held.notes})
    too_early = utcnow() < as_utc(held.booked_for)
    if form.validate_on_submit():
        checklist = {item: bool(getattr(form, item).data) for item in CHECKLIST_ITEMS}
        try:
            record_follow_up(session, held, checklist, form.notes.data or "", by=current_user)
        except FollowUpError:
            database.discard()
            flash(_("The follow-up is booked for later. Record it when it has been held. "
                    "Nothing was saved."), "error")
            return redirect(url_for(".follow_up", follow_up_id=follow_up_id))
        flash(_("Saved."), "success")
        return redirect(url_for(".person", public_id=held.person.public_id))
    return render_template("facilitator/follow_up.html", follow_up=held, form=form,
                           too_early=too_early,
                           hand_ins=follow_up_hand_ins(session, held, catalogue=catalogue()),
                           chosen=held.submission_id is not None,
                           may_see_work=policy.check(session, current_user,
                                                     Action.SUBMISSIONS_FULL, held.person).allowed)
