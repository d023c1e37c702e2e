"""Running an io task's program on the candidate's own input ("Kör med egen indata").

The program runs exactly as in a test (the same driver, sandbox, limits and timeout) with the
candidate's text as its stdin; the run is judged against nothing and no result is stored, so it
costs no attempt. Only a visible test's data files go along, so a program that reads one works.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assessor.domain.challenges.model import Challenge, TestCase, Visibility
from assessor.domain.grading.base import Context, NotGradable
from assessor.domain.grading.endings import program_crash, program_limit, run_ending
from assessor.domain.grading.io_grader import run_program
from assessor.domain.grading.messages import text
from assessor.domain.grading.observations import text_field
from assessor.domain.grading.runner import NoRunner, Runner, SandboxUnavailableError, TimedRunner
from assessor.domain.grading.service import Submission, as_files

#: the most input a candidate may type for one run (characters)
MAX_INPUT = 16 * 1024
RUN_ID = "0"


@dataclass(frozen=True)
class OwnRun:
    """What one run on the candidate's own input showed."""

    #: whether the program ran; if not, ``message`` says why (a syntax error, our failure)
    ran: bool
    output: str = ""
    #: the program's output went past what a run keeps; the rest is not shown
    output_cut: bool = False
    #: how the program ended when it did not end normally (crash, limit), in plain words
    ending: str = ""
    message: str = ""


def accepts_own_input(challenge: Challenge) -> bool:
    """Whether the challenge's program reads input that the candidate may choose (io tasks)."""
    return challenge.grader == "io"


def run_on_own_input(challenge: Challenge, files: Submission, seed: int, stdin: str, *,
                     runner: Runner | None = None, locale: str = "sv") -> OwnRun:
    """Run the program in ``files`` once, in the sandbox, with ``stdin``. Never raises for
    anything the candidate sent; a sandbox failure is said in ``message``."""
    if not accepts_own_input(challenge):
        raise ValueError(f"{challenge.id} does not read the candidate's input")
    variant = challenge.variant(seed)
    test = TestCase("own", 0.0, Visibility.CANDIDATE,
                    {"stdin": stdin[:MAX_INPUT], "files": _visible_files(variant.tests)})
    try:
        timed = TimedRunner(runner or NoRunner())
        ctx = Context(variant, (test,), as_files(challenge, files), timed, locale)
        result, records = run_program(ctx, {RUN_ID: test})
    except NotGradable as reason:
        return OwnRun(ran=False, message=str(reason))
    except SandboxUnavailableError:
        return OwnRun(ran=False, message=text("own_run_unavailable", locale))
    record = records.get(RUN_ID)
    if record is None:
        return OwnRun(ran=True, ending=str(text("no_observation", locale,
                                                why=run_ending(ctx, result))))
    ending = program_limit(ctx, record) or program_crash(ctx, record)
    return OwnRun(ran=True, output=text_field(record, "stdout"),
                  output_cut=record.get("stdout_truncated") is True, ending=str(ending or ""))


def _visible_files(tests: tuple[TestCase, ...]) -> Mapping[str, str]:
    """The data files of the first visible test that has any (never a hidden test's)."""
    for test in tests:
        if test.visibility is Visibility.CANDIDATE and test.get("files"):
            return dict(test["files"])
    return {}
