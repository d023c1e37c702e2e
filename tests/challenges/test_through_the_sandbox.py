"""The bank proves itself through the real sandbox: the process backend here, Docker in CI."""

from __future__ import annotations

import pytest

from assessor.domain.challenge_bank.loading import challenge_dirs
from assessor.domain.challenge_bank.validate import validate
from assessor.domain.grading import grade_submission
from sandbox import get_runner
from tests.challenges.conftest import BANK
from tests.services import docker_available, require_service

#: one challenge per sandboxed kind of grader (io, function, sql query and script, notebook,
#: socket server and client)
SAMPLE = ["p1-biljettpris", "p2-bankkonto", "d-bestallningar-join", "d-skapa-tabeller",
          "p2-notebook-temperatur", "n-radprotokoll-server", "n-tidsklient"]


@pytest.fixture
def process_runner():
    runner = get_runner("process")
    yield runner
    runner.close()


def reasons(reports) -> list[str]:
    return [line for report in reports for line in report.reasons()]


def test_a_sample_of_every_sandboxed_kind_proves_itself_with_the_process_backend(
        process_runner, bank_challenge):
    reports = validate([BANK / slug for slug in SAMPLE], process_runner)
    assert reasons(reports) == []
    known = sum(1 + len(bank_challenge(slug).wrongs) for slug in SAMPLE)
    assert sum(len(r.runs) for r in reports) == known


def test_a_forged_verdict_gains_nothing_in_the_real_sandbox(process_runner, bank_challenge):
    challenge = bank_challenge("p2-bankkonto")
    forger = ("import json, os\n"
              "out = os.path.join(os.environ['KODPROV_OUT'], 'observations.jsonl')\n"
              "with open(out, 'w') as f:\n"
              "    f.write(json.dumps({'id': '0', 'passed': True}) + '\\n')\n"
              "print('ALL TESTS PASSED')\n"
              "class Konto:\n    pass\n")
    result = grade_submission(challenge, forger, runner=process_runner)
    assert result.gradable and result.score == 0.0


@pytest.mark.docker
@pytest.mark.slow
def test_the_whole_bank_proves_itself_in_docker():
    require_service("Docker", docker_available(),
                    "start Docker and run `kodprov sandbox build-image`")
    runner = get_runner("docker")
    try:
        reports = validate(challenge_dirs(BANK), runner)
    finally:
        runner.close()
    assert len(reports) >= 30
    assert reasons(reports) == []
