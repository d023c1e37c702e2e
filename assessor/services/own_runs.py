"""Running a task's program on the candidate's own input: penalty-free, nothing stored.

The same consent rule as "Testa": only the person themself, with a yes to "Tests and results"
(the policy's ``submissions.submit``). The run happens in the grading sandbox and is judged
against nothing; no submission, draft or result is written, so it counts as no attempt.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from assessor.domain.challenges.model import Challenge
from assessor.domain.grading.own_input import MAX_INPUT, OwnRun, accepts_own_input, run_on_own_input
from assessor.domain.grading.runner import Runner
from assessor.models import Person, User
from assessor.services import policy
from assessor.services.catalogue import seed_for
from assessor.services.submissions import SubmissionError, check_files

log = logging.getLogger(__name__)


def run_own_input(session: Session, person: Person, challenge: Challenge, files: dict[str, str],
                  stdin: str, *, by: User, runner: Runner, locale: str = "sv") -> OwnRun:
    """Run the person's program in ``files`` once with ``stdin`` and say what it printed.
    AccessDeniedError unless ``by`` may hand in for the person; SubmissionError for work or
    input that cannot be run (no code, input too long, a task without input). ``runner`` is
    the sandbox it runs in."""
    policy.require(session, by, policy.Action.SUBMIT, person)
    if not accepts_own_input(challenge):
        raise SubmissionError("no_own_input", challenge.id)
    check_files(files)
    if len(stdin) > MAX_INPUT:
        raise SubmissionError("input_too_long", str(MAX_INPUT))
    seed = seed_for(person.public_id, challenge.id)
    log.info("own-input run of %s for person %s", challenge.id, person.id)
    return run_on_own_input(challenge, files, seed, stdin, runner=runner, locale=locale)
