"""A challenge as data: its format, its seeded variants and its known solutions.

``challenge.variant(seed)`` gives what one candidate sees. Loading a bank with every check is
``assessor.domain.challenge_bank``. The format is documented in ``challenges/README.md``.
"""

from assessor.domain.challenges.model import Challenge, TestCase, Variant
from assessor.domain.challenges.problems import ChallengeFormatError, FormatProblem
from assessor.domain.vocabulary import Area

__all__ = ["Area", "Challenge", "ChallengeFormatError", "FormatProblem", "TestCase", "Variant"]
