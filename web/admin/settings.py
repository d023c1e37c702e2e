"""The admin's settings: how long an unclaimed guest of an evening is kept (the environment's
``KODPROV_GUEST_DAYS`` until the admin sets a number here)."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from assessor.services import admin_settings
from assessor.services.policy import Action
from web import database
from web.access import allow
from web.admin import bp
from web.admin.forms import GUEST_DAYS_BOUNDS, GuestDaysForm
from web.admin.routes import logged
from web.guest_retention import env_guest_days, guest_days


@bp.route("/installningar", methods=["GET", "POST"])
def settings_page():
    """Show and change the guests' retention days."""
    allow(Action.ACCOUNTS)
    form = GuestDaysForm(data={"days": guest_days()})
    if form.validate_on_submit():
        try:
            admin_settings.change_setting(database.session(), current_user,
                                          admin_settings.GUEST_DAYS, form.days.data)
        except admin_settings.SettingError:
            database.discard()
            form.days.errors = [_("Write a whole number of days from %(lowest)s to "
                                  "%(highest)s.", lowest=GUEST_DAYS_BOUNDS.lowest,
                                  highest=GUEST_DAYS_BOUNDS.highest)]
        else:
            flash(_("Saved. Unclaimed guests are now kept %(days)s days after their "
                    "evening.", days=form.days.data), "success")
            return redirect(url_for(".settings_page"))
    else:
        logged("settings")
    return render_template("admin/settings.html", form=form, default=env_guest_days())
