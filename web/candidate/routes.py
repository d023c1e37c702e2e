"""The candidate's pages."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from assessor.models import ConsentPurpose, Employer, Organisation, Person
from assessor.services import privacy
from assessor.services.intake.path import path_for
from assessor.services.policy import Action
from assessor.services.privacy import ConsentError
from assessor.services.questionnaire import current_response
from assessor.services.skills import all_areas
from web import database
from web.access import allow
from web.candidate import bp
from web.candidate.forms import GiveConsentForm, WithdrawConsentForm
from web.challenges.progress import progress_by_challenge, work_by_area
from web.grading import catalogue
from web.intake import words as intake_words


@bp.route("/")
def index():
    """The candidate's start page."""
    session = database.session()
    person = own_person(Action.SUBMISSIONS_VIEW)
    locale = str(get_locale())
    return render_template("candidate/index.html", person=person,
                           response=current_response(session, person),
                           areas=all_areas(session, person, locale, catalogue=catalogue()),
                           locale=locale,
                           challenge=catalogue().challenge,
                           work=work_by_area(progress_by_challenge(session, person)))


PURPOSES = [ConsentPurpose.ASSESSMENT, ConsentPurpose.SHARE_REPORT,
            ConsentPurpose.EMPLOYER_PROFILE, ConsentPurpose.STATISTICS, ConsentPurpose.SUS]


def own_person(action: Action) -> Person:
    """The candidate's own person record, once the policy allows ``action`` on it."""
    person = database.session().scalar(sa.select(Person).where(Person.user_id == current_user.id))
    if person is None:
        abort(404)
    allow(action, person)
    return person


@bp.route("/samtycke", methods=["GET", "POST"])
def consent():
    """The candidate's consents, one purpose at a time; each can be taken back."""
    session = database.session()
    person = own_person(Action.CONSENT_CHANGE if request.method == "POST"
                         else Action.CONSENT_VIEW)
    organisations = session.scalars(  # employers are offered a profile, never the report
        sa.select(Organisation).where(Organisation.id.not_in(sa.select(Employer.organisation_id)))
        .order_by(Organisation.name)).all()
    give, withdraw = GiveConsentForm(prefix="give"), WithdrawConsentForm(prefix="withdraw")
    give.set_organisations(organisations)
    if request.method == "POST":
        try:
            if "give-purpose" in request.form and give.validate_on_submit():
                organisation = give.organisation.data if give.purpose.data == \
                    ConsentPurpose.SHARE_REPORT else None
                if organisation is not None and session.get(Organisation, organisation) is None:
                    raise ConsentError("organisation_needed")
                privacy.give_consent(session, person, give.purpose.data, current_user.id,
                                     organisation)
                flash(_("Saved. You can take it back whenever you like."), "success")
            elif withdraw.validate_on_submit():
                privacy.withdraw_consent(session, person, withdraw.consent_id.data,
                                         current_user.id)
                flash(_("Taken back. From now on it no longer applies."), "success")
            else:
                raise ConsentError("invalid")
        except ConsentError:
            database.discard()
            flash(_("That did not work. Nothing was changed. Try again."), "error")
            return redirect(url_for(".consent"))
        return redirect(url_for(".consent"))
    return render_template("candidate/consent.html", consents=privacy.consents_of(session, person),
                           purposes=PURPOSES, give=give, withdraw=withdraw)


@bp.route("/din-vag")
def path():
    """"Din väg": the four steps, why, when and how, and where the candidate is now."""
    person = own_person(Action.PATH_VIEW)
    steps = path_for(database.session(), current_user, person, catalogue=catalogue())
    return render_template("candidate/path.html", person=person, steps=steps, words=intake_words,
                           state_names=intake_words.STATE_NAMES)
