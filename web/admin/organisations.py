"""The admin's organisation pages: create, rename, and let people register in a programme."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.models import Organisation, Person, User
from assessor.services import account_service
from assessor.services.accounts import AccountError
from assessor.services.policy import Action
from web import database
from web.access import allow
from web.account_links import account_error_text
from web.admin import bp
from web.admin.forms import OrganisationForm
from web.admin.routes import logged


@bp.route("/organisationer", methods=["GET", "POST"])
def organisations():
    """Every organisation with its number of staff and people; a form for a new one."""
    allow(Action.ACCOUNTS)
    session = database.session()
    form = OrganisationForm()
    if form.validate_on_submit():
        try:
            organisation = account_service.create_organisation(session, current_user,
                                                               form.name.data)
            account_service.change_organisation(session, current_user, organisation,
                                                self_registration=form.self_registration.data)
        except AccountError as error:
            database.discard()
            form.name.errors.append(account_error_text(error))
        else:
            flash(_("%(name)s is added.", name=organisation.name), "success")
            return redirect(url_for(".organisations"))
    logged("organisations")
    return render_template("admin/organisations.html", form=form, rows=_rows(session))


def _rows(session) -> list[tuple[Organisation, int, int]]:
    staff = (sa.select(sa.func.count(User.id)).where(User.organisation_id == Organisation.id)
             .scalar_subquery())
    people = (sa.select(sa.func.count(Person.id))
              .where(Person.organisation_id == Organisation.id).scalar_subquery())
    return list(session.execute(sa.select(Organisation, staff, people)
                                .order_by(Organisation.name)))


@bp.route("/organisationer/<int:organisation_id>", methods=["GET", "POST"])
def organisation(organisation_id: int):
    """Rename an organisation; turn registering in it on or off."""
    allow(Action.ACCOUNTS)
    session = database.session()
    organisation = session.get(Organisation, organisation_id)
    if organisation is None:
        abort(404)
    form = OrganisationForm(obj=organisation)
    if form.validate_on_submit():
        try:
            changed = account_service.change_organisation(
                session, current_user, organisation, name=form.name.data,
                self_registration=form.self_registration.data)
        except AccountError as error:
            database.discard()
            form.name.errors.append(account_error_text(error))
        else:
            flash(_("Saved.") if changed else _("Nothing was changed."), "success")
            return redirect(url_for(".organisations"))
    logged(f"organisations #{organisation.id}")
    return render_template("admin/organisation.html", form=form, organisation=organisation)
