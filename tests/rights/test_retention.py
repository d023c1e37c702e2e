"""The retention rules: what is past its time is listed by a dry run and removed (and logged)
by a real one; nothing younger is touched. Times are put in the past instead of freezing the
clock."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from assessor.cli.main import cli
from assessor.models import (
    AccessLog,
    Consent,
    Draft,
    FollowUp,
    LoginSession,
    Person,
    QuestionnaireResponse,
    Submission,
)
from assessor.services.rights import periods, requests, retention

NOW = datetime.now(UTC)
LONG_AGO = NOW - timedelta(days=4 * 365)


def due_ids(db_session) -> dict[str, tuple[int, ...]]:
    return {d.category: d.ids for d in retention.due(db_session)}


def test_every_kind_of_data_has_a_rule_and_what_erasure_does_to_it():
    names = {c.name for c in periods.CATEGORIES}
    assert {"account", "login_session", "draft", "precheck", "hand_in", "questionnaire",
            "consent", "person", "follow_up", "access_log", "rights_request"} <= names
    assert set(retention.RULES) <= names
    assert all(c.on_erasure in ("delete", "archive", "keep") for c in periods.CATEGORIES)


def test_a_dry_run_lists_what_is_past_its_time_and_removes_nothing(db_session, world):
    tove = world.tove
    old_draft = Draft(person_id=tove.id, challenge_id="a", files={}, updated_at=LONG_AGO)
    new_draft = Draft(person_id=tove.id, challenge_id="b", files={})
    old_precheck = Submission(person_id=tove.id, challenge_id="a", kind="precheck",
                              created_at=LONG_AGO)
    ended = LoginSession(user_id=tove.user_id, token_hash="e" * 64, expires_at=LONG_AGO)
    active = LoginSession(user_id=tove.user_id, token_hash="f" * 64,
                          expires_at=NOW + timedelta(days=3))
    old_entry = AccessLog(actor_role="system", action="read", what="report", at=LONG_AGO)
    db_session.add_all([old_draft, new_draft, old_precheck, ended, active, old_entry])
    db_session.commit()
    found = due_ids(db_session)
    assert found["draft"] == (old_draft.id,)
    assert found["precheck"] == (old_precheck.id,)
    assert found["login_session"] == (ended.id,)
    assert found["access_log"] == (old_entry.id,)
    assert found["person"] == () and found["follow_up"] == ()
    assert db_session.get(Draft, old_draft.id) is not None


def test_a_run_removes_what_is_due_keeps_the_rest_and_logs_it(db_session, world):
    tove = world.tove
    old = Draft(person_id=tove.id, challenge_id="a", files={}, updated_at=LONG_AGO)
    young = Draft(person_id=tove.id, challenge_id="b", files={})
    db_session.add_all([old, young])
    db_session.commit()
    retention.apply(db_session)
    db_session.commit()
    db_session.expire_all()
    assert db_session.get(Draft, old.id) is None and db_session.get(Draft, young.id) is not None
    entry = db_session.scalar(sa.select(AccessLog).where(AccessLog.what == "retention"))
    assert (entry.actor_role, entry.reason) == ("system", "draft: 1")


def make_inactive(db_session, person: Person) -> None:
    """Everything about ``person`` happened four years ago."""
    for model, column in ((Submission, "created_at"), (Draft, "updated_at"),
                          (QuestionnaireResponse, "updated_at")):
        db_session.execute(sa.update(model).where(model.person_id == person.id)
                           .values({column: LONG_AGO}))
    db_session.execute(sa.update(Consent).where(Consent.person_id == person.id)
                       .values(given_at=LONG_AGO))
    db_session.execute(sa.update(FollowUp).where(FollowUp.person_id == person.id)
                       .values(booked_for=LONG_AGO))
    db_session.execute(sa.update(Person).where(Person.id == person.id)
                       .values(created_at=LONG_AGO))
    db_session.commit()


def test_a_person_inactive_for_three_years_is_erased_and_archive_rules_hold_back_the_rest(
        db_session, world):
    tove, ulf = world.tove, db_session.scalar(sa.select(Person).where(Person.name == "Ulf Annan"))
    make_inactive(db_session, ulf)
    make_inactive(db_session, tove)
    db_session.execute(sa.update(FollowUp).values(booked_for=NOW - timedelta(days=30)))
    db_session.commit()
    # Tove's follow-up a month ago is activity: she stays; Ulf has done nothing for four years
    assert due_ids(db_session)["person"] == (ulf.id,)
    retention.apply(db_session)
    db_session.commit()
    db_session.expire_all()
    assert db_session.get(Person, ulf.id) is None
    assert db_session.get(Person, tove.id).restricted_at is None


def test_an_erasure_held_back_by_archive_rules_completes_when_the_archive_period_ends(
        db_session, world):
    tove = world.tove
    request = requests.ask(db_session, world.users["candidate self"], tove, "erasure")
    db_session.commit()
    assert requests.carry_out(db_session, world.users["admin"], request) == "restricted"
    db_session.commit()
    assert due_ids(db_session)["erased_person"] == ()  # the follow-up is still kept
    db_session.execute(sa.update(FollowUp).values(booked_for=LONG_AGO, held_at=LONG_AGO))
    db_session.commit()
    found = due_ids(db_session)
    assert found["follow_up"] == (world.follow_up.id,)
    retention.apply(db_session)
    db_session.commit()
    db_session.expire_all()
    assert db_session.get(FollowUp, world.follow_up.id) is None
    assert db_session.get(Person, tove.id) is None


def test_kodprov_retention_dry_run_shows_and_a_run_removes(runner, db_session, world,
                                                            database_url, monkeypatch):
    monkeypatch.setenv("KODPROV_DATABASE_URL", database_url)
    db_session.add(Draft(person_id=world.tove.id, challenge_id="a", files={},
                         updated_at=LONG_AGO))
    db_session.commit()
    shown = runner.invoke(cli, ["retention", "--dry-run", "--json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.output)["would_remove"]["draft"] == 1
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Draft)) == 1
    text = runner.invoke(cli, ["retention", "--dry-run"])
    assert "draft" in text.output and "would remove" in text.output
    done = runner.invoke(cli, ["retention", "--json"])
    assert json.loads(done.output)["removed"]["draft"] == 1
    db_session.expire_all()
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Draft)) == 0
