"""The indicator survey at start and at exit: a few statements the participant rates
themself, from 1 ("not at all true") to 5 ("completely true").

It is self-rated and voluntary, and it is never part of a skill score: levels and ability
come from tasks and supervised results only (a test keeps it so). The funder report counts,
at exit, who answered positively: a rating of 4 or 5 on more than half of the statements.
The statements stand in for the samordningsförbund's NNS participant questions, whose wording
NNS does not let anyone change: a programme that uses NNS replaces their texts (web words)
with NNS's own, word for word, and keeps the keys.
"""

from __future__ import annotations

from collections.abc import Mapping

POINTS = ("start", "exit")  #: when the survey is answered
#: the statements, by key (their words are the web's)
ITEMS = ("know_next_step", "believe_work_or_studies", "got_support", "treated_with_respect")
SCALE = (1, 2, 3, 4, 5)
POSITIVE_FROM = 4  #: a rating of 4 or 5 is positive


class SurveyError(ValueError):
    """Answers that cannot be kept (``code`` picks the translated message)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def check_answers(point: str, answers: Mapping[str, int]) -> dict[str, int]:
    """The answers as kept: every statement rated 1–5, nothing else; SurveyError if not."""
    if point not in POINTS:
        raise SurveyError("point")
    if set(answers) != set(ITEMS):
        raise SurveyError("incomplete")
    if any(not isinstance(v, int) or isinstance(v, bool) or v not in SCALE
           for v in answers.values()):
        raise SurveyError("scale")
    return {item: answers[item] for item in ITEMS}


def is_positive(answers: Mapping[str, int]) -> bool:
    """More than half of the statements rated 4 or 5."""
    positive = sum(1 for item in ITEMS if answers.get(item, 0) >= POSITIVE_FROM)
    return positive * 2 > len(ITEMS)


def open_points(answered: set[str], has_left: bool) -> list[str]:
    """The points the participant may answer now: the start until answered, the exit once
    the coach has recorded the last day and until answered."""
    return [point for point in POINTS if point not in answered
            and (point == "start" or has_left)]
