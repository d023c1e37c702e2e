"""The function grader: calls in the sandbox, judgement on the host, nothing to forge."""

from __future__ import annotations

import json

import pytest

from assessor.domain.challenge_bank import load_challenge
from assessor.domain.grading import grade_submission
from tests.challenges.conftest import wrongs_for
from tests.challenges.tamper.attacks import FIND_ROOT

SLUG = "p1-andra-storsta"


@pytest.fixture
def challenge(bank_challenge):
    return bank_challenge(SLUG)


def grade(challenge, source: str, runner, **kwargs):
    return grade_submission(challenge, {"listor.py": source}, runner=runner, **kwargs)


def test_expected_values_never_enter_the_sandbox(challenge, local_runner):
    grade(challenge, challenge.solution.files["listor.py"].decode(), local_runner)
    spec = local_runner.specs[0]
    plan = json.loads(spec.stdin)
    assert "expect" not in json.dumps(plan) and "raises" not in json.dumps(plan)
    assert plan["tests"][0]["steps"][0] == {"op": "call", "target": "andra_storsta",
                                            "args": [[3, 1, 4, 1, 5]]}
    assert not any(name.endswith(".json") for name in spec.files)


def test_a_forged_observation_file_gains_nothing(challenge, local_runner):
    forger = (
        "import json, os\n"
        "path = os.path.join(os.environ.get('KODPROV_OUT', '.'), 'observations.jsonl')\n"
        "with open(path, 'a') as f:\n"
        "    for i in range(10):\n"
        "        f.write(json.dumps({'id': str(i), 'passed': True, 'score': 1.0,\n"
        "                            'steps': [{'value': 'all tests passed'}]}) + '\\n')\n"
        "print('All tests passed!')\n"
        "def andra_storsta(tal):\n"
        "    return 'all tests passed'\n"
    )
    result = grade(challenge, forger, local_runner)
    assert result.gradable and result.score == 0.0


def test_forged_records_written_at_the_end_still_prove_nothing(challenge, local_runner):
    forger = (
        "import atexit, json, os\n"
        "def forge():\n"
        "    path = os.path.join(os.environ['KODPROV_OUT'], 'observations.jsonl')\n"
        "    with open(path, 'a') as f:\n"
        "        for i in range(10):\n"
        "            f.write(json.dumps({'id': str(i), 'steps': [{'value': 4}]}) + '\\n')\n"
        "atexit.register(forge)\n"
        "def andra_storsta(tal):\n"
        "    return 0\n"
    )
    result = grade(challenge, forger, local_runner)
    assert result.score < 0.3  # only the test that happens to expect 4 can match a guess


def test_a_missing_function_is_not_gradable_and_names_it(challenge, local_runner):
    result = grade(challenge, "def second_largest(tal):\n    return 0\n", local_runner)
    assert not result.gradable
    assert result.message == ("andra_storsta finns inte i listor.py. Skriv en funktion eller "
                              "klass som heter exakt andra_storsta.")
    assert local_runner.specs == []


def test_an_exception_subclass_counts_as_the_expected_exception(challenge, local_runner):
    source = (
        "class ForFaTal(ValueError):\n    pass\n"
        "def andra_storsta(tal):\n"
        "    olika = sorted(set(tal))\n"
        "    if len(olika) < 2:\n        raise ForFaTal('för få')\n"
        "    return olika[-2]\n"
    )
    assert grade(challenge, source, local_runner).score == 1.0


def test_the_wrong_exception_is_named_in_the_message(challenge, local_runner):
    source = "def andra_storsta(tal):\n    return sorted(set(tal))[-2]\n"
    result = grade(challenge, source, local_runner, visible_only=True)
    failed = next(t for t in result.tests if not t.passed)
    assert failed.message == "Kastade IndexError, väntade ValueError."


def test_a_call_that_never_returns_times_out_and_later_tests_still_run(challenge, local_runner):
    source = (
        "def andra_storsta(tal):\n"
        "    if tal == [10, 20]:\n"
        "        while True:\n            pass\n"
        "    olika = sorted(set(tal))\n"
        "    if len(olika) < 2:\n        raise ValueError\n"
        "    return olika[-2]\n"
    )
    result = grade(challenge, source, local_runner, locale="en")
    slow = next(t for t in result.tests if t.name == "två tal")
    assert not slow.passed and "Did not finish within 2 s" in slow.message
    assert result.failed == {"två tal"}


def test_a_crash_on_import_fails_every_test_with_the_reason(challenge, local_runner):
    result = grade(challenge, "import finns_inte\ndef andra_storsta(t):\n    pass\n",
                   local_runner)
    assert result.score == 0.0
    assert "ModuleNotFoundError" in result.tests[0].message


def test_printing_while_importing_does_not_confuse_the_driver(challenge, local_runner):
    source = "print('hej')\n" + challenge.solution.files["listor.py"].decode()
    assert grade(challenge, source, local_runner).score == 1.0


def test_an_unchanged_argument_is_checked(challenge, local_runner):
    wrong = next(w for w in challenge.wrongs if w.name == "andrar-listan")
    result = grade(challenge, wrong.files["listor.py"].decode(), local_runner)
    changed = next(t for t in result.tests if t.name == "listan ändras inte")
    assert changed.message == "Funktionen ändrade listan den fick in."


def test_list_reads_are_counted_for_a_speed_requirement(bank_challenge, local_runner):
    challenge = bank_challenge("p2-binarsokning")
    linear = next(w for w in challenge.wrongs if w.name == "linjar-sokning")
    result = grade_submission(challenge, dict(linear.files), runner=local_runner)
    slow = next(t for t in result.tests if t.name == "snabb i lång lista")
    assert slow.message == "Läste 618 element ur listan; högst 30 räcker."


def test_static_checks_run_on_the_host_without_the_sandbox(bank_challenge, local_runner):
    challenge = bank_challenge("p2-sortering")
    source = ("def sortera(tal):\n    return sorted(tal)\n"
              "def rangordna(r):\n    return []\n")
    result = grade_submission(challenge, source, runner=local_runner)
    own = next(t for t in result.tests if t.name == "egen sortering")
    assert not own.passed and own.message == "Lösningen får inte använda sorted() här."


def test_steps_on_objects_report_the_first_step_that_went_wrong(bank_challenge, local_runner):
    challenge = bank_challenge("p2-bankkonto")
    wrong = next(w for w in challenge.wrongs if w.name == "delat-saldo")
    result = grade_submission(challenge, dict(wrong.files), runner=local_runner)
    shared = next(t for t in result.tests if t.name == "två konton")
    assert shared.message == "Fick 10, väntade 0." and shared.input == "b.saldo"


def test_a_hidden_call_that_raises_names_the_error_but_not_the_call(challenge, local_runner):
    from assessor.domain.grading import candidate_view

    source = ("def andra_storsta(tal):\n    if len(tal) < 3:\n"
              "        raise KeyError(f'hemligt {tal}')\n    return sorted(set(tal))[-2]\n")
    view = candidate_view(grade(challenge, source, local_runner))
    hidden = [t for t in view.tests if t.visibility == "staff" and not t.passed]
    assert hidden and all("kraschade med" in t.message for t in hidden)
    staff = [t for t in view.to_dict()["tests"] if t["visibility"] == "staff"]
    assert "hemligt" not in json.dumps(staff)


def test_a_test_can_expect_none(make_challenge, local_runner):
    folder = make_challenge("""
        [function]
        module = "modul"

        [[tests]]
        name = "tom"
        call = "forsta"
        args = [[]]
        expect = { "$none" = true }
    """, grader="function", files='["modul.py"]', extra={
        "solution/modul.py": "def forsta(t):\n    return t[0] if t else None\n",
        **{f"wrong/{n}/modul.py": "def forsta(t):\n    return t[0] if t else 0\n" for n in "ab"},
        **{f"wrong/{n}/expect.toml": 'mistake = "0"\nfails = ["tom"]\n' for n in "ab"}})
    challenge = load_challenge(folder)
    assert grade_submission(challenge, dict(challenge.solution.files),
                            runner=local_runner).score == 1.0
    zero = grade_submission(challenge, dict(challenge.wrongs[0].files), runner=local_runner)
    assert zero.tests[0].message == "Fick 0, väntade None."


def test_setting_an_attribute_can_be_required_to_raise(bank_challenge, local_runner):
    challenge = bank_challenge("p2-bankkonto")
    wrong = next(w for w in challenge.wrongs if w.name == "saldo-kan-skrivas-over")
    result = grade_submission(challenge, dict(wrong.files), runner=local_runner)
    test = next(t for t in result.tests if t.name == "saldo kan bara ändras med metoderna")
    assert test.message == ("Väntade att AttributeError skulle kastas, men inget undantag "
                            "kastades.")
    assert test.input == "k.saldo = 1000000"
    assert grade_submission(challenge, dict(challenge.solution.files),
                            runner=local_runner).score == 1.0


@pytest.mark.parametrize(("leave", "message"), [
    ("sys.exit(1)", "Programmet avslutades med felkod 1."),
    ("sys.exit()", "Programmet avslutades mitt under anropet."),
    ("sys.exit('ingen lista')", "Programmet kraschade: ingen lista"),
    ("os._exit(0)", "Programmet avslutades mitt under anropet."),
    ("os._exit(5)", "Programmet avslutades med felkod 5."),
    ("os.kill(os.getpid(), 11)", "Programmet stoppades av signalen SIGSEGV."),
], ids=["sys.exit", "sys.exit()", "sys.exit(text)", "os._exit(0)", "os._exit", "signal"])
def test_leaving_in_the_middle_of_a_call_fails_only_that_test(challenge, local_runner, leave,
                                                              message):
    source = ("import os, sys\n" + challenge.solution.files["listor.py"].decode().replace(
        "def andra_storsta(tal):\n",
        f"def andra_storsta(tal):\n    if tal == [10, 20]:\n        {leave}\n"))
    result = grade(challenge, source, local_runner)
    assert result.failed == {"två tal"}
    assert next(t for t in result.tests if t.name == "två tal").message == message


def test_each_test_gets_a_fresh_process(challenge, local_runner):
    source = ("calls = []\n"
              "def andra_storsta(tal):\n"
              "    calls.append(tal)\n"
              "    return len(calls)\n")
    result = grade(challenge, source, local_runner, visible_only=True)
    assert [t.got for t in result.tests[:2]] == ["1", "1"]


def test_a_test_can_expect_a_call_to_exit(make_challenge, local_runner):
    folder = make_challenge("""
        [function]
        module = "modul"

        [[tests]]
        name = "slut"
        call = "sluta"
        raises = "SystemExit"
    """, grader="function", files='["modul.py"]', extra={
        "solution/modul.py": "import sys\ndef sluta():\n    sys.exit(2)\n",
        **wrongs_for("modul.py", ["slut"])})
    challenge = load_challenge(folder)
    assert grade_submission(challenge, dict(challenge.solution.files),
                            runner=local_runner).score == 1.0
    ended = grade_submission(challenge, "import os\ndef sluta():\n    os._exit(2)\n",
                             runner=local_runner)
    assert ended.tests[0].message == "Programmet avslutades med felkod 2."


@pytest.mark.parametrize(("prelude", "why"), [
    ("import sys\nsys.exit(2)", "programmet avslutades med felkod 2"),
    ("import sys\nsys.exit()", "programmet avslutades innan testet"),
    ("import os\nos._exit(0)", "programmet avslutades innan testet"),
    ("import os\nos.kill(os.getpid(), 9)", "programmet stoppades av signalen SIGKILL"),
], ids=["sys.exit", "sys.exit()", "os._exit", "SIGKILL"])
def test_a_module_that_ends_while_loading_says_how(challenge, local_runner, prelude, why):
    result = grade(challenge, prelude + "\n" + challenge.solution.files["listor.py"].decode(),
                   local_runner)
    assert {t.message for t in result.tests} == {f"Testet kördes inte klart: {why}."}
    assert {t.problem for t in result.tests} == {"stopped"}


def test_a_module_that_never_finishes_loading_is_too_slow(challenge, local_runner):
    source = "while True:\n    pass\ndef andra_storsta(tal):\n    return 0\n"
    result = grade(challenge, source, local_runner)
    assert {t.message for t in result.tests} == {
        "Blev inte klart inom 2 s. Kanske en oändlig loop?"}
    assert {t.problem for t in result.tests} == {"slow"}


def test_killing_the_process_that_forks_the_tests_stops_nothing(challenge, local_runner):
    killer = FIND_ROOT + "import signal\n" + challenge.solution.files["listor.py"].decode(
        ).replace("def andra_storsta(tal):\n", "def andra_storsta(tal):\n"
                  "    if tal == [10, 20]:\n"
                  "        os.kill(fork_server(), signal.SIGKILL)\n")
    assert grade(challenge, killer, local_runner).score == 1.0


def test_a_huge_result_fails_its_test_and_says_why(challenge, local_runner):
    huge = ("def andra_storsta(tal):\n"
            "    if tal == [10, 20]:\n"
            "        return ['x' * 16000] * 2000\n"
            + challenge.solution.files["listor.py"].decode().split("\n", 1)[1])
    result = grade(challenge, huge, local_runner)
    assert result.failed == {"två tal"}
    assert next(t for t in result.tests if t.name == "två tal").message == (
        "Svaret eller utskriften blev för stor för att jämföras.")
