"""Running an evening through the services: creating, joining, guests and their claim links,
check-in, help, announcements, closing, supervised evidence and the export."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import sqlalchemy as sa

from assessor.models import (
    Consent,
    Draft,
    Event,
    Participant,
    Person,
    Submission,
    SubmissionKind,
    User,
)
from assessor.services import events, policy
from assessor.services.account_service import person_of
from assessor.services.rights import retention
from assessor.services.submissions import NewSubmission, create_submission, save_draft
from tests.app_settings import catalogue
from tests.events.conftest import NOW


def hand_in(db_session, user, challenge="p1-summa-medel", score=None):
    person = person_of(db_session, user)
    submission, _ = create_submission(db_session, person, NewSubmission(
        challenge_id=challenge, challenge_version="1", seed=1, files={"main.py": "print(1)"}),
        by=user)
    if score is not None:
        submission.status, submission.score, submission.gradable = "graded", score, True
    db_session.commit()
    return submission


def counts(db_session) -> tuple[int, ...]:
    return tuple(db_session.scalar(sa.select(sa.func.count()).select_from(model))
                 for model in (Event, Participant, User, Person))


def test_a_facilitator_creates_an_evening_with_a_code_without_look_alikes(make_event, coach):
    event = make_event()
    assert event.organisation_id == coach.organisation_id
    assert len(event.join_code) == 6 and not set(event.join_code) & set("0O1IL5S8B2Z")


@pytest.mark.parametrize(("changes", "code"), [
    ({"name": " "}, "bad_name"),
    ({"ends_at": NOW - timedelta(hours=2)}, "bad_window"),
    ({"place": ""}, "no_place"),
    ({"remote": True, "video_link": "javascript:alert(1)"}, "bad_link"),
    ({"challenge_ids": ("no-such-task",)}, "unknown_challenge"),
])
def test_a_bad_evening_is_refused_and_nothing_is_saved(db_session, coach, changes, code):
    new = events.NewEvent(**{"name": "Kväll", "starts_at": NOW, "place": "Rum 3",
                             "ends_at": NOW + timedelta(hours=2), **changes})
    with pytest.raises(events.EventError) as refused:
        events.create_event(db_session, new, by=coach, catalogue=catalogue)
    db_session.rollback()
    assert refused.value.code == code and counts(db_session)[0] == 0


def test_only_a_coach_with_a_programme_creates_evenings(db_session, make_user):
    new = events.NewEvent("Kväll", NOW, NOW + timedelta(hours=2), place="Rum 3")
    for user in (make_user(role="facilitator"), make_user(role="caseworker"), make_user()):
        with pytest.raises(policy.AccessDeniedError):
            events.create_event(db_session, new, by=user, catalogue=catalogue)


def test_a_candidate_joins_once_and_a_second_time_changes_nothing(db_session, make_event,
                                                                  make_user):
    event, kim = make_event(), make_user(name="Kim Berg")
    found = events.find_by_code(db_session, f" {event.join_code.lower()[:3]}-"
                                            f"{event.join_code.lower()[3:]} ")
    place = events.join_with_account(db_session, found, kim, "Kim")
    db_session.commit()
    with pytest.raises(events.EventError, match="already_joined"):
        events.join_with_account(db_session, event, kim, "Kim igen")
    db_session.rollback()
    assert [p.id for p in db_session.scalars(sa.select(Participant))] == [place.id]


def test_wrong_and_expired_codes_and_taken_nicknames_are_refused(db_session, make_event,
                                                                 make_user):
    event = make_event()
    ended = make_event(starts=timedelta(hours=-3), ends=timedelta(hours=-1))
    for typed, code in (("AAAAAA", "unknown_code"), ("O0O0O0", "unknown_code"),
                        ("", "unknown_code"), (ended.join_code, "closed")):
        with pytest.raises(events.EventError, match=code):
            events.find_by_code(db_session, typed)
    events.join_with_account(db_session, event, make_user(), "Kim")
    db_session.commit()
    before = counts(db_session)
    for nickname in (" kim ", "KIM"):
        with pytest.raises(events.EventError, match="nickname_taken"):
            events.join_as_guest(db_session, event, nickname)
        db_session.rollback()
    with pytest.raises(events.EventError, match="nickname"):
        events.join_as_guest(db_session, event, "   ")
    db_session.rollback()
    assert counts(db_session) == before  # no guest account was left behind


def test_a_checked_in_participants_hand_ins_in_the_window_are_supervised(db_session, make_event,
                                                                        make_user, coach):
    event = make_event()
    kim = make_user(tests_consent=True)
    place = events.join_with_account(db_session, event, kim, "Kim")
    db_session.commit()
    before = hand_in(db_session, kim)
    events.check_in(db_session, event, place.id, by=coach)
    db_session.commit()
    during = hand_in(db_session, kim)
    events.close_event(db_session, event, by=coach)
    db_session.commit()
    after = hand_in(db_session, kim)
    assert (before.evidence, during.evidence, after.evidence) == (
        "unsupervised", "supervised", "unsupervised")


def test_a_remote_evening_gives_supervised_remotely(db_session, make_event, make_user, coach):
    event = make_event(remote=True)
    kim = make_user(tests_consent=True)
    place = events.join_with_account(db_session, event, kim, "Kim")
    events.check_in(db_session, event, place.id, by=coach)
    db_session.commit()
    assert hand_in(db_session, kim).evidence == "supervised_remote"


def test_a_coach_of_another_programme_runs_nothing_here(db_session, make_event, make_user,
                                                        programme_coach):
    event, other = make_event(), programme_coach()
    place = events.join_with_account(db_session, event, make_user(), "Kim")
    db_session.commit()
    for act in (lambda: events.check_in(db_session, event, place.id, by=other),
                lambda: events.close_event(db_session, event, by=other),
                lambda: events.announce(db_session, event, "Hej", by=other)):
        with pytest.raises(policy.AccessDeniedError):
            act()
    assert db_session.get(Participant, place.id).checked_in_at is None


def test_help_requests_queue_once_and_leave_when_handled(db_session, make_event, make_user,
                                                         coach):
    event, kim = make_event(), make_user()
    place = events.join_with_account(db_session, event, kim, "Kim")
    first = events.ask_for_help(db_session, event, place, by=kim)
    again = events.ask_for_help(db_session, event, place, by=kim)
    assert first.id == again.id
    helped = events.live_view(db_session, event, catalogue=catalogue)["help"]
    assert [h["nickname"] for h in helped] == ["Kim"]
    events.mark_handled(db_session, event, first.id, by=coach)
    assert events.live_view(db_session, event, catalogue=catalogue)["help"] == []
    with pytest.raises(policy.AccessDeniedError):
        events.ask_for_help(db_session, event, place, by=make_user())


def test_announcements_and_a_closed_evening(db_session, make_event, make_user, coach):
    event = make_event()
    events.announce(db_session, event, "  Pizza   kl 18 ", by=coach)
    with pytest.raises(events.EventError, match="bad_text"):
        events.announce(db_session, event, "x" * 501, by=coach)
    assert [a.text for a in events.announcements(db_session, event)] == ["Pizza kl 18"]
    events.close_event(db_session, event, by=coach)
    db_session.commit()
    with pytest.raises(events.EventError, match="closed"):
        events.join_with_account(db_session, event, make_user(), "Sent")
    with pytest.raises(events.EventError, match="closed"):
        events.find_by_code(db_session, event.join_code)


def test_a_guest_claims_the_results_into_an_account(db_session, make_event, make_user, coach):
    event = make_event()
    guest, place, token = events.join_as_guest(db_session, event, "Gästen")
    guest_person = person_of(db_session, guest)
    db_session.add(Consent(person_id=guest_person.id, purpose="assessment"))
    events.check_in(db_session, event, place.id, by=coach)
    db_session.commit()
    handed = hand_in(db_session, guest)
    save_draft(db_session, guest_person, "p1-summa-medel", {"main.py": "x"}, by=guest)
    db_session.commit()
    kim = make_user(tests_consent=True)
    with pytest.raises(events.EventError, match="own_results"):
        events.claim_guest(db_session, token, by=guest)
    kims = events.claim_guest(db_session, token, by=kim)
    db_session.commit()
    db_session.expire_all()
    assert db_session.get(Submission, handed.id).person_id == kims.id
    assert db_session.get(Submission, handed.id).evidence == "supervised"
    assert db_session.scalar(sa.select(Draft.person_id)) == kims.id
    assert db_session.get(User, guest.id) is None
    assert db_session.get(Person, guest_person.id) is None
    moved = db_session.get(Participant, place.id)
    assert (moved.person_id, moved.guest, moved.claim_token_hash) == (kims.id, False, None)
    with pytest.raises(events.EventError, match="not_guest"):
        events.claim_guest(db_session, token, by=kim)


def test_unclaimed_guests_are_removed_by_retention_after_their_period(db_session, make_event,
                                                                      make_user):
    old = make_event(starts=timedelta(days=-60, hours=-2), ends=timedelta(days=-60))
    recent = make_event()
    old_guest, _, _ = events.join_as_guest(db_session, old, "Gammal", now=old.starts_at)
    new_guest, _, _ = events.join_as_guest(db_session, recent, "Ny")
    member = events.join_with_account(db_session, old, make_user(), "Medlem",
                                      now=old.starts_at)
    db_session.commit()
    old_person = person_of(db_session, old_guest).id
    assert {d.category: d.ids for d in retention.due(db_session)}["guest"] == (old_person,)
    retention.apply(db_session)
    db_session.commit()
    db_session.expire_all()
    assert db_session.get(User, old_guest.id) is None
    assert db_session.get(User, new_guest.id) is not None
    assert db_session.get(Participant, member.id) is not None


def test_the_export_has_one_row_per_hand_in_of_the_evening(db_session, make_event, make_user,
                                                          coach):
    event = make_event()
    kim, sam = make_user(tests_consent=True), make_user(tests_consent=True)
    place = events.join_with_account(db_session, event, kim, "Kim")
    events.join_with_account(db_session, event, sam, "Sam")
    events.check_in(db_session, event, place.id, by=coach)
    db_session.commit()
    hand_in(db_session, kim, score=1.0)
    hand_in(db_session, sam, score=0.5)
    hand_in(db_session, make_user(tests_consent=True))  # not at the evening
    rows = events.hand_in_rows(db_session, event)
    kim_code = person_of(db_session, kim).public_id
    assert [(r.person_code == kim_code, r.score, r.supervised) for r in rows] == [
        (True, 1.0, True), (False, 0.5, False)]
    csv_lines = events.export_csv(rows).lstrip("\ufeff").splitlines()
    assert csv_lines[0] == "person_code;task;score;time;supervised"
    assert csv_lines[1].startswith(f"{kim_code};p1-summa-medel;1.0;")
    assert csv_lines[1].endswith("true")
    data = json.loads(events.export_json(event, rows))
    assert data["event"]["id"] == event.id and len(data["rows"]) == 2
    summary = {s.nickname: (s.attempts, s.solved, s.supervised)
               for s in events.person_summaries(db_session, event, catalogue=catalogue)}
    assert summary == {"Kim": (1, 1, 1), "Sam": (1, 0, 0)}


def test_the_live_view_counts_each_persons_attempts_in_the_window_and_their_newest_task(
        db_session, make_event, make_user, coach):
    event = make_event(challenges=("p1-summa-medel", "p1-vokaler"))
    kim, sam = make_user(tests_consent=True), make_user(tests_consent=True)
    place = events.join_with_account(db_session, event, kim, "Kim")
    events.join_with_account(db_session, event, sam, "Sam")
    events.check_in(db_session, event, place.id, by=coach)
    db_session.commit()
    before = hand_in(db_session, kim, "p1-ordfrekvens", score=1.0)
    before.created_at = event.starts_at - timedelta(minutes=1)  # at home, before the evening
    hand_in(db_session, kim, score=1.0)
    hand_in(db_session, kim, score=1.0)  # the same task solved twice counts once
    hand_in(db_session, kim, "p1-vokaler", score=0.5)
    db_session.commit()

    def people():
        return [(p["nickname"], p["checked_in"], p["attempts"], p["solved"], p["supervised"],
                 p["working_on"]) for p in events.live_view(
                     db_session, event, catalogue=catalogue)["people"]]

    assert people() == [("Kim", True, 3, 1, 3, catalogue.title("p1-vokaler")),
                        ("Sam", False, 0, 0, 0, "")]
    save_draft(db_session, person_of(db_session, kim), "p1-summa-medel", {"main.py": "x"},
               by=kim)  # a draft saved since the evening began is what they work on now
    db_session.commit()
    assert people()[0][-1] == catalogue.title("p1-summa-medel")


def test_the_scoreboard_shows_only_those_who_opt_in_and_can_be_hidden(db_session, make_event,
                                                                      make_user, coach):
    event = make_event()
    kim, sam = make_user(tests_consent=True), make_user(tests_consent=True)
    kim_place = events.join_with_account(db_session, event, kim, "Kim")
    events.join_with_account(db_session, event, sam, "Sam")
    db_session.commit()
    hand_in(db_session, kim, score=1.0)
    assert events.scoreboard_lines(db_session, event) is None  # off by default
    events.set_scoreboard(db_session, event, by=coach, on=True, hidden=False, frozen=False)
    events.opt_in(db_session, kim_place, True, by=kim)
    assert [(line.nickname, line.solved)
            for line in events.scoreboard_lines(db_session, event)] == [("Kim", 1)]
    events.set_scoreboard(db_session, event, by=coach, on=True, hidden=True, frozen=False)
    assert events.scoreboard_lines(db_session, event) is None


def test_prechecks_are_no_hand_ins_of_the_evening(db_session, make_event, make_user, coach):
    event, kim = make_event(), make_user(tests_consent=True)
    place = events.join_with_account(db_session, event, kim, "Kim")
    events.check_in(db_session, event, place.id, by=coach)
    person = person_of(db_session, kim)
    precheck, _ = create_submission(db_session, person, NewSubmission(
        challenge_id="p1-summa-medel", challenge_version="1", seed=1, files={"main.py": "print(1)"},
        kind=SubmissionKind.PRECHECK), by=kim)
    db_session.commit()
    assert precheck.evidence == "unsupervised" and events.hand_in_rows(db_session, event) == []


def test_kodprov_events_export_gives_the_same_rows_and_refuses_bad_input(
        runner, db_session, make_event, make_user, coach, database_url, monkeypatch):
    from assessor.cli.main import cli

    monkeypatch.setenv("KODPROV_DATABASE_URL", database_url)
    event, kim = make_event(), make_user(tests_consent=True)
    place = events.join_with_account(db_session, event, kim, "Kim")
    events.check_in(db_session, event, place.id, by=coach)
    db_session.commit()
    hand_in(db_session, kim, score=1.0)
    as_json = runner.invoke(cli, ["events", "export", "--event", str(event.id), "--format",
                                  "json"])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.output)["rows"][0]["supervised"] is True
    as_csv = runner.invoke(cli, ["events", "export", "--event", str(event.id)])
    assert as_csv.output.splitlines()[0] == "person_code;task;score;time;supervised"
    for args in (["--event", "999"], ["--event", "x"], ["--event", str(event.id), "--format",
                                                        "xml"], []):
        refused = runner.invoke(cli, ["events", "export", *args])
        assert refused.exit_code != 0 and "Traceback" not in refused.output, args
