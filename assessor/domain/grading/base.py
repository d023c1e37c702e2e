"""What every grader shares: the context it grades in, its interface and small helpers."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from assessor.domain.challenges.fields import Fields
from assessor.domain.challenges.model import TestCase, Variant
from assessor.domain.challenges.problems import FormatProblem
from assessor.domain.grading.messages import Message, text
from assessor.domain.grading.messages.hidden import problem_of
from assessor.domain.grading.result import TestOutcome
from assessor.domain.grading.runner import TimedRunner

MAX_FILE_BYTES = 256 * 1024
COMMON_TEST_FIELDS = ("name", "points", "visibility")


class NotGradable(Exception):  # noqa: N818 - reads as a verdict: raise NotGradable(message)
    """The submission cannot be graded as handed in; the message says exactly what to fix."""


@dataclass
class Context:
    """One grading: the variant, the tests to run, the candidate's files and the sandbox."""

    variant: Variant
    tests: tuple[TestCase, ...]
    files: Mapping[str, bytes]
    runner: TimedRunner | None
    locale: str = "sv"

    def msg(self, code: str, /, **params: Any) -> Message:
        """A result message in the candidate's language (it remembers its code)."""
        return text(code, self.locale, **params)

    def source(self, name: str) -> str:
        """The text of submitted file ``name``; missing, empty, huge or non-UTF-8: not gradable."""
        content = self.files.get(name)
        if content is None:
            raise NotGradable(self.msg("missing_file", name=name))
        if len(content) > MAX_FILE_BYTES:
            raise NotGradable(self.msg("too_large", name=name, max_kb=MAX_FILE_BYTES // 1024))
        try:
            source = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise NotGradable(self.msg("not_utf8", name=name)) from None
        if not source.strip():
            raise NotGradable(self.msg("empty_file", name=name))
        return source

    def passed(self, test: TestCase, **shown: Any) -> TestOutcome:
        """A passed outcome for ``test``."""
        return outcome(test, True, self.msg("passed"), **shown)

    def failed(self, test: TestCase, message: str, **shown: Any) -> TestOutcome:
        """A failed outcome for ``test`` with ``message``."""
        return outcome(test, False, message, **shown)


def outcome(test: TestCase, passed: bool, message: str, **shown: Any) -> TestOutcome:
    """A ``TestOutcome`` for ``test``; ``shown`` may hold input, expected and got (and how
    they were compared, or an SQL test's tables)."""
    return TestOutcome(name=test.name, max_points=test.points, passed=passed, message=message,
                       visibility=test.visibility, problem="" if passed else problem_of(message),
                       **shown)


class Grader(ABC):
    """A kind of grader. Subclasses are registered by ``kind`` in ``domain.grading.registry``."""

    kind: ClassVar[str]
    #: whether grading runs code in the sandbox (web, form and choice graders do not)
    sandboxed: ClassVar[bool] = True
    #: whether the candidate answers in form fields (one per test ``field``) rather than files
    form: ClassVar[bool] = False

    def uses_sandbox(self, options: Mapping[str, Any]) -> bool:
        """Whether a challenge with these options runs code in the sandbox."""
        return self.sandboxed

    def answered_in_form(self, options: Mapping[str, Any]) -> bool:
        """Whether the candidate answers this challenge in form fields (see ``forms``)."""
        return self.form

    @abstractmethod
    def grade(self, ctx: Context) -> list[TestOutcome]:
        """Outcomes for ``ctx.tests``; raises ``NotGradable`` for a submission to fix first."""

    def check(self, variant: Variant, problems: list[FormatProblem]) -> None:
        """Record problems in this grader's options and test fields (for one variant)."""
        options = self.option_fields(variant, problems)
        self.check_options(options)
        options.finish()
        for index, test in enumerate(variant.tests):
            fields = Fields(test.spec, "challenge.toml", f"tests[{index}]", problems)
            fields.seen.update(COMMON_TEST_FIELDS)  # read by the loader; known for suggestions
            self.check_test(fields, options)
            fields.finish()

    def option_fields(self, variant: Variant, problems: list[FormatProblem]) -> Fields:
        """The ``[<kind>]`` table of challenge.toml, read with ``Fields``."""
        return Fields(variant.options, "challenge.toml", self.kind, problems)

    def check_options(self, options: Fields) -> None:  # noqa: B027 - most graders have none
        """Read (and so check) the options this grader knows."""

    @abstractmethod
    def check_test(self, test: Fields, options: Fields) -> None:
        """Read (and so check) the test fields this grader knows."""
