"""A challenge as data: what it is, its tests, and the solutions that prove it."""

from __future__ import annotations

import enum
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assessor.domain.challenges.variants import variant_parts
from assessor.domain.vocabulary import Area
from sandbox.spec import Limits


class Visibility(enum.StrEnum):
    """Who sees a test. ``staff`` tests show the candidate only pass/fail and a neutral line."""

    CANDIDATE = "candidate"
    STAFF = "staff"


#: params made by a challenge's ``generate.py`` from a seeded random generator
Generator = Callable[[random.Random], dict[str, Any]]


@dataclass(frozen=True)
class TestCase:
    """One test: its name, worth and visibility, plus the fields its grader reads."""

    __test__ = False  # not a pytest test class

    name: str
    points: float
    visibility: Visibility
    spec: Mapping[str, Any] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.spec[key]

    def __contains__(self, key: str) -> bool:
        return key in self.spec

    def get(self, key: str, default: Any = None) -> Any:
        """A grader field of this test, or ``default``."""
        return self.spec.get(key, default)


@dataclass(frozen=True)
class Expectation:
    """The outcome a known-wrong solution must get: exactly these tests fail."""

    mistake: str
    fails: frozenset[str] = frozenset()
    gradable: bool = True


@dataclass(frozen=True)
class KnownSolution:
    """A solution that proves the tests, with its files: ``solution/`` and each
    ``also-right/<name>/`` must score 100 % (``expectation`` None); each ``wrong/<name>/`` must
    get its ``expectation``."""

    name: str
    files: Mapping[str, bytes]
    expectation: Expectation | None = None
    #: where it lives in the challenge folder: "solution", "wrong/<name>", "also-right/<name>"
    folder: str = "solution"


@dataclass(frozen=True)
class Challenge:
    """A challenge folder, loaded. Use ``variant(seed)`` to get what one candidate sees."""

    id: str
    version: str
    area: Area
    course: str
    level: str
    difficulty: float
    grader: str
    language: str
    title: Mapping[str, str]
    #: the skill the task shows, per locale, e.g. {"sv": "loopar och villkor", ...}
    skill: Mapping[str, str]
    files: tuple[str, ...]
    limits: Limits
    tests: tuple[TestCase, ...]
    options: Mapping[str, Any]
    descriptions: Mapping[str, str]
    starter: Mapping[str, bytes]
    data: Mapping[str, bytes]
    solution: KnownSolution
    wrongs: tuple[KnownSolution, ...]
    path: Path
    skills: tuple[str, ...] = ()
    minutes: int | None = None
    also_right: tuple[KnownSolution, ...] = ()
    generator: Generator | None = field(default=None, compare=False, repr=False)

    @property
    def generated(self) -> bool:
        """True when each seed gives its own numbers (the folder has ``generate.py``)."""
        return self.generator is not None

    @property
    def max_points(self) -> float:
        """Total points of all tests."""
        return sum(t.points for t in self.tests)

    def variant(self, seed: int = 0) -> Variant:
        """The challenge with seed-made parameters filled in; the same seed, the same variant."""
        return Variant(challenge=self, seed=seed, **variant_parts(self, seed))

    def summary(self) -> dict[str, Any]:
        """Plain data for listings (``kodprov challenges list --json``, the web catalogue)."""
        return {"id": self.id, "version": self.version, "area": self.area.value,
                "course": self.course, "level": self.level, "difficulty": self.difficulty,
                "grader": self.grader, "language": self.language, "title": dict(self.title),
                "skill": dict(self.skill),
                "files": list(self.files), "generated": self.generated,
                "tests": len(self.tests), "skills": list(self.skills), "minutes": self.minutes}


@dataclass(frozen=True)
class Variant:
    """One seed's version of a challenge: texts, tests and files with parameters filled in."""

    challenge: Challenge
    seed: int
    params: Mapping[str, Any]
    descriptions: Mapping[str, str]
    tests: tuple[TestCase, ...]
    options: Mapping[str, Any]
    starter: Mapping[str, bytes]
    data: Mapping[str, bytes]
    solution: KnownSolution
    wrongs: tuple[KnownSolution, ...]
    also_right: tuple[KnownSolution, ...] = ()

    @property
    def known_solutions(self) -> tuple[KnownSolution, ...]:
        """The reference, the other accepted solutions and the known-wrong ones, in that order."""
        return (self.solution, *self.also_right, *self.wrongs)

    @property
    def id(self) -> str:
        """The challenge id."""
        return self.challenge.id

    def description(self, locale: str = "sv") -> str:
        """The statement as Markdown in ``locale`` (Swedish when that locale is missing)."""
        return self.descriptions.get(locale) or self.descriptions["sv"]

    def description_html(self, locale: str = "sv") -> str:
        """The statement rendered to HTML (tables and fenced code enabled)."""
        import markdown

        return markdown.markdown(self.description(locale),
                                 extensions=["tables", "fenced_code"])

    def visible_tests(self) -> tuple[TestCase, ...]:
        """The tests a candidate may see in full (and run with the precheck)."""
        return tuple(t for t in self.tests if t.visibility is Visibility.CANDIDATE)
