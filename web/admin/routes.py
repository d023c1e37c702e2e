"""The admin's account pages. Every page asks the policy (``accounts``) and every read and
change is written to the access log; the operations are ``assessor.services.account_service``, which
the ``kodprov users`` commands use too."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.models import Organisation, Person, User
from assessor.services import account_links, account_service, accounts
from assessor.services.accounts import AccountError
from assessor.services.identity import shown_name
from assessor.services.policy import Action
from web import database
from web.access import allow
from web.account_links import account_error_text, deliver, mailer
from web.admin import bp
from web.admin.forms import (
    STAFF_ROLES,
    AccountLinkForm,
    EditAccountForm,
    NewAccountForm,
    organisation_choices,
)
from web.ratelimits import LINKS_MADE, limited
from web.words import role_name


def logged(what: str, person=None) -> None:
    """Write the admin's read of ``what`` to the access log, committed at once."""
    session = database.session()
    account_service.log_change(session, current_user, what, person, kind="read")
    database.commit_now(database.Early.ACCESS_LOG)


@bp.route("/")
def index():
    """Every account, by role and email."""
    allow(Action.ACCOUNTS)
    logged("accounts")
    session = database.session()
    users = session.scalars(sa.select(User).order_by(User.role, User.email)).all()
    return render_template("admin/index.html", users=users, has_password=accounts.has_password,
                           hidden=hidden_accounts(session))


def hidden_accounts(session) -> set[int]:
    """Ids of the accounts of people with a protected identity whose name and e-mail the
    admin may not see (the list shows a marker instead)."""
    protected = session.scalars(sa.select(Person).where(Person.protected_identity,
                                                        Person.user_id.is_not(None)))
    return {person.user_id for person in protected
            if shown_name(session, current_user, person) is None}


def _organisations():
    return database.session().scalars(sa.select(Organisation).order_by(Organisation.name)).all()


@bp.route("/konton/ny", methods=["GET", "POST"])
@limited(*LINKS_MADE)
def new_account():
    """Create an account; the person chooses a password through the invitation shown next."""
    allow(Action.ACCOUNTS)
    form = NewAccountForm()
    form.role.choices = [(role, role_name(role)) for role in ("candidate", *STAFF_ROLES)]
    form.organisation.choices = organisation_choices(_organisations())
    if form.validate_on_submit():
        session = database.session()
        organisation = session.get(Organisation, form.organisation.data) \
            if form.organisation.data else None
        try:
            user = account_service.create_account(
                session, current_user, email=form.email.data, name=form.name.data,
                role=form.role.data, organisation=organisation.name if organisation else None)
            link = account_service.issue_account_link(session, current_user, user,
                                                      lifetime_days=_invitation_days())
        except AccountError as error:
            database.discard()
            form.email.errors.append(account_error_text(error))
        else:
            return deliver(link, form.delivery.data, back=url_for(".account", user_id=user.id))
    return render_template("admin/new_account.html", form=form,
                           email_possible=mailer() is not None)


def _invitation_days() -> int:
    return current_app.config["KODPROV_SETTINGS"].invitation_days


def _user_or_404(user_id: int) -> User:
    user = database.session().get(User, user_id)
    if user is None:
        abort(404)
    return user


@bp.route("/konton/<int:user_id>", methods=["GET", "POST"])
def account(user_id: int):
    """One account: role, organisation, open or closed, and a new link."""
    allow(Action.ACCOUNTS)
    session = database.session()
    user = _user_or_404(user_id)
    person = account_service.person_of(session, user)
    form = EditAccountForm(obj=None, data=_current(session, user))
    form.role.choices = ([(user.role, role_name(user.role))] if user.role == "candidate"
                         else [(role, role_name(role)) for role in STAFF_ROLES])
    form.organisation.choices = organisation_choices(_organisations())
    if form.validate_on_submit():
        try:
            changed = account_service.change_account(
                session, current_user, user, role=form.role.data,
                organisation_id=form.organisation.data, active=form.active.data)
        except AccountError as error:
            database.discard()
            flash(account_error_text(error), "error")
        else:
            flash(_("Saved.") if changed else _("Nothing was changed."), "success")
        return redirect(url_for(".account", user_id=user_id))
    logged(f"accounts #{user.id}", person)
    return render_template("admin/account.html", user=user, person=person, form=form,
                           link_form=AccountLinkForm(), has_password=accounts.has_password(user),
                           open_link=account_links.open_link(session, user),
                           email_possible=mailer() is not None)


def _current(session, user: User) -> dict:
    person = account_service.person_of(session, user)
    organisation = person.organisation_id if person is not None else user.organisation_id
    return {"role": user.role, "organisation": organisation or "none", "active": user.active}


@bp.route("/konton/<int:user_id>/lank", methods=["POST"])
@limited(*LINKS_MADE)
def account_link(user_id: int):
    """A new invitation (no password yet) or new-password link for the account."""
    allow(Action.ACCOUNTS)
    session = database.session()
    user = _user_or_404(user_id)
    form = AccountLinkForm()
    if not form.validate_on_submit():
        return redirect(url_for(".account", user_id=user_id))
    try:
        link = account_service.issue_account_link(session, current_user, user,
                                                  lifetime_days=_invitation_days())
    except AccountError as error:
        database.discard()
        flash(account_error_text(error), "error")
        return redirect(url_for(".account", user_id=user_id))
    return deliver(link, form.delivery.data, back=url_for(".account", user_id=user_id))
