""""Så här fungerar jag": reading and saving the candidate's profile, and its preview.

The person edits their own profile; a coach of the programme may help, and each save records
who saved it and in which role, so the person sees the help. What an employer would see is
``employer_view`` (``services.matching.employer_links``), the same for the preview.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain.clock import utcnow
from assessor.domain.matching.distance import MAX_TRAVEL_KM
from assessor.domain.profiles import REMOTE_PREFERENCES, SECTIONS, SHAREABLE, ProfileContent
from assessor.domain.profiles.sections import clean_needs
from assessor.models import Person, ProfileEdit, WorkingProfile
from assessor.services import policy
from assessor.services.policy import Action

MAX_SECTION = 2000  #: characters per section


class ProfileError(ValueError):
    """A profile that cannot be saved (``code`` picks the translated message)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class ProfileInput:
    """What an edit form sends: every part of the profile at once."""

    sections: Mapping[str, str] = field(default_factory=dict)
    interests: tuple[str, ...] = ()
    needs: Mapping[str, str] = field(default_factory=dict)
    places: tuple[str, ...] = ()
    remote: str = "no_preference"
    hours_min: int | None = None
    hours_max: int | None = None
    shared: frozenset[str] = frozenset()
    home: str = ""
    max_km: int | None = None


def profile_of(session: Session, person: Person) -> WorkingProfile | None:
    """The person's profile, or None before the first save."""
    return session.scalar(sa.select(WorkingProfile).where(WorkingProfile.person_id == person.id))


def content_of(session: Session, person: Person) -> ProfileContent:
    """The profile's content (empty before the first save)."""
    profile = profile_of(session, person)
    return profile.content() if profile is not None else ProfileContent()


def save_profile(session: Session, actor: object, person: Person,
                 data: ProfileInput) -> WorkingProfile:
    """Save the whole profile, as the person or a coach helping (asks the policy; records
    who). Flushes, never commits."""
    policy.require(session, actor, Action.PROFILE_EDIT, person)
    _validate(data)
    profile = profile_of(session, person) or WorkingProfile(person_id=person.id)
    before = profile.content() if profile.id is not None else ProfileContent()
    profile.sections = {name: data.sections.get(name, "").strip() for name in SECTIONS
                        if data.sections.get(name, "").strip()}
    profile.interests = list(data.interests)
    profile.needs = clean_needs(data.needs.items())
    profile.places = sorted({place.strip().lower() for place in data.places if place.strip()})
    profile.remote, profile.hours_min, profile.hours_max = (data.remote, data.hours_min,
                                                            data.hours_max)
    profile.shared = [part for part in SHAREABLE if part in data.shared]
    profile.home_place = " ".join(data.home.split())[:100]
    profile.max_travel_km = data.max_km
    profile.updated_at = utcnow()
    session.add(profile)
    session.flush()
    actor = policy.Actor.of(actor)
    session.add(ProfileEdit(profile_id=profile.id, by_id=actor.id, by_role=actor.role,
                            changed=_changed(before, profile.content())))
    session.flush()
    return profile


def _validate(data: ProfileInput) -> None:
    if data.remote not in REMOTE_PREFERENCES:
        raise ProfileError("remote")
    if any(len(text) > MAX_SECTION for text in data.sections.values()):
        raise ProfileError("too_long")
    hours = [h for h in (data.hours_min, data.hours_max) if h is not None]
    if any(not 0 <= h <= 60 for h in hours):
        raise ProfileError("hours")
    if data.hours_min is not None and data.hours_max is not None \
            and data.hours_min > data.hours_max:
        raise ProfileError("hours_order")
    if data.max_km is not None and not 1 <= data.max_km <= MAX_TRAVEL_KM:
        raise ProfileError("distance")


def _changed(before: ProfileContent, after: ProfileContent) -> list[str]:
    """Which parts changed (names of fields, never their content)."""
    parts = ("sections", "interests", "needs", "places", "remote", "hours_min", "hours_max",
             "shared", "home", "max_km")
    return [part for part in parts if getattr(before, part) != getattr(after, part)]


def edits_of(session: Session, person: Person) -> list[ProfileEdit]:
    """Every save of the person's profile, newest first."""
    return list(session.scalars(
        sa.select(ProfileEdit).join(WorkingProfile, ProfileEdit.profile_id == WorkingProfile.id)
        .where(WorkingProfile.person_id == person.id)
        .order_by(ProfileEdit.at.desc(), ProfileEdit.id.desc())))
