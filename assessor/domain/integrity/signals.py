"""Signals a facilitator may want to look at, each with the facts behind it.

A signal is a reason to talk with the person (for example in a supervised follow-up), never a
verdict: nothing is rejected automatically, and there are no AI detectors and no webcams.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assessor.domain.integrity.similarity import own_fingerprints, similarity, starter_likeness
from assessor.domain.screening.scoring import SOME_CLAIM, ScreeningResult

#: shares of shared code at or above which a similarity is worth a look
NOTICE_SIMILARITY = 0.8
#: a submission this close to the starter code has hardly been changed
STARTER_SIMILARITY = 0.9
#: a reference with fewer fingerprints of its own (about 150 characters of code beyond the
#: starter, names and strings left out) is what most people write for the task: honest
#: solutions match it and each other, so similarity says nothing there
MIN_REFERENCE_FINGERPRINTS = 30  #: the bank's short tasks have at most 14


@dataclass(frozen=True)
class Signal:
    """One signal: its kind, the facts (for the explanation) and what it concerns."""

    kind: str  #: "similar_to_other", "similar_to_reference", "unchanged_starter", "claim_gap",
    #: "person_fit"
    facts: dict = field(default_factory=dict)


def code_signals(code: str, filename: str, *, starter: str = "", reference: str = "",
                 others: dict[str, str] | None = None) -> list[Signal]:
    """Similarity signals for one submission against other people's, the reference solution
    and the starter code. ``others`` maps a pseudonymous id to that person's code."""
    signals = []
    if starter.strip() and starter_likeness(code, starter, filename) >= STARTER_SIMILARITY:
        signals.append(Signal("unchanged_starter"))
    if reference.strip() and too_short_to_tell(reference, filename, starter):
        return signals
    if reference.strip():
        share = similarity(code, reference, filename, starter).of_first
        if share >= NOTICE_SIMILARITY:
            signals.append(Signal("similar_to_reference", {"percent": round(share * 100)}))
    for other_id, other_code in (others or {}).items():
        share = similarity(code, other_code, filename, starter).highest
        if share >= NOTICE_SIMILARITY:
            signals.append(Signal("similar_to_other",
                                  {"percent": round(share * 100), "other": other_id}))
    return signals


def too_short_to_tell(reference: str, filename: str, starter: str = "") -> bool:
    """Whether a task is so short that its reference is the natural answer: similarity to it,
    or between two people's solutions, is then no reason to look closer."""
    return own_fingerprints(reference, filename, starter) < MIN_REFERENCE_FINGERPRINTS


def claim_gap_signal(result: ScreeningResult) -> Signal | None:
    """A signal when the questionnaire claims much more than the knowledge items showed."""
    if result.claim_points >= SOME_CLAIM and result.outcome == "superuser":
        return Signal("claim_gap", {"correct": result.correct, "total": result.total})
    return None
