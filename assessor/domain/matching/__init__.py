"""Matching people to openings: hard constraints first, then a score with its reasons.

``rules`` assesses one person for one opening and ranks many; ``assignment`` suggests one
opening per person for a batch (optional; people decide). Pure: data in, data out.
"""

from assessor.domain.matching.assignment import Assignment, suggest_assignment
from assessor.domain.matching.rules import (
    MISSING_LEVEL_CHOICES,
    WEIGHTS,
    Candidate,
    MatchResult,
    OpeningSpec,
    Reason,
    Requirement,
    Skill,
    assess,
    level_rank,
    rank,
)

__all__ = [
    "MISSING_LEVEL_CHOICES",
    "WEIGHTS",
    "Assignment",
    "Candidate",
    "MatchResult",
    "OpeningSpec",
    "Reason",
    "Requirement",
    "Skill",
    "assess",
    "level_rank",
    "rank",
    "suggest_assignment",
]
