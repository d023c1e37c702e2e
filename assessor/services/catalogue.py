"""The challenge bank as the app sees it: loaded once, looked up by id, one variant per person."""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

from assessor.domain.challenge_bank import load_bank
from assessor.domain.vocabulary import AREAS
from assessor.infra.settings import PROJECT_ROOT

BANK_PATH = Path(os.environ.get("KODPROV_CHALLENGES", PROJECT_ROOT / "challenges"))


@cache
def bank() -> tuple:
    """Every challenge in the bank, in area, course, level and id order (cached)."""
    challenges = load_bank(BANK_PATH)
    return tuple(sorted(challenges, key=lambda c: (AREAS.index(c.area.value), c.course,
                                                   "ECA".index(c.level), c.difficulty, c.id)))


def challenge(challenge_id: str):
    """The challenge with this id, or None."""
    return next((c for c in bank() if c.id == challenge_id), None)


def seed_for(public_id: str, challenge_id: str) -> int:
    """The person's own variant of a challenge: stable, and different between people."""
    digest = hashlib.sha256(f"{public_id}:{challenge_id}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % 1_000_000


def title(challenge_id: str, locale: str = "sv") -> str:
    """A challenge's title in ``locale`` (else Swedish); the id itself when it has left the bank."""
    found = challenge(challenge_id)
    if found is None:
        return challenge_id
    return found.title.get(locale) or found.title.get("sv") or challenge_id


def skill(challenge_id: str, locale: str = "sv") -> str:
    """The skill a challenge shows in ``locale`` (else Swedish); empty once it has left the
    bank."""
    found = challenge(challenge_id)
    if found is None:
        return ""
    return found.skill.get(locale) or found.skill.get("sv", "")
