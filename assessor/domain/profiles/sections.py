"""The sections of "så här fungerar jag" and what an employer may see of them.

A profile is the candidate's: free-text sections in the programme's order, interests as
tags, travel (places and whether remote work is wanted), hours, and the accommodation
checklist. The candidate chooses, section by section, what an employer sees
(``shared``); ``employer_part`` is the one rule that picks it, for the preview and for the
employer's view alike, so the preview shows exactly what the employer would see.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from assessor.domain.profiles.checklist import CHECKLIST, Need

#: free-text sections, in the programme's order (the words: ``web.profiles.words``)
SECTIONS: tuple[str, ...] = ("strengths", "communication", "environment", "time", "changes",
                             "travel")
#: what can be shared with an employer: each section, and the checklist as a whole
SHAREABLE: tuple[str, ...] = (*SECTIONS, "accommodations")
#: remote work: must have it, would like it, either, or on site only
REMOTE_PREFERENCES: tuple[str, ...] = ("required", "preferred", "no_preference", "onsite")
MAX_TAGS = 20


def interest_tags(text: str) -> tuple[str, ...]:
    """Interests typed as "python, spel, Webb" -> ("python", "spel", "webb"): lower-case,
    trimmed, no repeats, at most MAX_TAGS."""
    seen: dict[str, None] = {}
    for part in text.replace(";", ",").split(","):
        tag = " ".join(part.split()).lower()[:40]
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)[:MAX_TAGS]


@dataclass(frozen=True)
class ProfileContent:
    """A profile's content as the rules see it (the model holds the same fields)."""

    sections: Mapping[str, str] = field(default_factory=dict)
    interests: tuple[str, ...] = ()
    needs: Mapping[str, str] = field(default_factory=dict)  #: code -> "must" | "helps"
    places: tuple[str, ...] = ()  #: places the person can travel to
    remote: str = "no_preference"
    hours_min: int | None = None
    hours_max: int | None = None
    shared: frozenset[str] = frozenset()  #: SHAREABLE parts the employer may see
    home: str = ""  #: where the person travels from (matching only, never an employer)
    max_km: int | None = None  #: the longest way the person can travel, in km


@dataclass(frozen=True)
class EmployerPart:
    """Exactly what an employer sees of a profile: the shared sections (non-empty ones), and
    the shared checklist items as (code, need), in checklist order."""

    sections: tuple[tuple[str, str], ...]
    accommodations: tuple[tuple[str, str], ...]
    interests: tuple[str, ...]


def employer_part(profile: ProfileContent) -> EmployerPart:
    """The part of ``profile`` that the candidate chose to share, nothing else."""
    sections = tuple((name, profile.sections[name].strip()) for name in SECTIONS
                     if name in profile.shared and profile.sections.get(name, "").strip())
    needs = _ordered_needs(profile.needs) if "accommodations" in profile.shared else ()
    interests = profile.interests if "strengths" in profile.shared else ()
    return EmployerPart(sections, needs, interests)


def _ordered_needs(needs: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    known = {Need.MUST.value, Need.HELPS.value}
    return tuple((code, needs[code]) for code in CHECKLIST if needs.get(code) in known)


def clean_needs(marks: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Only known codes marked "must" or "helps" (anything else means "not relevant")."""
    known = {Need.MUST.value, Need.HELPS.value}
    codes = set(CHECKLIST)
    return {code: need for code, need in marks if code in codes and need in known}
