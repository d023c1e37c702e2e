"""The person's own rights: all their data (page and JSON file), who read it, and asking for
erasure or restriction. Each page asks the access policy; a download is logged as an export."""

from __future__ import annotations

import json

from flask import Response, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from assessor.domain.screening import load_questionnaire
from assessor.services import policy
from assessor.services.policy import Action
from assessor.services.rights import access_log, export, requests
from web import database
from web.candidate import bp
from web.candidate.routes import own_person
from web.grading import catalogue
from web.guest_retention import guest_days
from web.intake import words as intake_words
from web.rights import words
from web.rights.forms import MAX_PAGE, RightsRequestForm
from web.rights.views import take_request


def _exported(person) -> dict:
    """The person's data, with the export logged (a file leaves Kodprov: P25)."""
    session = database.session()
    data = export.collect(session, person, str(get_locale()), catalogue=catalogue(),
                          guest_days=guest_days())
    policy.service.log(session, policy.Actor.of(current_user), person, "export",
                       str(Action.EXPORT))
    database.commit_now(database.Early.ACCESS_LOG)
    return data


@bp.route("/mina-uppgifter")
def my_data():
    """Everything Kodprov holds about the person, as a page."""
    person = own_person(Action.EXPORT)
    return render_template("candidate/my_data.html", person=person, data=_exported(person),
                           questionnaire=load_questionnaire(), locale=str(get_locale()),
                           lead_words=intake_words)


@bp.route("/mina-uppgifter.json")
def my_data_json():
    """Everything Kodprov holds about the person, as a JSON file."""
    person = own_person(Action.EXPORT)
    body = json.dumps(_exported(person), ensure_ascii=False, indent=2)
    filename = f"kodprov-{person.public_id}.json"
    return Response(body, mimetype="application/json",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.route("/vem-har-last")
def who_read():
    """Who read or changed the person's data, newest first."""
    person = own_person(Action.ACCESS_LOG)
    number = request.args.get("sida", 1, type=int)
    number = number if 1 <= number <= MAX_PAGE else 1
    page = access_log.history(database.session(), person, number)
    return render_template("candidate/who_read.html", page=page, words=words)


@bp.route("/radera", methods=["GET", "POST"])
def ask():
    """Ask for erasure or restriction; the requests so far and what became of them."""
    person = own_person(Action.RIGHTS_REQUEST)
    session = database.session()
    form = RightsRequestForm()
    if take_request(form, person, _("Your request is received. An administrator carries it "
                                    "out within a month.")):
        return redirect(url_for(".ask"))
    return render_template("candidate/ask.html", form=form,
                           requests=requests.requests_of(session, person))
