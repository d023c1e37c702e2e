"""The candidate's own profile: edit it, see exactly what an employer would see, choose what
is shared, and answer the openings a coach proposed."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from assessor.models import MatchProposal
from assessor.services import policy, profiles
from assessor.services.matching import MatchingError
from assessor.services.matching.employer_links import employer_view
from assessor.services.matching.proposals import answer, proposals_for
from assessor.services.policy import Action
from assessor.services.profiles import ProfileError
from web import database
from web.access import allow
from web.candidate.routes import own_person
from web.grading import catalogue
from web.profiles import bp
from web.profiles.forms import AnswerForm, ProfileForm


@bp.route("/", methods=["GET", "POST"])
def edit():
    """Edit "så här fungerar jag" and choose what employers may see."""
    person = own_person(Action.PROFILE_EDIT if request.method == "POST" else Action.PROFILE_VIEW)
    return edit_page(person, url_for(".edit"), url_for(".preview"))


def edit_page(person, here: str, preview: str | None):
    """The edit page for ``person`` (the person's own, or a coach helping): one commit."""
    session = database.session()
    content = profiles.content_of(session, person)
    form = ProfileForm() if request.method == "POST" else ProfileForm.for_profile(content)
    if form.validate_on_submit():
        try:
            profiles.save_profile(session, current_user, person, form.to_input())
        except ProfileError:
            database.discard()
            flash(_("That did not work. Nothing was changed. Check the hours and try again."),
                  "error")
        else:
            flash(_("Saved."), "success")
            return redirect(here)
    return render_template("profiles/edit.html", form=form, person=person, preview=preview,
                           edits=profiles.edits_of(session, person))


@bp.route("/forhandsvisning")
def preview():
    """Exactly what an employer would see, from the same function the employer's link uses."""
    session = database.session()
    person = own_person(Action.PROFILE_VIEW)
    facts = policy.facts_of(session, person)
    view = employer_view(session, person, tests_consent=facts.tests_consent,
                         catalogue=catalogue(), locale=str(get_locale()))
    return render_template("profiles/preview.html", view=view)


@bp.route("/forslag")
def proposals():
    """The openings a coach proposed, each with a yes and a no."""
    session = database.session()
    person = own_person(Action.PROFILE_VIEW)
    return render_template("profiles/proposals.html", form=AnswerForm(),
                           proposals=proposals_for(session, person))


@bp.route("/forslag/<int:proposal_id>", methods=["POST"])
def answer_proposal(proposal_id: int):
    """Say yes (and so let the employer see the shared profile) or no."""
    session = database.session()
    proposal = session.get(MatchProposal, proposal_id)
    if proposal is None:
        abort(404)
    allow(Action.MATCH_ANSWER, proposal.person, about=proposal.id)
    form = AnswerForm()
    if not form.validate_on_submit():
        flash(_("That did not work. Nothing was changed. Try again."), "error")
        return redirect(url_for(".proposals"))
    try:
        answer(session, current_user, proposal, agree=form.answer.data == "yes")
    except MatchingError:
        database.discard()
        flash(_("That did not work. Nothing was changed. Try again."), "error")
        return redirect(url_for(".proposals"))
    flash(_("Thank you. Your coach can see your answer.") if form.answer.data == "no" else
          _("Thank you. Your coach may now show your shared profile to the employer."),
          "success")
    return redirect(url_for(".proposals"))
