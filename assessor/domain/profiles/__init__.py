""""Så här fungerar jag": the candidate-owned profile's sections and the accommodation checklist.

Pure data and rules: the checklist codes (one home, shared by profiles and openings), the
sections a profile has, and what an employer may see of it (``employer_part``).
"""

from assessor.domain.profiles.checklist import (
    CHECKLIST,
    CHECKLIST_CODES,
    CHECKLIST_GROUPS,
    NEEDS,
    OFFERS,
    Need,
    Offer,
)
from assessor.domain.profiles.sections import (
    REMOTE_PREFERENCES,
    SECTIONS,
    SHAREABLE,
    EmployerPart,
    ProfileContent,
    employer_part,
    interest_tags,
)

__all__ = [
    "CHECKLIST",
    "CHECKLIST_CODES",
    "CHECKLIST_GROUPS",
    "NEEDS",
    "OFFERS",
    "REMOTE_PREFERENCES",
    "SECTIONS",
    "SHAREABLE",
    "EmployerPart",
    "Need",
    "Offer",
    "ProfileContent",
    "employer_part",
    "interest_tags",
]
