"""Synthetic people and openings for demos and benchmarks: seeded, any size, never real.

One home for the shapes, so that ``kodprov demo --people N --openings M --seed S`` and
``bench/matching.py`` make the same kind of data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from assessor.domain.ability.levels import LADDERS
from assessor.domain.matching.rules import (
    Candidate,
    OpeningSpec,
    Requirement,
    Skill,
    level_rank,
)
from assessor.domain.profiles import CHECKLIST, REMOTE_PREFERENCES, ProfileContent

PLACES = ("lund", "malmö", "helsingborg", "jönköping", "eksjö", "nässjö", "växjö")
TAGS = ("python", "webb", "databaser", "nätverk", "test", "spel", "support", "data",
        "dokumentation", "automation")
TITLES = ("Testare", "Webbutvecklare", "IT-support", "Dataanalys", "Nätverkstekniker",
          "Backendutvecklare")


@dataclass(frozen=True)
class SyntheticOpening:
    """An opening's fields, as a coach would fill them in."""

    title: str
    kind: str
    requirements: tuple[tuple[str, str], ...]  #: (area, level label)
    offers: dict[str, str]
    tags: tuple[str, ...]
    place: str
    remote: str
    hours: int


def synthetic_profile(rng: random.Random) -> ProfileContent:
    """A profile: a few needs (musts are rarer), interests, places, hours."""
    needs = {code: rng.choice(("must", "helps")) if rng.random() < 0.3 else "helps"
             for code in rng.sample(CHECKLIST, rng.randint(0, 6))}
    low = rng.choice((None, 10, 20))
    return ProfileContent(
        sections={"strengths": "Syntetisk profil."}, interests=tuple(rng.sample(TAGS, 3)),
        needs=needs, places=tuple(rng.sample(PLACES, 2)),
        remote=rng.choice(REMOTE_PREFERENCES), hours_min=low,
        hours_max=None if low is None else low + 20,
        shared=frozenset({"strengths", "accommodations"}))


def synthetic_skills(rng: random.Random) -> dict[str, Skill]:
    """Levels in some areas, some verified."""
    skills = {}
    for area, ladder in LADDERS.items():
        if rng.random() < 0.6:
            rank = rng.randint(1, len(ladder))
            course, grade = ladder[rank - 1]
            skills[area] = Skill(rank, f"{course} {grade}", rng.random() < 0.4)
    return skills


def synthetic_opening(rng: random.Random) -> SyntheticOpening:
    """An opening: at most two required levels, answers for most of the checklist."""
    requirements = []
    for area in rng.sample(sorted(LADDERS), rng.choice((0, 0, 1, 1, 2))):
        course, grade = LADDERS[area][rng.randint(0, min(2, len(LADDERS[area]) - 1))]
        requirements.append((area, f"{course} {grade}"))
    offers = {code: rng.choices(("yes", "can_arrange", "no"), (6, 3, 1))[0]
              for code in CHECKLIST if rng.random() < 0.8}
    return SyntheticOpening(rng.choice(TITLES), rng.choice(("praktik", "job")),
                            tuple(requirements), offers, tuple(rng.sample(TAGS, 3)),
                            rng.choice(PLACES), rng.choice(("none", "partly", "full")),
                            rng.choice((10, 20, 30, 40)))


def synthetic_candidates(count: int, seed: int) -> list[Candidate]:
    """``count`` candidates for the rules alone (the benchmark)."""
    rng = random.Random(seed)
    out = []
    for person_id in range(1, count + 1):
        profile = synthetic_profile(rng)
        out.append(Candidate.from_needs(
            person_id, profile.needs, skills=synthetic_skills(rng),
            interests=frozenset(profile.interests), places=frozenset(profile.places),
            remote=profile.remote, hours_min=profile.hours_min, hours_max=profile.hours_max))
    return out


def synthetic_specs(count: int, seed: int) -> list[OpeningSpec]:
    """``count`` openings for the rules alone (the benchmark)."""
    rng = random.Random(seed)
    specs = []
    for opening_id in range(1, count + 1):
        o = synthetic_opening(rng)
        specs.append(OpeningSpec(
            opening_id, tuple(Requirement(a, level_rank(a, lvl), lvl) for a, lvl in o.requirements),
            o.offers, frozenset(o.tags), o.place, o.remote, o.hours))
    return specs
