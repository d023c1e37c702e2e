"""A person's hand-ins and one hand-in in full, for coaches and admins. Each page asks the
access policy (``submissions.full``) about the person, and each read is logged."""

from __future__ import annotations

from flask import abort, render_template
from flask_babel import get_locale
from flask_login import current_user

from assessor.models import Submission
from assessor.services import policy
from assessor.services.handins import hand_ins
from assessor.services.jobs.challenge_grader import result_from_dict
from assessor.services.policy import Action
from web import database
from web.access import allow, person_or_404
from web.grading import catalogue
from web.handins import bp


@bp.route("/person/<public_id>")
def person(public_id: str):
    """Every hand-in of one person, newest first."""
    person = person_or_404(public_id)
    allow(Action.SUBMISSIONS_FULL, person)
    session = database.session()
    return render_template("handins/person.html", person=person,
                           hand_ins=hand_ins(session, person),
                           may_open_person=policy.check(session, current_user,
                                                        Action.PERSON_PAGE, person).allowed)


@bp.route("/<int:submission_id>")
def show(submission_id: int):
    """One hand-in: the code as it was sent and every test's result, staff tests included."""
    session = database.session()
    submission = session.get(Submission, submission_id)
    if submission is None:
        abort(404)
    allow(Action.SUBMISSIONS_FULL, submission.person, about=submission.id)
    result = result_from_dict(submission.result) \
        if submission.status == "graded" and submission.result else None
    return render_template("handins/show.html", submission=submission, result=result,
                           challenge=catalogue().challenge(submission.challenge_id),
                           locale=str(get_locale()))
