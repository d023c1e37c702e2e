"""The challenge bank as the app sees it: loaded once per folder, looked up by id, one variant
per person.

Whoever starts Kodprov (the web app, a command, a worker) makes the ``Catalogue`` of the bank
folder its settings name and hands it to the services that need challenges.
"""

from __future__ import annotations

import hashlib
from functools import cache, cached_property
from pathlib import Path

from assessor.domain.challenge_bank import load_bank
from assessor.domain.challenges.model import Challenge
from assessor.domain.vocabulary import AREAS


class Catalogue:
    """The challenges in one bank folder, in area, course, level and id order."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"Catalogue({str(self.path)!r})"

    @cached_property
    def _challenges(self) -> tuple[Challenge, ...]:
        challenges = load_bank(self.path)
        return tuple(sorted(challenges, key=lambda c: (AREAS.index(c.area.value), c.course,
                                                       "ECA".index(c.level), c.difficulty, c.id)))

    @cached_property
    def _by_id(self) -> dict[str, Challenge]:
        return {challenge.id: challenge for challenge in self._challenges}

    def bank(self) -> tuple[Challenge, ...]:
        """Every challenge in the bank (read on first use)."""
        return self._challenges

    def challenge(self, challenge_id: str) -> Challenge | None:
        """The challenge with this id, or None."""
        return self._by_id.get(challenge_id)

    def title(self, challenge_id: str, locale: str = "sv") -> str:
        """A challenge's title in ``locale`` (else Swedish); the id itself when it has left the
        bank."""
        found = self.challenge(challenge_id)
        if found is None:
            return challenge_id
        return found.title.get(locale) or found.title.get("sv") or challenge_id

    def skill(self, challenge_id: str, locale: str = "sv") -> str:
        """The skill a challenge shows in ``locale`` (else Swedish); empty once it has left the
        bank."""
        found = self.challenge(challenge_id)
        if found is None:
            return ""
        return found.skill.get(locale) or found.skill.get("sv", "")


def catalogue_at(path: str | Path) -> Catalogue:
    """The catalogue of the bank folder ``path``, shared by everyone who names the same folder
    (a bank is read once per process, however many apps a test run makes)."""
    return _shared(Path(path).resolve())


@cache
def _shared(path: Path) -> Catalogue:
    return Catalogue(path)


def seed_for(public_id: str, challenge_id: str) -> int:
    """The person's own variant of a challenge: stable, and different between people."""
    digest = hashlib.sha256(f"{public_id}:{challenge_id}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % 1_000_000
