"""The people list, its CSV file, and adding a person. Who is listed, which columns each row
shows and what each link may open are the access policy's; every person shown (or written to
the file) is logged."""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.domain.clock import utcnow
from assessor.services import policy
from assessor.services.people import add_person
from assessor.services.people_overview import PersonRow, arrange, overview
from assessor.services.policy import Action
from web import database
from web.access import allow
from web.grading import catalogue
from web.people import bp
from web.people.export import people_csv
from web.people.forms import AddPersonForm, PeopleFilterForm


def _rows(form: PeopleFilterForm, *also: Action) -> list[PersonRow]:
    """The rows this user may see (and may also do ``also`` about), filtered and sorted."""
    session = database.session()
    form.validate()
    listed = policy.listable(session, current_user, *also)
    return arrange(overview(session, listed, catalogue=catalogue()), form.wanted())


def render_people_list() -> str:
    """The people this user may see, with what they may see of each, as filtered and sorted."""
    session = database.session()
    form = PeopleFilterForm(request.args)
    rows = _rows(form)
    policy.log_listed(session, current_user, [row.person for row in rows])
    database.commit_now(database.Early.ACCESS_LOG)  # the list's access-log entries
    return render_template("people/index.html", rows=rows, form=form, Action=Action,
                           may_add=policy.check(session, current_user, Action.PERSON_ADD).allowed,
                           may_preview=policy.check(session, current_user,
                                                    Action.TASK_PREVIEW).allowed,
                           query=request.query_string.decode("ascii", "replace"))


@bp.route("/")
def index():
    """The people this user may see."""
    return render_people_list()


@bp.route("/lista.csv")
def export():
    """The list as it is filtered and sorted, as a CSV file for a spreadsheet (only the people
    this user may export, each logged as an export)."""
    session = database.session()
    rows = _rows(PeopleFilterForm(request.args), Action.PEOPLE_EXPORT)
    policy.log_listed(session, current_user, [row.person for row in rows], Action.PEOPLE_EXPORT)
    database.commit_now(database.Early.ACCESS_LOG)
    name = f"kodprov-personer-{utcnow():%Y-%m-%d}.csv"
    return Response(people_csv(rows), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/ny", methods=["GET", "POST"])
def new():
    """Add a person who has no login yet, with the yes to the tests they gave."""
    allow(Action.PERSON_ADD)
    form = AddPersonForm()
    if form.validate_on_submit():
        session = database.session()
        person = add_person(session, current_user, form.name.data, form.gender.data)
        flash(_("%(name)s is added.", name=person.name), "success")
        return redirect(url_for("questionnaire.overview", public_id=person.public_id))
    return render_template("people/new.html", form=form)
