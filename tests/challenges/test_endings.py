"""Every way a program can end is a graded verdict in plain words, through the real sandbox.

The table runs each ending through the process backend and, marked ``docker``, through the
Docker sandbox: exit codes, signals, CPU and wall time, memory, output and file size, a driver
that is killed, and a run that reports nothing. None may raise or show a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from assessor.domain.challenge_bank import load_challenge
from assessor.domain.grading import grade_submission
from tests.challenges.conftest import wrongs_for

IO = """
    [io]
    entry = "main.py"
    timeout = {timeout}

    [limits]
    cpu_seconds = {cpu}
    wall_seconds = {wall}

    [[tests]]
    name = "ett"
    stdin = "1\\n"
    stdout = "1\\n"
"""

#: the function grader, or the notebook grader (the cells tagged "svar" of main.ipynb)
FUNCTION = """
    [{grader}]
    module = "main"
    call_timeout = {timeout}

    [limits]
    cpu_seconds = {cpu}
    wall_seconds = {wall}

    [[tests]]
    name = "ett"
    call = "svar"
    expect = 1
"""


@dataclass(frozen=True)
class Ending:
    """A program that ends one way, the words its verdict must hold (Swedish, English) and
    the kind of problem a hidden test would name."""

    name: str
    source: str
    sv: str
    en: str
    problem: str
    grader: str = "io"
    timeout: float = 2.0
    cpu: float = 5.0
    wall: float = 10.0


ENDINGS = [
    Ending("exit code", 'import sys\nprint("fel")\nsys.exit(1)\n',
           "avslutades med felkod 1", "ended with exit code 1", "stopped"),
    Ending("exit code from a text", 'import sys\nsys.exit("nej")\n',
           "kraschade: nej", "crashed: nej", "crashed"),
    Ending("an exception", 'int("x")\n', "kraschade: ValueError", "crashed: ValueError",
           "crashed:ValueError"),
    Ending("SIGKILL", "import os\nos.kill(os.getpid(), 9)\n",
           "stoppades av signalen SIGKILL", "stopped by the signal SIGKILL", "stopped"),
    Ending("SIGSEGV", "import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n",
           "stoppades av signalen SIGSEGV", "stopped by the signal SIGSEGV", "stopped"),
    Ending("an endless loop", "while True:\n    pass\n", "inte klart inom 1 s",
           "not finish within 1 s", "slow", timeout=1.0),
    # on a loaded machine the program's own timeout may come first: either way, "slow"
    Ending("the run's CPU time", "while True:\n    pass\n", "klart", "finish", "slow",
           timeout=10.0, cpu=1.0, wall=20.0),
    Ending("the run's wall time", "import time\ntime.sleep(60)\n", "tog för lång tid",
           "took too long", "slow", timeout=10.0, wall=1.0),
    Ending("3 GiB of memory", "x = bytearray(3 * 1024 ** 3)\nprint(len(x))\n",
           "använde för mycket minne", "used too much memory", "memory", timeout=10.0),
    Ending("300 MB of output",
           'import sys\nfor _ in range(300):\n    sys.stdout.write("x" * 10**6)\n',
           "skrev för mycket", "wrote too much", "output"),
    Ending("a file too large", 'open("stor.txt", "w").write("x" * 10**7)\n',
           "för stor fil", "too large a file", "output"),
    Ending("the driver killed", "import os\nos.kill(os.getppid(), 9)\n",
           "stoppades av signalen SIGKILL", "stopped by the signal SIGKILL", "stopped"),
    Ending("no observation at all", "import os\nos._exit(0)\ndef svar():\n    return 1\n",
           "avslutades innan testet", "stopped before the test", "stopped", grader="function"),
    Ending("a function that exits", "import sys\ndef svar():\n    sys.exit(3)\n",
           "Programmet avslutades med felkod 3.", "The program ended with exit code 3.",
           "stopped", grader="function"),
    Ending("a function that ends its process", "import os\ndef svar():\n    os._exit(4)\n",
           "Programmet avslutades med felkod 4.", "The program ended with exit code 4.",
           "stopped", grader="function"),
    Ending("a function killed by a signal", "import os\ndef svar():\n    os.kill(os.getpid(), 9)\n",
           "Programmet stoppades av signalen SIGKILL.", "The program was stopped by the signal "
           "SIGKILL.", "stopped", grader="function"),
    Ending("a module that exits", "import sys\nsys.exit(2)\ndef svar():\n    return 1\n",
           "Testet kördes inte klart: programmet avslutades med felkod 2.",
           "The test did not finish: the program ended with exit code 2.", "stopped",
           grader="function"),
    # A function's output is what it returns and prints (captured, the excess dropped); fd 1
    # of its process leads nowhere, so writing there forever is, like printing forever, a call
    # that never returns: the time-out says so, and names the likely cause.
    Ending("a function that floods", "import os\ndef svar():\n    while True:\n"
           "        os.write(1, b'x' * 65536)\n", "Blev inte klart inom 1 s",
           "Did not finish within 1 s", "slow", grader="function", timeout=1.0),
    # Out of memory: the process backend's RLIMIT_AS makes it a MemoryError, in Docker the
    # kernel kills the process (which on this busy machine can take seconds: the call's time
    # limit is set well above that). Either way the same words.
    *(Ending(f"a {kind} that takes 3 GiB in a call", "def svar():\n"
             "    x = bytearray(3 * 1024 ** 3)\n    return len(x)\n",
             "Programmet använde för mycket minne.", "The program used too much memory.",
             "memory", grader=kind, timeout=8.0, wall=20.0) for kind in ("function", "notebook")),
    *(Ending(f"a {kind} whose list grows forever in a call", "def svar():\n    lista = []\n"
             "    while True:\n        lista.append([0] * 10**6)\n",
             "Programmet använde för mycket minne.", "The program used too much memory.",
             "memory", grader=kind, timeout=8.0, wall=20.0) for kind in ("function", "notebook")),
    Ending("a notebook whose list grows forever while loading", "lista = []\nwhile True:\n"
           "    lista.append([0] * 10**6)\ndef svar():\n    return 1\n",
           "Testet kördes inte klart: programmet använde för mycket minne.",
           "The test did not finish: the program used too much memory.", "memory",
           grader="notebook", timeout=8.0, wall=20.0),
]


@pytest.fixture(scope="module", params=["process", pytest.param("docker", marks=[
    pytest.mark.docker, pytest.mark.slow])])
def runner(request) -> Iterator:
    from sandbox import get_runner

    if request.param == "docker":
        from tests.sandbox.conftest import require_docker_image

        require_docker_image()
    backend = get_runner(request.param)
    yield backend
    backend.close()


def challenge_for(make_challenge, ending: Ending):
    """A one-test challenge of the ending's grader, with the limits the ending needs."""
    limits = {"timeout": ending.timeout, "cpu": ending.cpu, "wall": ending.wall}
    if ending.grader == "io":
        body, right, wrong = IO.format(**limits), "print(input())\n", "print(0)\n"
    else:
        body = FUNCTION.format(grader=ending.grader, **limits)
        right, wrong = "def svar():\n    return 1\n", "def svar():\n    return 0\n"
    file = submitted_file(ending)
    extra = {f"solution/{file}": submitted(ending, right)}
    for mistake in ("tyst", "noll"):
        extra[f"wrong/{mistake}/{file}"] = submitted(ending, wrong)
        extra[f"wrong/{mistake}/expect.toml"] = 'mistake = "Wrong."\nfails = ["ett"]\n'
    return load_challenge(make_challenge(body, grader=ending.grader, files=f'["{file}"]',
                                         extra=extra))


def submitted_file(ending: Ending) -> str:
    return "main.ipynb" if ending.grader == "notebook" else "main.py"


def submitted(ending: Ending, code: str) -> str:
    """What the candidate hands in: ``code``, or a notebook holding it."""
    return notebook(code) if ending.grader == "notebook" else code


@pytest.mark.parametrize("ending", ENDINGS, ids=[e.name for e in ENDINGS])
def test_every_ending_is_a_failed_test_in_plain_words(ending, runner, make_challenge):
    challenge = challenge_for(make_challenge, ending)
    source = {submitted_file(ending): submitted(ending, ending.source)}
    for locale, words in (("sv", ending.sv), ("en", ending.en)):
        result = grade_submission(challenge, source, runner=runner, locale=locale)
        assert result.gradable and not result.our_error, result
        [test] = result.tests
        assert not test.passed
        assert words in test.message, test.message
        assert "Traceback" not in test.message and "File \"" not in test.message
        assert test.problem == ending.problem


BURN = """
    [function]
    module = "main"
    call_timeout = 5

    [limits]
    cpu_seconds = 1.5
    wall_seconds = 40
""" + "".join(f"""
    [[tests]]
    name = "{n}"
    call = "svar"
    expect = 1
""" for n in ("ett", "två", "tre", "fyra"))


def test_the_cpu_time_of_every_test_process_counts_for_the_run(runner, make_challenge):
    """Each test's process ends after 0.6 s of CPU, within its own limits; together they go
    past the run's 1.5 s, so the run is stopped: the ended processes' time was counted."""
    burn = ("import time\ndef svar():\n    start = time.process_time()\n"
            "    while time.process_time() - start < 0.6:\n        pass\n    return 1\n")
    extra = {"solution/main.py": "def svar():\n    return 1\n", **wrongs_for("main.py", ["ett"])}
    challenge = load_challenge(make_challenge(BURN, grader="function", extra=extra))
    result = grade_submission(challenge, burn, runner=runner)
    assert result.tests[0].passed
    assert "körningen tog för lång tid" in result.tests[-1].message


def notebook(code: str) -> str:
    """A notebook whose one answer cell (tagged "svar") holds ``code``."""
    import nbformat

    cell = nbformat.v4.new_code_cell(code, metadata={"tags": ["svar"]})
    return nbformat.writes(nbformat.v4.new_notebook(cells=[cell]))


#: the other sandboxed graders: challenge, submission, words in the first failed test
OTHER_GRADERS = [
    ("n-radprotokoll-server", 'import sys\nsys.exit(2)\n',
     "Din server startade inte. Programmet avslutades med felkod 2."),
    ("n-radprotokoll-server", 'raise ValueError("trasig")\n',
     "Din server startade inte. Programmet kraschade: ValueError: trasig"),
    ("n-tidsklient", "import os\nos.kill(os.getpid(), 9)\n", "stoppades av signalen SIGKILL"),
    ("n-tidsklient", 'import sys\nfor _ in range(100):\n    sys.stdout.write("x" * 10**6)\n',
     "skrev för mycket"),
    ("p2-notebook-temperatur", notebook("import os\nos.kill(os.getpid(), 9)\n"
                                        "def medel(t): pass\ndef varmaste_dag(t): pass\n"
                                        "def over_grans(t, g): pass"),
     "Testet kördes inte klart: programmet stoppades av signalen SIGKILL."),
    ("d-bestallningar-join", "SELECT zeroblob(900000000) AS id, 1 AS datum, 1 AS namn",
     "Testet kördes inte klart: programmet använde för mycket minne."),
]


@pytest.mark.parametrize(("slug", "source", "words"), OTHER_GRADERS,
                         ids=[f"{slug}-{n}" for n, (slug, _, _) in enumerate(OTHER_GRADERS)])
def test_every_ending_is_a_verdict_in_the_other_sandboxed_graders(slug, source, words, runner,
                                                                   bank_challenge):
    result = grade_submission(bank_challenge(slug), source, runner=runner)
    assert result.gradable and not result.our_error, result
    failed = [t for t in result.tests if not t.passed]
    assert failed and words in failed[0].message, failed[0].message


@pytest.mark.parametrize(("html", "words"), [
    ("<!DOCTYPE html><html lang=sv><body>" + "<div>" * 101,
     "för djupt i varandra (103 nivåer; högst 100)"),
    ("<!DOCTYPE html><html lang=sv><body>" + "<p>x</p>" * 5001, "för många element (5003;"),
    ("<!DOCTYPE html><html lang=sv><body>" + "".join(f"<b a{i}>" for i in range(101)),
     "för djupt"),
])
def test_a_page_too_large_to_parse_in_time_is_refused_before_parsing(html, words,
                                                                      bank_challenge):
    result = grade_submission(bank_challenge("w1-tabell"), {"index.html": html})
    assert not result.gradable and not result.our_error
    assert words in result.message


def test_a_page_with_many_unclosed_list_items_is_not_too_deep():
    from assessor.domain.grading.web_page import page_shape

    assert page_shape("<ul>" + "<li>x" * 300 + "</ul><p>a<p>b") == (303, 2)
