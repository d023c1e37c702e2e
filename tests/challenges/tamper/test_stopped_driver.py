"""A submission that kills or stops the driver keeps the results already observed, and gains
nothing more."""

from __future__ import annotations

from assessor.domain.challenge_bank import load_challenge
from assessor.domain.grading import grade_submission
from tests.challenges.conftest import wrongs_for
from tests.challenges.tamper.attacks import FIND_ROOT, grade


def test_a_call_that_kills_the_driver_keeps_the_earlier_results(bank_challenge, runner):
    source = FIND_ROOT + (
        "import signal\n"
        "def andra_storsta(tal):\n"
        "    if tal == [7]:\n"
        "        if driver():\n"
        "            os.kill(driver(), signal.SIGKILL)\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    olika = sorted(set(tal))\n"
        "    if len(olika) < 2:\n"
        "        raise ValueError('för få olika tal')\n"
        "    return olika[-2]\n"
    )
    result = grade(bank_challenge, "p1-andra-storsta", source, runner)
    assert result.gradable and not result.our_error
    assert {"exempel", "två tal"}.isdisjoint(result.failed)
    assert "för få olika tal" in result.failed


def test_a_stopped_driver_keeps_the_earlier_results_and_passes_nothing_more(make_challenge,
                                                                            runner):
    folder = make_challenge("""
        [limits]
        wall_seconds = 5

        [function]
        module = "modul"

        [[tests]]
        name = "ett"
        call = "f"
        args = [1]
        expect = 1

        [[tests]]
        name = "två"
        call = "f"
        args = [2]
        expect = 2

        [[tests]]
        name = "tre"
        call = "f"
        args = [3]
        expect = 3
    """, grader="function", files='["modul.py"]', extra={
        "solution/modul.py": "def f(x):\n    return x\n",
        **wrongs_for("modul.py", ["ett", "två", "tre"])})
    stopper = FIND_ROOT + (
        "import signal\n"
        "def f(x):\n"
        "    if x == 2 and driver():\n"
        "        os.kill(driver(), signal.SIGSTOP)\n"
        "    return x\n"
    )
    result = grade_submission(load_challenge(folder), {"modul.py": stopper}, runner=runner)
    assert result.gradable and not result.our_error
    assert result.failed == {"två", "tre"}, [t.message for t in result.tests]
