"""The rules of an evening, from data alone: codes, windows, nicknames, supervised evidence
and the scoreboard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from assessor.domain.events import (
    BEFORE,
    CLOSED,
    JOIN_CODE_ALPHABET,
    OPEN,
    Window,
    clean_nickname,
    counts_as_supervised,
    evidence_for,
    new_join_code,
    nickname_key,
    normalised_code,
    scoreboard,
    window_problem,
)
from assessor.domain.vocabulary import Evidence

START = datetime(2026, 3, 3, 16, 0, tzinfo=UTC)  # Tuesday 17:00 in Sweden
WINDOW = Window(START, START + timedelta(hours=2))


def test_a_join_code_has_no_characters_that_look_alike():
    assert not set(JOIN_CODE_ALPHABET) & set("0OQD1IL2Z5S8BUV")
    codes = {new_join_code() for _ in range(200)}
    assert all(len(c) == 6 and set(c) <= set(JOIN_CODE_ALPHABET) for c in codes)
    assert len(codes) > 190


def test_a_typed_code_is_read_forgivingly_and_a_non_code_is_nothing():
    assert normalised_code(" ace-fgh ") == "ACEFGH"
    assert normalised_code("ACE FGH") == "ACEFGH"
    for typed in ("", "ACEFG", "ACEFGHA", "ACEFG0", "AC\x00FGH", None):
        assert normalised_code(typed) == ""


def test_the_window_is_before_open_and_closed_and_an_early_close_ends_it():
    assert WINDOW.phase(START - timedelta(minutes=1)) == BEFORE
    assert WINDOW.phase(START) == OPEN
    assert WINDOW.phase(START + timedelta(hours=2)) == CLOSED
    early = Window(START, START + timedelta(hours=2), closed_at=START + timedelta(hours=1))
    assert early.phase(START + timedelta(minutes=61)) == CLOSED
    assert early.end == START + timedelta(hours=1)


def test_a_naive_stored_time_is_read_as_utc():
    naive = Window(START.replace(tzinfo=None), (START + timedelta(hours=2)).replace(tzinfo=None))
    assert naive.phase(START + timedelta(minutes=5)) == OPEN


def test_a_window_must_end_after_it_starts_and_last_at_most_twelve_hours():
    assert window_problem(START, START) == "ends_first"
    assert window_problem(START, START + timedelta(hours=13)) == "too_long"
    assert window_problem(START, START + timedelta(hours=2)) is None


def test_supervised_only_when_checked_in_before_and_inside_the_window():
    checked = START + timedelta(minutes=10)
    assert counts_as_supervised(WINDOW, checked, START + timedelta(minutes=30))
    assert not counts_as_supervised(WINDOW, None, START + timedelta(minutes=30))
    assert not counts_as_supervised(WINDOW, checked, START + timedelta(minutes=5))
    assert not counts_as_supervised(WINDOW, checked, START + timedelta(hours=2))


def test_a_remote_evening_is_supervised_remotely_ranked_between_home_and_the_room():
    assert evidence_for(remote=True) == Evidence.SUPERVISED_REMOTE
    assert evidence_for(remote=False) == Evidence.SUPERVISED
    order = list(Evidence)
    assert order.index(Evidence.UNSUPERVISED) < order.index(Evidence.SUPERVISED_REMOTE) \
        < order.index(Evidence.SUPERVISED)


def test_nicknames_are_tidied_and_compared_without_case_or_spaces():
    assert clean_nickname("  Kim   B ") == "Kim B"
    assert clean_nickname("...") == clean_nickname("") == clean_nickname("x" * 41) == ""
    assert nickname_key(" KIM ") == nickname_key("kim")


def test_the_scoreboard_shows_solved_counts_of_those_who_opted_in_by_name_not_rank():
    lines = scoreboard([("Sam", True, 5), ("alex", True, 1), ("Kim", False, 9)])
    assert [(line.nickname, line.solved) for line in lines] == [("alex", 1), ("Sam", 5)]
