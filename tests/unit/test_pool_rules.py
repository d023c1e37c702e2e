"""The intake pools' rules: own places first, lending when a queue is empty, giving back at
the next change, the queue's order, lowered places. Pure: no database."""

from datetime import datetime, timedelta

import pytest

from assessor.domain.intake.pools import (
    Area,
    Entry,
    Move,
    MoveKind,
    Places,
    PoolError,
    check_places,
    places_of,
    queue_order,
    settle,
)

T0 = datetime(2026, 1, 5, 9, 0)
A, B, C = 1, 2, 3


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def three(places: int = 5) -> list[Area]:
    """Three samordningsförbund with the same number of places, in order A, B, C."""
    return [Area(A, places, 0), Area(B, places, 1), Area(C, places, 2)]


def holding(entries, entry_id):
    return next(e.holds for e in entries if e.id == entry_id)


def test_a_free_place_goes_to_the_next_person_of_its_own_area():
    entries, moves = settle(three(1), [Entry(10, B, at(0))])
    assert moves == [Move(MoveKind.OWN, 10, B)]
    assert holding(entries, 10) == B


def test_the_queue_is_first_come_first_served_with_the_order_added_breaking_ties():
    waiting = [Entry(12, A, at(5)), Entry(11, A, at(0)), Entry(14, A, at(0)),
               Entry(13, A, at(1))]
    assert [e.id for e in queue_order(waiting)] == [11, 14, 13, 12]
    entries, moves = settle([Area(A, 2)], waiting)
    assert [m.entry_id for m in moves] == [11, 14]
    assert {e.id for e in entries if e.holds is None} == {12, 13}


def test_a_place_of_an_area_with_an_empty_queue_is_lent_to_an_area_with_people_waiting():
    entries, moves = settle(three(1), [Entry(10, B, at(0)), Entry(11, B, at(1))])
    assert moves[0] == Move(MoveKind.OWN, 10, B)
    assert moves[1] == Move(MoveKind.LENT, 11, A)
    assert next(e for e in entries if e.id == 11).lent


def test_a_lent_place_goes_to_the_area_whose_next_person_waited_longest():
    areas = [Area(A, 1, 0), Area(B, 0, 1), Area(C, 0, 2)]
    _entries, moves = settle(areas, [Entry(10, B, at(9)), Entry(11, C, at(3))])
    assert moves == [Move(MoveKind.LENT, 11, A)]


def test_the_areas_order_breaks_a_tie_between_equally_long_waits():
    areas = [Area(A, 1, 0), Area(C, 0, 1), Area(B, 0, 2)]
    _, moves = settle(areas, [Entry(10, B, at(0)), Entry(11, C, at(0))])
    assert moves == [Move(MoveKind.LENT, 11, A)]


def test_own_people_come_before_lending_when_both_are_possible():
    areas = [Area(A, 1, 0), Area(B, 0, 1)]
    _, moves = settle(areas, [Entry(10, B, at(0)), Entry(11, A, at(5))])
    assert moves == [Move(MoveKind.OWN, 11, A)]


def test_with_no_one_waiting_anywhere_the_places_stay_free():
    entries, moves = settle(three(), [])
    assert (entries, moves) == ([], [])
    assert [p.free for p in places_of(three(), [])] == [5, 5, 5]


def test_nobody_waiting_in_any_queue_keeps_held_places_where_they_are():
    held = [Entry(10, B, at(0), holds=A)]
    entries, moves = settle([Area(A, 1), Area(B, 0, 1)], held)
    assert (entries, moves) == (held, [])


def test_a_place_freed_while_lent_goes_home_when_its_area_has_someone_waiting():
    # B borrowed A's only place; then someone from A joined the queue.
    areas = [Area(A, 1, 0), Area(B, 1, 1)]
    before = [Entry(10, B, at(0), holds=B), Entry(11, B, at(1), holds=A),
              Entry(12, A, at(5)), Entry(13, B, at(6))]
    # No change yet: nothing is free, so nothing moves (A waits for the next change).
    assert settle(areas, before) == (before, [])
    # The borrower leaves: the place goes back to A's queue, not to B's next person.
    after_leaving = [e for e in before if e.id != 11]
    entries, moves = settle(areas, after_leaving)
    assert moves == [Move(MoveKind.OWN, 12, A)]
    assert holding(entries, 13) is None


def test_a_place_freed_while_lent_is_lent_again_when_its_area_still_has_nobody_waiting():
    areas = [Area(A, 1, 0), Area(B, 1, 1)]
    _entries, moves = settle(areas, [Entry(10, B, at(0), holds=B), Entry(13, B, at(6))])
    assert moves == [Move(MoveKind.LENT, 13, A)]


def test_the_lent_place_is_given_back_when_the_borrowers_own_area_frees_a_place():
    # B's own holder leaves while B's other person holds A's place and A has someone waiting.
    areas = [Area(A, 1, 0), Area(B, 1, 1)]
    entries, moves = settle(areas, [Entry(11, B, at(1), holds=A), Entry(12, A, at(5))])
    assert moves == [Move(MoveKind.GIVEN_BACK, 11, B, A), Move(MoveKind.OWN, 12, A)]
    assert holding(entries, 11) == B and holding(entries, 12) == A
    assert not any(e.lent for e in entries)


def test_giving_back_comes_before_the_own_queue_of_the_borrowing_area():
    areas = [Area(A, 1, 0), Area(B, 1, 1)]
    _, moves = settle(areas, [Entry(11, B, at(1), holds=A), Entry(12, A, at(5)),
                              Entry(13, B, at(2))])
    assert moves[:2] == [Move(MoveKind.GIVEN_BACK, 11, B, A), Move(MoveKind.OWN, 12, A)]
    assert len(moves) == 2  # B's next person waits: no place is free


def test_three_areas_with_five_places_each_fill_fifteen_and_queue_the_rest():
    people = [Entry(100 + i, (A, B, C)[i % 3] if i < 12 else B, at(i)) for i in range(20)]
    entries, moves = settle(three(), people)
    assert sum(e.holds is not None for e in entries) == 15
    summary = places_of(three(), entries)
    assert [p.free for p in summary] == [0, 0, 0]
    # A and C had 4 people each: their free places were lent to B, whose queue was longest.
    assert [(p.own, p.lent_out, p.borrowed) for p in summary] == [(4, 1, 0), (5, 0, 2),
                                                                  (4, 1, 0)]
    assert summary[1].waiting == 12 - 7
    assert sum(m.kind is MoveKind.LENT for m in moves) == 2


def test_lowered_places_give_nobody_a_new_place_until_enough_have_left():
    areas = [Area(A, 1)]
    held = [Entry(10, A, at(0), holds=A), Entry(11, A, at(1), holds=A), Entry(12, A, at(2))]
    entries, moves = settle(areas, held)
    assert moves == [] and places_of(areas, entries)[0].free == 0
    _, moves = settle(areas, [e for e in held if e.id != 10])
    assert moves == []
    _, moves = settle(areas, [e for e in held if e.id not in (10, 11)])
    assert moves == [Move(MoveKind.OWN, 12, A)]


def test_raised_places_are_handed_out_at_once():
    waiting = [Entry(10, A, at(0)), Entry(11, A, at(1))]
    _, moves = settle([Area(A, 2)], waiting)
    assert [m.kind for m in moves] == [MoveKind.OWN, MoveKind.OWN]


def test_an_area_with_no_places_only_ever_borrows():
    areas = [Area(A, 0, 0), Area(B, 1, 1)]
    entries, moves = settle(areas, [Entry(10, A, at(0)), Entry(11, A, at(1))])
    assert moves == [Move(MoveKind.LENT, 10, B)]
    assert holding(entries, 11) is None


def test_settle_is_stable_a_second_run_moves_nothing():
    people = [Entry(100 + i, (A, B, B, C)[i % 4], at(i)) for i in range(9)]
    entries, _ = settle(three(2), people)
    assert settle(three(2), entries) == (entries, [])


@pytest.mark.parametrize("places", [-1, 101])
def test_places_outside_0_to_100_are_refused(places):
    with pytest.raises(PoolError) as error:
        check_places(places)
    assert error.value.code == "places"


def test_places_of_counts_own_lent_borrowed_and_waiting():
    areas = [Area(A, 2, 0), Area(B, 1, 1)]
    entries = [Entry(1, A, at(0), holds=A), Entry(2, B, at(0), holds=A),
               Entry(3, B, at(1), holds=B), Entry(4, B, at(2))]
    assert places_of(areas, entries) == [
        Places(A, 2, own=1, lent_out=1, borrowed=0, waiting=0),
        Places(B, 1, own=1, lent_out=0, borrowed=1, waiting=1),
    ]
