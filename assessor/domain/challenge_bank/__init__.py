"""The challenge bank as the app uses it: every folder read (``challenges``) and checked by its
grader (``grading``), and each challenge proving itself with its known solutions (``validate``).
It sits above both, so neither needs the other's names at run time."""

from assessor.domain.challenge_bank.loading import load_bank, load_challenge

__all__ = ["load_bank", "load_challenge"]
