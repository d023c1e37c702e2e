"""One person against one opening: hard constraints, then a score out of 100 with reasons.

Hard constraints come first. Something the person *must* have that the workplace answers
"no" to excludes them (the reason names the item). A required level the person has not
shown either excludes them or, when the facilitator chooses ``flag``, leaves them in the list
with a flag and no points for that requirement.

The score adds four parts (``WEIGHTS``): skills (each requirement met, more when the area is
verified under supervision), accommodations (each need offered: "yes" counts in full, "can be
arranged" half), interests (the opening's tags the person named) and travel (a place they can
get to, within the longest way they travel from home (``distance``), or remote work they want).
Every part says why in a ``Reason``; the web words them.
Nothing here selects people by a need: the only entry points take one opening.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from assessor.domain.ability.levels import LADDERS
from assessor.domain.matching.distance import km_between
from assessor.domain.profiles.checklist import Need, Offer

#: points per part, adding up to 100
WEIGHTS = {"skills": 40, "accommodations": 30, "interests": 20, "travel": 10}
#: what to do with a person who lacks a required level
MISSING_LEVEL_CHOICES = ("exclude", "flag")
#: how much of a requirement's points a level gives before it is verified
UNVERIFIED_SHARE = 0.75
#: points off when the opening's hours are outside the person's range
HOURS_PENALTY = 5.0


def level_rank(area: str, label: str) -> int:
    """The step of ``label`` ("Programmering 1 C") on the area's ladder, 1 first; 0 when the
    label is not on it."""
    for rank_, (course, grade) in enumerate(LADDERS.get(area, ()), start=1):
        if f"{course} {grade}" == label:
            return rank_
    return 0


@dataclass(frozen=True, slots=True)
class Requirement:
    """A skill the opening needs: an area and the lowest step on its ladder."""

    area: str
    rank: int  #: 1… on the area's ladder (``level_rank``)
    label: str  #: e.g. "Programmering 1 E"


@dataclass(frozen=True, slots=True)
class Skill:
    """A person's level in one area: its step and whether it is verified."""

    rank: int
    label: str
    verified: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    """What matching knows of a person: levels, needs, interests, travel, hours."""

    person_id: int
    skills: Mapping[str, Skill] = field(default_factory=dict)
    must: frozenset[str] = frozenset()
    helps: frozenset[str] = frozenset()
    interests: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()  #: lower-case place names
    remote: str = "no_preference"
    hours_min: int | None = None
    hours_max: int | None = None
    home: str = ""  #: the place the person travels from (never shown to an employer)
    max_km: int | None = None  #: the longest way the person can travel, straight line

    @classmethod
    def from_needs(cls, person_id: int, needs: Mapping[str, str], **fields) -> Candidate:
        """A candidate whose checklist is code -> "must"/"helps"."""
        return cls(person_id,
                   must=frozenset(c for c, n in needs.items() if n == Need.MUST),
                   helps=frozenset(c for c, n in needs.items() if n == Need.HELPS), **fields)


@dataclass(frozen=True, slots=True)
class OpeningSpec:
    """What matching knows of an opening."""

    id: int
    requirements: tuple[Requirement, ...] = ()
    offers: Mapping[str, str] = field(default_factory=dict)  #: code -> yes/can_arrange/no
    tags: frozenset[str] = frozenset()
    place: str = ""  #: lower-case
    remote: str = "none"  #: none, partly or full
    hours: int | None = None

    def refused(self) -> frozenset[str]:
        """The checklist items the workplace answered "no"."""
        return frozenset(c for c, o in self.offers.items() if o == Offer.NO)


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason: ``kind`` (skills, accommodations, interests, travel, hours), ``code`` (what
    happened, e.g. "level_verified"), ``detail`` (a level, a count, tags) and ``effect``:
    "+" adds, "-" takes away, "flag" is for the facilitator to look at, "exclude" excludes."""

    kind: str
    code: str
    detail: tuple[str, ...] = ()
    effect: str = "+"


@dataclass(frozen=True, slots=True)
class MatchResult:
    """A person against an opening: in or out, the score and every reason."""

    person_id: int
    opening_id: int
    feasible: bool
    score: float
    reasons: tuple[Reason, ...]

    @property
    def flags(self) -> tuple[Reason, ...]:
        """The reasons a facilitator should look at before proposing."""
        return tuple(r for r in self.reasons if r.effect == "flag")


def assess(candidate: Candidate, opening: OpeningSpec, missing: str = "exclude") -> MatchResult:
    """Hard constraints, then the score with reasons (``missing``: "exclude" or "flag")."""
    if missing not in MISSING_LEVEL_CHOICES:
        raise ValueError(f"missing must be one of {MISSING_LEVEL_CHOICES}")
    blocked = sorted(candidate.must & opening.refused())
    skill_points, skill_reasons = _skills(candidate, opening)
    lacking = [r for r in skill_reasons if r.code == "level_missing"]
    if blocked or (lacking and missing == "exclude"):
        reasons = tuple(Reason("accommodations", "must_refused", (code,), "exclude")
                        for code in blocked)
        reasons += tuple(Reason(r.kind, r.code, r.detail, "exclude") for r in lacking)
        return MatchResult(candidate.person_id, opening.id, False, 0.0, reasons)
    parts = [(skill_points, skill_reasons), _accommodations(candidate, opening),
             _interests(candidate, opening), _travel(candidate, opening),
             _hours(candidate, opening)]
    score = max(0.0, min(100.0, sum(points for points, _ in parts)))
    return MatchResult(candidate.person_id, opening.id, True, round(score, 1),
                       tuple(reason for _, reasons in parts for reason in reasons))


def _skills(candidate: Candidate, opening: OpeningSpec) -> tuple[float, list[Reason]]:
    if not opening.requirements:
        return WEIGHTS["skills"] * UNVERIFIED_SHARE, [Reason("skills", "none_required")]
    share = WEIGHTS["skills"] / len(opening.requirements)
    points, reasons = 0.0, []
    for need in opening.requirements:
        has = candidate.skills.get(need.area)
        if has is None or has.rank < need.rank:
            shown = has.label if has is not None and has.rank else ""
            reasons.append(Reason("skills", "level_missing", (need.label, shown), "flag"))
        elif has.verified:
            points += share
            reasons.append(Reason("skills", "level_verified", (need.label, has.label)))
        else:
            points += share * UNVERIFIED_SHARE
            reasons.append(Reason("skills", "level_unverified", (need.label, has.label)))
    return points, reasons


def _accommodations(candidate: Candidate, opening: OpeningSpec) -> tuple[float, list[Reason]]:
    """Each need counts: offered in full, can be arranged half. Musts to arrange are flagged;
    counts, not items, so that a list of scores shows no one's needs."""
    needs = candidate.must | candidate.helps
    if not needs:
        return float(WEIGHTS["accommodations"]), [Reason("accommodations", "none_needed")]
    offers = opening.offers
    got = sum(1.0 if offers.get(c) == Offer.YES else 0.5 if offers.get(c) == Offer.CAN_ARRANGE
              else 0.0 for c in needs)
    reasons = [Reason("accommodations", "offered", (str(sum(
        offers.get(c) == Offer.YES for c in needs)), str(len(needs))))]
    arrange = sorted(c for c in candidate.must if offers.get(c) == Offer.CAN_ARRANGE)
    if arrange:
        reasons.append(Reason("accommodations", "must_to_arrange", tuple(arrange), "flag"))
    unknown = sorted(c for c in candidate.must if c not in offers)
    if unknown:
        reasons.append(Reason("accommodations", "must_unanswered", tuple(unknown), "flag"))
    return WEIGHTS["accommodations"] * got / len(needs), reasons


def _interests(candidate: Candidate, opening: OpeningSpec) -> tuple[float, list[Reason]]:
    if not opening.tags:
        return WEIGHTS["interests"] / 2, [Reason("interests", "no_tags")]
    shared = sorted(candidate.interests & opening.tags)
    if not shared:
        return 0.0, [Reason("interests", "none_shared", (), "-")]
    points = WEIGHTS["interests"] * min(1.0, len(shared) / min(3, len(opening.tags)))
    return points, [Reason("interests", "shared", tuple(shared))]


def _distance(candidate: Candidate,
              opening: OpeningSpec) -> tuple[float, list[Reason]] | None:
    """Within or beyond the person's longest travel (None when either place is unknown or
    the person gave no distance; working from home partly still counts then)."""
    if not (opening.place and candidate.home and candidate.max_km):
        return None
    km = km_between(candidate.home, opening.place)
    if km is None:
        return None
    words = (opening.place, str(round(km)), str(candidate.max_km))
    if km <= candidate.max_km:
        return float(WEIGHTS["travel"]), [Reason("travel", "within_distance", words)]
    if opening.remote != "none":
        return WEIGHTS["travel"] * 0.7, [Reason("travel", "remote_possible")]
    return 0.0, [Reason("travel", "too_far", words, "flag")]


def _travel(candidate: Candidate, opening: OpeningSpec) -> tuple[float, list[Reason]]:
    weight = WEIGHTS["travel"]
    if opening.remote == "full" and candidate.remote in ("required", "preferred"):
        return float(weight), [Reason("travel", "remote_wanted")]
    if candidate.remote == "required" and opening.remote == "none":
        return 0.0, [Reason("travel", "remote_missing", (), "flag")]
    if opening.place and opening.place in candidate.places:
        return float(weight), [Reason("travel", "place_reachable", (opening.place,))]
    distance = _distance(candidate, opening)
    if distance is not None:
        return distance
    if opening.remote != "none":
        return weight * 0.7, [Reason("travel", "remote_possible")]
    if opening.place and candidate.places:
        return 0.0, [Reason("travel", "place_not_listed", (opening.place,), "-")]
    return weight / 2, [Reason("travel", "unknown")]


def _hours(candidate: Candidate, opening: OpeningSpec) -> tuple[float, list[Reason]]:
    hours, low, high = opening.hours, candidate.hours_min, candidate.hours_max
    if hours is None or (low is None and high is None):
        return 0.0, []
    if (low is not None and hours < low) or (high is not None and hours > high):
        return -HOURS_PENALTY, [Reason("hours", "outside_range", (str(hours),), "flag")]
    return 0.0, [Reason("hours", "within_range", (str(hours),))]


def rank(candidates: Iterable[Candidate], opening: OpeningSpec,
         missing: str = "exclude") -> tuple[list[MatchResult], int]:
    """The people who fit, best first (ties by id), and how many were left out. Who was
    left out, and why, is not returned: a list of them could be a list of people by need."""
    results = [assess(candidate, opening, missing) for candidate in candidates]
    shown = sorted((r for r in results if r.feasible), key=lambda r: (-r.score, r.person_id))
    return shown, len(results) - len(shown)
