"""The function driver's observations (reads counted, lists compared, records, recursion,
forbidden calls) cannot be patched, rewritten or forged from the candidate's code."""

from __future__ import annotations

import pytest

from tests.challenges.tamper.attacks import FIND_ROOT, grade


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
