"""Loading the challenge bank: each folder read in its format, then checked by its grader."""

from __future__ import annotations

import logging
from pathlib import Path

from assessor.domain.challenge_bank.checks import check_challenge
from assessor.domain.challenges.loader import read_format
from assessor.domain.challenges.model import Challenge
from assessor.domain.challenges.problems import ChallengeFormatError, FormatProblem

log = logging.getLogger(__name__)


def challenge_dirs(bank: Path) -> list[Path]:
    """The challenge folders in ``bank`` (folders starting with ``_`` or ``.`` are not)."""
    return sorted(p for p in bank.iterdir()
                  if p.is_dir() and not p.name.startswith(("_", ".")))


def resolve(path_or_slug: str | Path, bank: Path | None = None) -> Path:
    """A challenge folder from a path, or from a slug in the ``bank`` folder."""
    path = Path(path_or_slug)
    if (path / "challenge.toml").exists() or path.is_dir() or bank is None:
        return path
    return bank / str(path_or_slug)


def load_challenge(path_or_slug: str | Path, *, bank: Path | None = None) -> Challenge:
    """Load one challenge from its folder, or by slug from the ``bank`` folder; raises
    ``ChallengeFormatError`` listing every problem."""
    challenge, problems = read_challenge(resolve(path_or_slug, bank))
    if problems or challenge is None:
        raise ChallengeFormatError(problems)
    return challenge


def load_bank(path: str | Path, *, strict: bool = True) -> list[Challenge]:
    """Every challenge in the bank folder ``path``. ``strict=False`` logs and skips broken
    folders."""
    challenges, problems = [], []
    for folder in challenge_dirs(Path(path)):
        challenge, found = read_challenge(folder)
        if found or challenge is None:
            problems.extend(found)
            log.error("challenge %s skipped: %s problem(s)", folder.name, len(found))
            continue
        challenges.append(challenge)
    if strict and problems:
        raise ChallengeFormatError(problems)
    return challenges


def read_challenge(folder: Path, seeds: range = range(1)) -> tuple[Challenge | None,
                                                                    list[FormatProblem]]:
    """The challenge in ``folder`` (None when unreadable) and all problems found, the grader's
    checks of every variant in ``seeds`` included."""
    challenge, problems = read_format(folder)
    if challenge is not None and not problems:
        problems.extend(check_challenge(challenge, seeds))
    return challenge, problems
