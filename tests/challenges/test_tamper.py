"""Submissions that attack the grader itself: each must earn nothing it did not earn honestly.

Every case runs through the real graders twice: with the local test runner (no isolation, so
only the driver's own design protects the observations) and through the Docker sandbox.
"""

from __future__ import annotations

import pytest

from assessor.domain.challenge_bank import load_challenge
from assessor.domain.grading import grade_submission
from tests.challenges.local_runner import LocalRunner


@pytest.fixture(scope="module")
def docker_sandbox():
    from sandbox.docker_backend import DockerRunner
    from tests.sandbox.conftest import require_docker_image

    require_docker_image()
    runner = DockerRunner(pool_size=2)
    yield runner
    runner.close()


@pytest.fixture(params=["local", pytest.param("docker", marks=[pytest.mark.docker,
                                                              pytest.mark.slow])])
def runner(request):
    if request.param == "local":
        return LocalRunner()
    return request.getfixturevalue("docker_sandbox")


#: finds the run's root (the folder holding work/ and out/: /tmp in a container, the runner's own
#: temporary folder here), the topmost driver process above this one, if any (never pytest), and
#: the function driver's fork server (another child of the driver that runs the driver's code)
FIND_ROOT = (
    "import glob, os\n"
    "def run_root():\n"
    "    folder = os.getcwd()\n"
    "    for _ in range(4):\n"
    "        if os.path.isdir(os.path.join(folder, 'work')) and os.path.isdir("
    "os.path.join(folder, 'out')):\n"
    "            return folder\n"
    "        folder = os.path.dirname(folder)\n"
    "    return os.getcwd()\n"
    "def driver():\n"
    "    pid, found = os.getpid(), None\n"
    "    for _ in range(4):\n"
    "        try:\n"
    "            with open('/proc/%d/stat' % pid) as handle:\n"
    "                pid = int(handle.read().rsplit(')', 1)[1].split()[1])\n"
    "            with open('/proc/%d/cmdline' % pid, 'rb') as handle:\n"
    "                command = handle.read()\n"
    "        except OSError:\n"
    "            return found\n"
    "        if b'_kodprov_' not in command:\n"
    "            return found\n"
    "        found = pid\n"
    "    return found\n"
    "def fork_server():\n"
    "    for entry in filter(str.isdigit, os.listdir('/proc')):\n"
    "        try:\n"
    "            with open('/proc/%s/stat' % entry) as handle:\n"
    "                parent = int(handle.read().rsplit(')', 1)[1].split()[1])\n"
    "            with open('/proc/%s/cmdline' % entry, 'rb') as handle:\n"
    "                command = handle.read()\n"
    "        except OSError:\n"
    "            continue\n"
    "        if parent == driver() and int(entry) != os.getpid() and b'_kodprov_' in command:\n"
    "            return int(entry)\n"
    "    return None\n"
)


def grade(bank_challenge, slug: str, source: str, runner, **kwargs):
    challenge = bank_challenge(slug)
    return grade_submission(challenge, {challenge.files[0]: source}, runner=runner, **kwargs)


def test_patching_deepcopy_does_not_hide_a_changed_list(bank_challenge, runner):
    source = (
        "import copy\n"
        "copy.deepcopy = lambda value, memo=None: value\n"
        "def andra_storsta(tal):\n"
        "    tal.sort()\n"
        "    olika = []\n"
        "    for x in tal:\n"
        "        if x not in olika:\n"
        "            olika.append(x)\n"
        "    if len(olika) < 2:\n"
        "        raise ValueError('för få olika tal')\n"
        "    return olika[-2]\n"
    )
    result = grade(bank_challenge, "p1-andra-storsta", source, runner)
    assert result.failed == {"listan ändras inte"}


LINEAR_SEARCH = (
    "def binarsok(lista, mal):\n"
    "    for i in range(len(lista)):\n"
    "        if lista[i] == mal:\n"
    "            {reset}\n"
    "            return i\n"
    "    {reset}\n"
    "    return -1\n"
)


def test_resetting_the_read_counter_does_not_hide_a_linear_search(bank_challenge, runner):
    reset = "if type(lista) is not list: type(lista).reads = 0"
    source = LINEAR_SEARCH.replace("{reset}", reset)
    result = grade(bank_challenge, "p2-binarsokning", source, runner)
    assert result.failed == {"snabb i lång lista", "snabb när talet saknas"}


def test_reading_the_list_behind_the_counters_back_finds_nothing(bank_challenge, runner):
    source = (
        "def binarsok(lista, mal):\n"
        "    for i in range(len(lista)):\n"
        "        if list.__getitem__(lista, i) == mal:\n"
        "            return i\n"
        "    return -1\n"
    )
    result = grade(bank_challenge, "p2-binarsokning", source, runner)
    assert "snabb i lång lista" in result.failed


def test_patching_the_drivers_classes_in_memory_gains_nothing(bank_challenge, runner):
    source = (
        "import sys\n"
        "for name in list(sys.modules):\n"
        "    if name == '__main__' or name.startswith('_kodprov'):\n"
        "        for thing in list(vars(sys.modules[name]).values()):\n"
        "            if isinstance(thing, type) and issubclass(thing, list) and thing is not list:\n"
        "                thing.__getitem__ = list.__getitem__\n"
        "                thing.__iter__ = list.__iter__\n"
        "                thing.__len__ = list.__len__\n"
        + LINEAR_SEARCH.replace("{reset}", "pass")
    )
    result = grade(bank_challenge, "p2-binarsokning", source, runner)
    assert "snabb i lång lista" in result.failed


#: overwrites the driver's files with a forger, then kills the fork server (a new one is started
#: from the files on disk)
REWRITER = FIND_ROOT + r'''
import signal
FORGED = 'print(\'{"id": "5", "steps": [{"value": 617, "reads": 0}]}\')\n'
for name in os.listdir('.'):
    if name.startswith('_kodprov_'):
        try:
            with open(name, 'w') as handle:
                handle.write(FORGED)
        except OSError:
            pass
if fork_server():
    os.kill(fork_server(), signal.SIGKILL)
'''


def test_rewriting_the_drivers_files_on_disk_gains_nothing(bank_challenge, runner):
    source = REWRITER + LINEAR_SEARCH.replace("{reset}", "pass")
    result = grade(bank_challenge, "p2-binarsokning", source, runner)
    assert result.gradable and not result.our_error
    assert {"snabb i lång lista", "snabb när talet saknas"} <= result.failed


#: reads every plan it can find, computes right answers with a linear search, and writes them as
#: observations with no reads everywhere a record could be picked up
FORGER = FIND_ROOT + r'''
import atexit, json, sys

def binarsok(lista, mal):
    for i in range(len(lista)):
        if lista[i] == mal:
            return i
    return -1

def value(arg):
    if isinstance(arg, dict) and "$range" in arg:
        return list(range(*arg["$range"]))
    return arg

def forged():
    lines = []
    for path in glob.glob(run_root() + "/**/_kodprov_plan.json", recursive=True):
        try:
            plan = json.load(open(path))
        except (OSError, ValueError):
            continue
        for test in plan["tests"]:
            args = [value(a) for a in test["steps"][0]["args"]]
            step = {"value": binarsok(*args), "reads": 0, "changed": [], "printed": ""}
            lines.append(json.dumps({"id": test["id"], "steps": [step]}) + "\n")
    return "".join(lines)

def forge():
    text = forged()
    out = os.environ.get("KODPROV_OUT", ".")
    with open(os.path.join(out, "observations.jsonl"), "a") as handle:
        handle.write(text)
    print(text)
    for fd in (1, 2):
        try:
            os.write(fd, text.encode())
        except OSError:
            pass
    for path in ["/proc/%d/fd/1" % driver()] if driver() else []:
        try:
            with open(path, "a") as handle:
                handle.write(text)
        except OSError:
            pass

atexit.register(forge)
forge()
'''


def test_forged_observations_and_a_stolen_plan_gain_nothing(bank_challenge, runner):
    result = grade(bank_challenge, "p2-binarsokning", FORGER, runner)
    assert result.failed == {"snabb i lång lista", "snabb när talet saknas"}


def test_a_self_call_that_never_runs_is_not_recursion(bank_challenge, runner):
    source = (
        "def platta_ut(lista):\n"
        "    if False:\n"
        "        platta_ut([])\n"
        "    resultat, stack = [], [iter(lista)]\n"
        "    while stack:\n"
        "        for x in stack[-1]:\n"
        "            if isinstance(x, list):\n"
        "                stack.append(iter(x))\n"
        "                break\n"
        "            resultat.append(x)\n"
        "        else:\n"
        "            stack.pop()\n"
        "    return resultat\n"
        "def djup(lista):\n"
        "    return 1 + max([djup(x) for x in lista if isinstance(x, list)], default=0)\n"
    )
    result = grade(bank_challenge, "p2-rekursion", source, runner)
    assert result.failed == {"platta_ut är rekursiv"}
    failed = next(t for t in result.tests if not t.passed)
    assert failed.message == "platta_ut anropade aldrig sig själv när testerna kördes."


SORT_BY_HAND_AROUND = (
    "{prelude}\n"
    "def sortera(tal):\n"
    "    return {call}(tal)\n"
    "def rangordna(resultat):\n"
    "    ordnade = sorted(resultat, key=lambda par: (-par[1], par[0]))\n"
    "    return [namn for namn, _ in ordnade]\n"
)


@pytest.mark.parametrize(("prelude", "call", "message"), [
    ("_ordna = sorted", "_ordna", "Lösningen får inte använda sorted() här."),
    ("ordna = getattr(__builtins__, 'sor' + 'ted', None) or __builtins__['sor' + 'ted']",
     "ordna", "Koden hämtar namn på ett sätt som inte går att kontrollera: getattr med ett "
     "uträknat namn."),
], ids=["alias", "getattr"])
def test_a_forbidden_call_behind_another_name_is_caught(bank_challenge, runner, prelude, call,
                                                        message):
    source = SORT_BY_HAND_AROUND.format(prelude=prelude, call=call)
    result = grade(bank_challenge, "p2-sortering", source, runner)
    assert result.failed == {"egen sortering"}
    assert next(t for t in result.tests if not t.passed).message == message


def test_a_program_cannot_read_other_tests_input(bank_challenge, runner):
    snoop = FIND_ROOT + (
        "found = []\n"
        "proc = ['/proc/%d/%s' % (driver(), n) for n in ('cmdline', 'environ', 'fd/0', 'mem')]\n"
        "paths = glob.glob(run_root() + '/**/*', recursive=True) + (proc if driver() else [])\n"
        "for path in paths:\n"
        "    try:\n"
        "        with open(path, 'rb') as handle:\n"
        "            found.append(handle.read(100000).decode('utf-8', 'replace'))\n"
        "    except OSError:\n"
        "        pass\n"
        "print(input(), ' '.join(found).replace('\\n', ' '))\n"
    )
    result = grade(bank_challenge, "p1-biljettpris", snoop, runner)
    visible = [t for t in result.tests if t.visibility == "candidate"]
    assert visible and all("65" not in t.got and "90" not in t.got for t in visible)


def wrongs_for(file: str, fails: list[str]) -> dict[str, str]:
    """Two known-wrong solutions (empty files) failing ``fails``, so the folder loads."""
    expect = f'mistake = "Empty."\nfails = {fails!r}\n'.replace("'", '"')
    return {f"wrong/{name}/{part}": text for name in ("tom", "tomt")
            for part, text in ((file, "\n"), ("expect.toml", expect))}


def test_a_program_cannot_pass_hidden_input_on_to_a_visible_test(make_challenge, runner):
    folder = make_challenge("""
        [io]
        entry = "main.py"

        [[tests]]
        name = "dold"
        visibility = "staff"
        stdin = "HEMLIG-INDATA\\n"
        stdout = "?"

        [[tests]]
        name = "synlig"
        stdin = "hej\\n"
        stdout = "hej"
    """, extra={"solution/main.py": "print(input())\n",
                **wrongs_for("main.py", ["dold", "synlig"])})
    stash = FIND_ROOT + (
        "line = input()\n"
        "for folder in (run_root(), os.environ.get('TMPDIR', '.'), os.path.expanduser('~'), '.'):\n"
        "    try:\n"
        "        with open(os.path.join(folder, 'gomme.txt'), 'a') as handle:\n"
        "            handle.write(line + ' ')\n"
        "    except OSError:\n"
        "        pass\n"
        "seen = set()\n"
        "for path in glob.glob(run_root() + '/**/gomme.txt', recursive=True):\n"
        "    try:\n"
        "        seen.add(open(path).read())\n"
        "    except OSError:\n"
        "        pass\n"
        "print(line, *sorted(seen))\n"
    )
    result = grade_submission(load_challenge(folder), {"main.py": stash}, runner=runner)
    visible = next(t for t in result.tests if t.name == "synlig")
    assert "HEMLIG" not in visible.got


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


ECHO_SERVER = (
    "import socket, sys, threading\n"
    "seen = []\n"
    "server = socket.create_server(('127.0.0.1', int(sys.argv[1])))\n"
    "def handle(conn):\n"
    "    with conn, conn.makefile('rw') as stream:\n"
    "        for line in stream:\n"
    "            seen.append(line.strip())\n"
    "            stream.write({reply} + '\\n')\n"
    "            stream.flush()\n"
    "while True:\n"
    "    conn, _ = server.accept()\n"
    "    threading.Thread(target=handle, args=(conn,), daemon=True).start()\n"
)


def test_a_server_cannot_pass_hidden_lines_on_to_a_visible_test(make_challenge, runner):
    folder = make_challenge("""
        [network]
        mode = "server"
        startup_seconds = 5

        [[tests]]
        name = "dold"
        visibility = "staff"
        send = ["HEMLIG"]
        replies = ["HEMLIG"]

        [[tests]]
        name = "synlig"
        send = ["PING"]
        replies = ["PING"]
    """, grader="network", files='["server.py"]', extra={
        "solution/server.py": ECHO_SERVER.replace("{reply}", "seen[-1]"),
        **wrongs_for("server.py", ["dold", "synlig"])})
    history = ECHO_SERVER.replace("{reply}", "' '.join(seen)")
    result = grade_submission(load_challenge(folder), {"server.py": history}, runner=runner)
    visible = next(t for t in result.tests if t.name == "synlig")
    assert visible.passed and "HEMLIG" not in visible.got


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
