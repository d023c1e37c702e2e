"""The challenge bank as data: format, loading, seeded variants and validation.

``load_bank(path)`` and ``load_challenge(path_or_slug)`` give ``Challenge`` objects;
``challenge.variant(seed)`` gives what one candidate sees. The format is documented in
``challenges/README.md``.
"""

from assessor.challenges.loader import bank_path, load_bank, load_challenge
from assessor.challenges.model import Challenge, TestCase, Variant
from assessor.challenges.problems import ChallengeFormatError, FormatProblem
from assessor.vocabulary import Area

__all__ = ["Area", "Challenge", "ChallengeFormatError", "FormatProblem", "TestCase", "Variant",
           "bank_path", "load_bank", "load_challenge"]
