"""Employers and openings of the coach's programme, the ranked list for an opening, one
person against an opening (with the details and a proposal), and the employer's link.

Lists rank one opening at a time; no page takes a checklist item to select people by."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.domain.matching import MISSING_LEVEL_CHOICES
from assessor.models import MatchProposal
from assessor.services import policy
from assessor.services.matching import MatchingError
from assessor.services.matching import employers as service
from assessor.services.matching.batch import suggest_for_programme
from assessor.services.matching.employer_links import LINK_PATH, make_link
from assessor.services.matching.proposals import proposals_of_opening, propose
from assessor.services.matching.ranking import match_one, rank_opening
from assessor.services.policy import Action
from web import database
from web.access import Refused, allow, person_or_404
from web.matching import bp
from web.matching.forms import ContactForm, EmployerForm, LinkForm, OpeningForm, ProposeForm

NOT_DONE = "That did not work. Nothing was changed. Try again."


def managed(find, object_id: int):
    """The employer or opening ``find`` returns, once the policy lets the coach manage it
    (a refusal is logged and explained; 404 when there is none)."""
    session = database.session()
    try:
        found = find(session, current_user, object_id)
    except policy.AccessDeniedError as error:
        session.commit()  # the refusal's log entry
        raise Refused(error.decision) from None
    if found is None:
        abort(404)
    return found


def missing_choice() -> str:
    """How the list treats a missing level: "exclude" (default) or "flag"."""
    choice = request.values.get("missing", "exclude")
    return choice if choice in MISSING_LEVEL_CHOICES else "exclude"


@bp.route("/", methods=["GET", "POST"])
def employers():
    """The programme's employers; add one."""
    allow(Action.EMPLOYERS)
    session = database.session()
    form = EmployerForm()
    if form.validate_on_submit():
        try:
            employer = service.add_employer(session, current_user, form.name.data,
                                            form.org_number.data or "",
                                            form.municipality.data or "")
        except MatchingError as error:
            session.rollback()
            flash(_("An organisation with that name already exists.") if error.code ==
                  "name_taken" else _(NOT_DONE), "error")
        else:
            session.commit()
            return redirect(url_for(".employer", employer_id=employer.id))
    return render_template("matching/employers.html", form=form,
                           employers=service.employers_of(session, current_user))


@bp.route("/fordelning")
def assignment():
    """A suggestion: at most one open opening per person of the programme (each person
    considered is logged)."""
    allow(Action.EMPLOYERS)
    session = database.session()
    pairs = suggest_for_programme(session, current_user, current_user.organisation_id,
                                  missing_choice())
    session.commit()
    return render_template("matching/assignment.html", pairs=pairs, missing=missing_choice())


@bp.route("/arbetsgivare/<int:employer_id>", methods=["GET", "POST"])
def employer(employer_id: int):
    """One employer: contact people (add one) and openings."""
    found = managed(service.employer_for, employer_id)
    session = database.session()
    form = ContactForm()
    if form.validate_on_submit():
        service.add_contact(session, current_user, found, form.name.data, form.title.data or "",
                            form.email.data or "", form.phone.data or "")
        session.commit()
        flash(_("Saved."), "success")
        return redirect(url_for(".employer", employer_id=employer_id))
    return render_template("matching/employer.html", employer=found, form=form)


@bp.route("/arbetsgivare/<int:employer_id>/ny-plats", methods=["GET", "POST"])
def new_opening(employer_id: int):
    """Add an opening to the employer."""
    found = managed(service.employer_for, employer_id)
    return opening_page(found, None, OpeningForm())


@bp.route("/plats/<int:opening_id>", methods=["GET", "POST"])
def opening(opening_id: int):
    """Change an opening; its proposals and their links."""
    found = managed(service.opening_for, opening_id)
    form = OpeningForm() if request.method == "POST" else OpeningForm.for_opening(found)
    return opening_page(found.employer, found, form)


def opening_page(employer, found, form: OpeningForm):
    """Save the opening form (one commit) or show it."""
    session = database.session()
    if form.validate_on_submit():
        try:
            saved = service.save_opening(session, current_user, employer, form.to_input(), found)
        except MatchingError:
            session.rollback()
            flash(_(NOT_DONE), "error")
        else:
            session.commit()
            flash(_("Saved."), "success")
            return redirect(url_for(".opening", opening_id=saved.id))
    return render_template("matching/opening.html", employer=employer, opening=found,
                           form=form, link_form=LinkForm(),
                           proposals=proposals_of_opening(session, found) if found else [])


@bp.route("/plats/<int:opening_id>/lista")
def ranked(opening_id: int):
    """The people who fit the opening, best first, each with the reasons (in counts, so a
    list never shows anyone's needs). Each person considered is logged."""
    found = managed(service.opening_for, opening_id)
    session = database.session()
    result = rank_opening(session, current_user, found, missing_choice())
    session.commit()
    return render_template("matching/ranked.html", opening=found, ranked=result)


@bp.route("/plats/<int:opening_id>/person/<public_id>", methods=["GET", "POST"])
def candidate(opening_id: int, public_id: str):
    """One person against the opening, with every reason; propose the opening."""
    found = managed(service.opening_for, opening_id)
    person = person_or_404(public_id)
    allow(Action.MATCH_PROPOSE if request.method == "POST" else Action.MATCH_RANK, person)
    session = database.session()
    form = ProposeForm()
    if form.validate_on_submit():
        try:
            propose(session, current_user, found, person, missing_choice())
        except MatchingError:
            session.rollback()
            flash(_("This person cannot be proposed for this opening now. Nothing was "
                    "changed."), "error")
        else:
            session.commit()
            flash(_("Proposed. The person answers on their own page."), "success")
            return redirect(url_for(".opening", opening_id=opening_id))
    result = match_one(session, current_user, found, person, missing_choice())
    return render_template("matching/candidate.html", opening=found, person=person,
                           result=result, form=form, missing=missing_choice())


@bp.route("/forslag/<int:proposal_id>/lank", methods=["POST"])
def employer_link(proposal_id: int):
    """Make the employer's link for an agreed proposal and show it once."""
    session = database.session()
    proposal = session.get(MatchProposal, proposal_id)
    if proposal is None:
        abort(404)
    managed(service.opening_for, proposal.opening_id)
    allow(Action.EMPLOYER_LINK, proposal.person, about=proposal.id)
    form = LinkForm()
    try:
        if not form.validate_on_submit():
            raise MatchingError("days")
        issued = make_link(session, current_user, proposal, form.days.data)
    except MatchingError:
        session.rollback()
        flash(_("No link was made: the person has not said yes to this employer, or the "
                "number of days is not between 1 and 30."), "error")
        return redirect(url_for(".opening", opening_id=proposal.opening_id))
    session.commit()
    return render_template("matching/link.html", proposal=proposal, issued=issued,
                           address=request.host_url.rstrip("/") + LINK_PATH + issued.code)
