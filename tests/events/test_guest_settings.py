"""The guests' retention days as the admin sets them (bounded, logged, the environment's value
until set) and as ``kodprov retention`` uses them; a guest's claim link by e-mail, the address
kept only until the results are claimed or the guest is deleted."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import sqlalchemy as sa

from assessor.cli.main import cli
from assessor.models import AccessLog, AdminSetting, Participant, User
from assessor.services import admin_settings, events, policy
from assessor.services.rights import export, retention
from tests.app_settings import catalogue


def test_the_env_value_holds_until_the_admin_sets_one(db_session, make_user):
    admin = make_user(role="admin")
    assert admin_settings.guest_days(db_session, 30) == 30
    admin_settings.change_setting(db_session, admin, admin_settings.GUEST_DAYS, 7)
    db_session.commit()
    assert admin_settings.guest_days(db_session, 30) == 7
    entry = db_session.scalar(sa.select(AccessLog).where(AccessLog.actor_id == admin.id))
    assert entry.what == "settings.guest_days = 7" and entry.action == "change"


@pytest.mark.parametrize("value", [0, 366, -3, True, "10", None])
def test_days_out_of_bounds_are_refused_and_change_nothing(db_session, make_user, value):
    admin = make_user(role="admin")
    with pytest.raises(admin_settings.SettingError):
        admin_settings.change_setting(db_session, admin, admin_settings.GUEST_DAYS, value)
    db_session.rollback()
    assert db_session.scalar(sa.select(sa.func.count()).select_from(AdminSetting)) == 0


def test_only_an_admin_sets_the_days(db_session, coach, make_user):
    for user in (coach, make_user(), make_user(role="caseworker")):
        with pytest.raises(policy.AccessDeniedError):
            admin_settings.change_setting(db_session, user, admin_settings.GUEST_DAYS, 5)


def test_kodprov_retention_removes_guests_after_the_admins_days(
        runner, db_session, make_event, make_user, database_url, monkeypatch):
    monkeypatch.setenv("KODPROV_DATABASE_URL", database_url)
    monkeypatch.setenv("KODPROV_GUEST_DAYS", "30")
    ten_days_ago = make_event(starts=timedelta(days=-10, hours=-2), ends=timedelta(days=-10))
    guest, _place, _token = events.join_as_guest(db_session, ten_days_ago, "Gäst",
                                                 now=ten_days_ago.starts_at)
    db_session.commit()
    guest_id = guest.id
    kept = runner.invoke(cli, ["retention", "--dry-run", "--json"])
    assert json.loads(kept.output)["would_remove"].get("guest", 0) == 0  # 30 days: not yet
    admin_settings.change_setting(db_session, make_user(role="admin"),
                                  admin_settings.GUEST_DAYS, 5)
    db_session.commit()
    done = runner.invoke(cli, ["retention", "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["removed"]["guest"] == 1
    db_session.expire_all()
    assert db_session.get(User, guest_id) is None


def test_a_guest_gets_a_fresh_link_for_the_address_given(db_session, make_event):
    event = make_event()
    guest, place, token = events.join_as_guest(db_session, event, "Gäst")
    fresh = events.new_claim_link(db_session, place, " Gast@Example.se ", by=guest)
    db_session.commit()
    assert place.claim_email == "Gast@example.se"
    assert events.joining.guest_of_token(db_session, token) is None  # the old link ended
    assert events.joining.guest_of_token(db_session, fresh).id == place.id


@pytest.mark.parametrize("address", ["", "inte en adress", "a@", "x" * 250 + "@example.se"])
def test_a_bad_address_is_refused_and_nothing_changes(db_session, make_event, address):
    event = make_event()
    guest, place, token = events.join_as_guest(db_session, event, "Gäst")
    db_session.commit()
    with pytest.raises(events.EventError, match="bad_email"):
        events.new_claim_link(db_session, place, address, by=guest)
    db_session.rollback()
    assert place.claim_email is None
    assert events.joining.guest_of_token(db_session, token) is not None


def test_a_member_with_an_account_gets_no_claim_link(db_session, make_event, make_user):
    event, kim = make_event(), make_user()
    place = events.join_with_account(db_session, event, kim, "Kim")
    with pytest.raises(events.EventError, match="not_guest"):
        events.new_claim_link(db_session, place, "kim@example.se", by=kim)


def test_someone_else_cannot_set_a_guests_address(db_session, make_event, make_user):
    event = make_event()
    _guest, place, _token = events.join_as_guest(db_session, event, "Gäst")
    with pytest.raises(policy.AccessDeniedError):
        events.new_claim_link(db_session, place, "x@example.se", by=make_user())


def test_the_address_goes_when_the_results_are_claimed(db_session, make_event, make_user):
    event = make_event()
    guest, place, _token = events.join_as_guest(db_session, event, "Gäst")
    token = events.new_claim_link(db_session, place, "gast@example.se", by=guest)
    db_session.commit()
    events.claim_guest(db_session, token, by=make_user(tests_consent=True))
    db_session.commit()
    db_session.expire_all()
    assert db_session.scalar(sa.select(Participant.claim_email)) is None


def test_the_address_goes_with_the_guest(db_session, make_event):
    old = make_event(starts=timedelta(days=-60, hours=-2), ends=timedelta(days=-60))
    guest, place, _token = events.join_as_guest(db_session, old, "Gäst", now=old.starts_at)
    events.new_claim_link(db_session, place, "gast@example.se", by=guest)
    db_session.commit()
    guest_id = guest.id
    retention.apply(db_session)
    db_session.commit()
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Participant).where(
        Participant.claim_email.is_not(None))) == 0
    db_session.expire_all()
    assert db_session.get(User, guest_id) is None


def test_the_guests_own_export_holds_the_address(db_session, make_event):
    event = make_event()
    guest, place, _token = events.join_as_guest(db_session, event, "Gäst")
    events.new_claim_link(db_session, place, "gast@example.se", by=guest)
    data = export.collect(db_session, place.person, catalogue=catalogue)
    assert [(e["nickname"], e["guest"], e["email_for_claim_link"]) for e in data["evenings"]] \
        == [("Gäst", True, "gast@example.se")]
