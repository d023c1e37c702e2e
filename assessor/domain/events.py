"""Mini Hackathon evenings as pure rules: join codes, the time window, nicknames, what counts
as supervised, and the low-stress scoreboard (solved counts, never ranks)."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from assessor.domain.clock import as_utc
from assessor.domain.vocabulary import Evidence

#: Letters and digits that cannot be taken for one another on a projector or when typed from
#: one: no 0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V.
JOIN_CODE_ALPHABET = "ACEFGHJKMNPRTWXY34679"
JOIN_CODE_LENGTH = 6
NICKNAME_MAX = 40

#: a window's phases: the code works before and during the window, never after
BEFORE, OPEN, CLOSED = "before", "open", "closed"


def new_join_code() -> str:
    """A fresh join code such as ``K7MWT3`` (about 86 million of them)."""
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalised_code(typed: str) -> str:
    """A typed code as stored: upper case, spaces and dashes dropped; "" for anything that
    can never be a code (so a wrong code and a mistyped one get the same friendly answer)."""
    code = "".join(str(typed or "").upper().split()).replace("-", "")
    if len(code) != JOIN_CODE_LENGTH or any(c not in JOIN_CODE_ALPHABET for c in code):
        return ""
    return code


@dataclass(frozen=True)
class Window:
    """When an evening runs, in UTC. ``closed_at``: the facilitator closed it early."""

    starts_at: datetime
    ends_at: datetime
    closed_at: datetime | None = None

    @property
    def end(self) -> datetime:
        """The moment the evening ends: its planned end, or when it was closed, if earlier."""
        planned = as_utc(self.ends_at)
        return min(planned, as_utc(self.closed_at)) if self.closed_at else planned

    def phase(self, now: datetime) -> str:
        """BEFORE, OPEN or CLOSED at ``now``."""
        now = as_utc(now)
        if now >= self.end:
            return CLOSED
        return OPEN if now >= as_utc(self.starts_at) else BEFORE

    def contains(self, moment: datetime) -> bool:
        """Whether ``moment`` lies inside the window (start included, end not)."""
        return as_utc(self.starts_at) <= as_utc(moment) < self.end


def window_problem(starts_at: datetime, ends_at: datetime) -> str | None:
    """Why a planned window cannot be used (``ends_first``, ``too_long``), or None."""
    if as_utc(ends_at) <= as_utc(starts_at):
        return "ends_first"
    if (as_utc(ends_at) - as_utc(starts_at)).total_seconds() > 12 * 3600:
        return "too_long"
    return None


def evidence_for(*, remote: bool) -> Evidence:
    """The evidence kind of work done at an evening: in the room, or supervised by video."""
    return Evidence.SUPERVISED_REMOTE if remote else Evidence.SUPERVISED


def counts_as_supervised(window: Window, checked_in_at: datetime | None,
                         submitted_at: datetime) -> bool:
    """A hand-in is supervised evidence when its author was checked in (identity seen) before
    it and it was made inside the window; later ones are ordinary online results."""
    return (checked_in_at is not None and as_utc(checked_in_at) <= as_utc(submitted_at)
            and window.contains(submitted_at))


def clean_nickname(typed: str) -> str:
    """A nickname as shown: spaces collapsed, at most ``NICKNAME_MAX`` characters ("" when
    nothing readable is left or it is too long: the page asks again)."""
    name = " ".join(str(typed or "").split())
    if not name or len(name) > NICKNAME_MAX or not any(c.isalnum() for c in name):
        return ""
    return name


def nickname_key(nickname: str) -> str:
    """What two nicknames must not share at one evening: "Kim" and " kim " are the same."""
    return clean_nickname(nickname).casefold()


@dataclass(frozen=True)
class ScoreLine:
    """One opted-in participant on the scoreboard: a nickname and how many tasks they solved."""

    nickname: str
    solved: int


def scoreboard(entries: Iterable[tuple[str, bool, int]]) -> list[ScoreLine]:
    """(nickname, opted in, solved) rows as the scoreboard shows them: only those who opted in,
    in the order of their nicknames (no ranks, no places)."""
    shown = [ScoreLine(name, solved) for name, opted_in, solved in entries if opted_in]
    return sorted(shown, key=lambda line: line.nickname.casefold())
