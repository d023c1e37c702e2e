"""Finding people: the interest form's and a lead's code lists, the first interview's
structured notes, eligibility answers, and "Din väg" (the four steps and where a person is).

Pure rules: no Flask, no session. The words people read are the web layer's."""

from assessor.domain.intake.leads import (
    ELIGIBILITY_ANSWERS,
    ELIGIBILITY_BASES,
    EXPERIENCE,
    HEARD_VIA,
    LEAD_STATUSES,
    LEARNED_VIA,
    NEXT_STEPS,
    RELATIONS,
    SENDERS,
    InterviewNotes,
    LeadError,
    clean_line,
    interview_notes,
)
from assessor.domain.intake.path import STEPS, PathFacts, StepState, path_of

__all__ = [
    "ELIGIBILITY_ANSWERS",
    "ELIGIBILITY_BASES",
    "EXPERIENCE",
    "HEARD_VIA",
    "LEAD_STATUSES",
    "LEARNED_VIA",
    "NEXT_STEPS",
    "RELATIONS",
    "SENDERS",
    "STEPS",
    "InterviewNotes",
    "LeadError",
    "PathFacts",
    "StepState",
    "clean_line",
    "interview_notes",
    "path_of",
]
