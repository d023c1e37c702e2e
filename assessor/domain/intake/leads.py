"""A lead (someone who showed interest or was referred) and its first interview, as rules.

Nothing sensitive is asked: no diagnosis, health or personal identity number. Eligibility is
recorded per criterion as met / not met / not known yet, with the basis it rests on; never a
document about a diagnosis.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from assessor.domain.vocabulary import AREAS

#: how the person heard of the programme (the interest form asks; the programmes count these)
HEARD_VIA: tuple[str, ...] = ("network", "social_media", "library", "fair", "family",
                              "authority", "other")
#: who sent the form: the person, someone on their behalf (with their knowledge), a caseworker
SENDERS: tuple[str, ...] = ("self", "on_behalf", "referral")
#: who "someone on their behalf" is
RELATIONS: tuple[str, ...] = ("family", "neighbour", "caseworker", "other")
#: new -> contacted -> interviewed -> invited; closed at any point (with no data kept longer)
LEAD_STATUSES: tuple[str, ...] = ("new", "contacted", "interviewed", "invited", "closed")
#: the first interview, per area: how much the person has done
EXPERIENCE: tuple[str, ...] = ("none", "some", "much")
#: where the person learned what they know
LEARNED_VIA: tuple[str, ...] = ("self_taught", "school", "course", "work", "other")
#: what the interview leads to
NEXT_STEPS: tuple[str, ...] = ("questionnaire", "evening", "not_now")
ELIGIBILITY_ANSWERS: tuple[str, ...] = ("met", "not_met", "unknown")
#: what an eligibility answer rests on (never a diagnosis document)
ELIGIBILITY_BASES: tuple[str, ...] = ("decision_seen", "caseworker_confirms", "person_says",
                                      "population_register", "other")

NOTE_LENGTH = 500  #: free text stays short: structured fields carry the notes
LINE_LENGTH = 200


class LeadError(ValueError):
    """Input a lead or its interview cannot take; ``code`` names which."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def clean_line(text: str | None, length: int = LINE_LENGTH) -> str:
    """One line of text: spaces collapsed, control characters dropped, cut at ``length``."""
    printable = "".join(c if c.isprintable() else " " for c in (text or ""))
    return " ".join(printable.split())[:length]


@dataclass(frozen=True)
class InterviewNotes:
    """The first interview about IT knowledge, as structured notes."""

    experience: Mapping[str, str] = field(default_factory=dict)  #: area -> EXPERIENCE
    learned_via: tuple[str, ...] = ()
    languages: str = ""  #: programming languages and tools, in the person's words
    built: str = ""  #: something the person has made
    wishes: str = ""  #: what the person would like to do
    next_step: str = "questionnaire"
    note: str = ""

    def as_json(self) -> dict:
        """The notes as stored on the lead."""
        return {"experience": dict(self.experience), "learned_via": list(self.learned_via),
                "languages": self.languages, "built": self.built, "wishes": self.wishes,
                "next_step": self.next_step, "note": self.note}


def interview_notes(raw: Mapping[str, object]) -> InterviewNotes:
    """Checked notes from typed or stored values; LeadError names the first bad field."""
    experience = dict(raw.get("experience") or {})
    if set(experience) - set(AREAS) or set(experience.values()) - set(EXPERIENCE):
        raise LeadError("experience")
    learned = tuple(raw.get("learned_via") or ())
    if set(learned) - set(LEARNED_VIA):
        raise LeadError("learned_via")
    next_step = str(raw.get("next_step") or "")
    if next_step not in NEXT_STEPS:
        raise LeadError("next_step")
    return InterviewNotes(
        experience={area: experience[area] for area in AREAS if area in experience},
        learned_via=tuple(code for code in LEARNED_VIA if code in learned),
        languages=clean_line(str(raw.get("languages") or "")),
        built=clean_line(str(raw.get("built") or "")),
        wishes=clean_line(str(raw.get("wishes") or "")),
        next_step=next_step, note=clean_line(str(raw.get("note") or ""), NOTE_LENGTH))
