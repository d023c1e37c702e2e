"""Problems found in a challenge folder, each with file, field and what to write instead."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class FormatProblem:
    """One thing wrong in a challenge folder, phrased so an author can fix it unaided."""

    file: str
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}" + (f" {self.hint}" if self.hint else "")


class ChallengeFormatError(ValueError):
    """A challenge folder that cannot be loaded; ``problems`` lists every reason."""

    def __init__(self, problems: list[FormatProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems

def with_folder(problem: FormatProblem, folder: str) -> FormatProblem:
    """``problem`` with its file shown inside ``folder``."""
    if problem.file.startswith(f"{folder}/"):
        return problem
    return replace(problem, file=f"{folder}/{problem.file}")
