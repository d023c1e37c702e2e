"""Intake pools: places per funding area, a queue per area, and who a free place goes to.

The programme sets the areas and their places (configuration, not code). Admission is
continuous: whenever something changes, ``settle`` hands out the free places, one move at a
time, and each move says why:

1. *given back*: someone holds a place lent from another area while a place of their own
   area is free: they move onto their own area's place, and the lent place goes home;
2. *own*: a free place goes to the next person in its own area's queue;
3. *lent*: a free place whose area has nobody waiting is lent to the area whose next person
   has waited longest (the areas' order breaks a tie).

A place held by someone stays theirs until they leave; a lent place therefore comes back at
the next change (when the borrower leaves, or when their own area has a place free). An area
whose places were lowered below the number held gets no new person until enough have left.
The queue's order is the time each person joined it (then the order they were added).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

MAX_PLACES = 100  #: the most places one area can have
NAME_LENGTH = 100


class PoolError(ValueError):
    """Input the pools cannot take; ``code`` names which."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class MoveKind(enum.StrEnum):
    """What happened in a pool; the log explains each in words."""

    QUEUED = "queued"  #: joined an area's queue
    OWN = "own"  #: got a place of their own area (next in its queue)
    LENT = "lent"  #: got a place lent from an area with nobody waiting
    GIVEN_BACK = "given_back"  #: moved onto their own area's place; the lent one went home
    ADMITTED = "admitted"  #: took up the place: the participation started
    ENDED = "ended"  #: the participation ended; the place is free
    LEFT_QUEUE = "left_queue"  #: left the queue, or said no to a place (it is free again)
    PLACES = "places"  #: an area was added, or its number of places changed


@dataclass(frozen=True)
class Area:
    """A funding area (e.g. a samordningsförbund) and its number of places."""

    id: int
    places: int
    position: int = 0


@dataclass(frozen=True)
class Entry:
    """A person from an area: waiting in its queue (``holds`` None) or holding a place of
    the area ``holds`` (their own, or one lent from another area)."""

    id: int
    area_id: int
    queued_at: datetime
    holds: int | None = None

    @property
    def lent(self) -> bool:
        """Holds a place of another area."""
        return self.holds is not None and self.holds != self.area_id


@dataclass(frozen=True)
class Move:
    """One change ``settle`` made: the entry, the area whose place it now holds, and (given
    back) the area whose place it held before."""

    kind: MoveKind
    entry_id: int
    place_area_id: int
    from_area_id: int | None = None


@dataclass(frozen=True)
class Places:
    """One area's places: how many, held by its own people, lent out, borrowed, free."""

    area_id: int
    places: int
    own: int  #: the area's places held by its own people
    lent_out: int  #: the area's places held by people of other areas
    borrowed: int  #: places of other areas held by this area's people
    waiting: int  #: people in the area's queue

    @property
    def free(self) -> int:
        """Places nobody holds (never below 0)."""
        return max(0, self.places - self.own - self.lent_out)


def check_places(places: int) -> int:
    """PoolError unless 0 <= places <= MAX_PLACES."""
    if not 0 <= places <= MAX_PLACES:
        raise PoolError("places")
    return places


def queue_order(entries: Iterable[Entry]) -> list[Entry]:
    """Waiting entries in the order they get a place: first come, first served."""
    return sorted((e for e in entries if e.holds is None), key=lambda e: (e.queued_at, e.id))


def _free(areas: Sequence[Area], entries: Sequence[Entry]) -> dict[int, int]:
    held = {area.id: 0 for area in areas}
    for entry in entries:
        if entry.holds in held:
            held[entry.holds] += 1
    return {area.id: area.places - held[area.id] for area in areas}


def _next_move(areas: Sequence[Area], entries: Sequence[Entry]) -> Move | None:
    free = _free(areas, entries)
    for entry in sorted(entries, key=lambda e: (e.queued_at, e.id)):
        if entry.lent and free.get(entry.area_id, 0) > 0:
            return Move(MoveKind.GIVEN_BACK, entry.id, entry.area_id, entry.holds)
    queues = {area.id: queue_order(e for e in entries if e.area_id == area.id)
              for area in areas}
    for area in areas:
        if free[area.id] > 0 and queues[area.id]:
            return Move(MoveKind.OWN, queues[area.id][0].id, area.id)
    heads = [(queue[0].queued_at, area.position, area.id, queue[0].id)
             for area in areas for queue in [queues[area.id]] if queue]
    lenders = [area for area in areas if free[area.id] > 0 and not queues[area.id]]
    if heads and lenders:
        return Move(MoveKind.LENT, min(heads)[3], lenders[0].id)
    return None


def settle(areas: Iterable[Area], entries: Iterable[Entry]) -> tuple[list[Entry], list[Move]]:
    """Hand out the free places (see the module's rules): the entries afterwards and the
    moves made, in order. Entries of an area not in ``areas`` keep what they hold."""
    areas = sorted(areas, key=lambda a: (a.position, a.id))
    entries = list(entries)
    moves: list[Move] = []
    while (move := _next_move(areas, entries)) is not None:
        moves.append(move)
        entries = [replace(e, holds=move.place_area_id) if e.id == move.entry_id else e
                   for e in entries]
    return entries, moves


def places_of(areas: Iterable[Area], entries: Iterable[Entry]) -> list[Places]:
    """Each area's places, in the areas' order."""
    areas = sorted(areas, key=lambda a: (a.position, a.id))
    entries = list(entries)
    return [Places(area.id, area.places,
                   own=sum(e.holds == area.id == e.area_id for e in entries),
                   lent_out=sum(e.holds == area.id != e.area_id for e in entries),
                   borrowed=sum(e.area_id == area.id and e.lent for e in entries),
                   waiting=sum(e.area_id == area.id and e.holds is None for e in entries))
            for area in areas]
