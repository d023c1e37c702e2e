"""Rules about names (forbid call:NAME, require recursion:F) are judged on the source, on the host.

A forbidden call hidden behind another name is still found; code that looks names up in ways
that cannot be checked fails the rule with a plain message; honest code is left alone.
"""

from __future__ import annotations

import ast

import pytest

from assessor.domain.grading.base import Context
from assessor.domain.grading.function_grader import Code, judge_static

RANGORDNA = ("def rangordna(resultat):\n"
             "    return [n for n, _ in sorted(resultat, key=lambda p: (-p[1], p[0]))]\n")


def verdict(bank_challenge, source: str, test_name: str = "egen sortering",
            slug: str = "p2-sortering", recursed: frozenset = frozenset()):
    variant = bank_challenge(slug).variant(0)
    test = next(t for t in variant.tests if t.name == test_name)
    ctx = Context(variant, variant.tests, {}, None)
    return judge_static(ctx, test, Code(source, ast.parse(source), set(recursed)))


@pytest.mark.parametrize("source", [
    "_ordna = sorted\ndef sortera(tal):\n    return _ordna(tal)\n",
    "def sortera(tal, ordna=sorted):\n    return ordna(tal)\n",
    "def hjalp(tal):\n    return sorted(tal)\ndef sortera(tal):\n    return hjalp(tal)\n",
    "class K:\n    pass\nK.s = staticmethod(sorted)\ndef sortera(tal):\n    return K.s(tal)\n",
    "def gor():\n    global _o\n    _o = sorted\ngor()\ndef sortera(tal):\n    return _o(tal)\n",
    "f = list.sort\ndef sortera(tal):\n    t = list(tal)\n    f(t)\n    return t\n",
    "def sortera(tal):\n    t = list(tal)\n    getattr(t, 'sort')()\n    return t\n",
    "for _o in [sorted]:\n    pass\ndef sortera(tal):\n    return _o(tal)\n",
], ids=["alias", "default", "helper", "class-attribute", "global", "method-alias",
        "literal-getattr", "loop-variable"])
def test_a_forbidden_call_behind_another_name_is_found(bank_challenge, source):
    outcome = verdict(bank_challenge, source + RANGORDNA)
    assert not outcome.passed
    assert outcome.message in ("Lösningen får inte använda sorted() här.",
                               "Lösningen får inte använda sort() här.")


@pytest.mark.parametrize(("source", "what"), [
    ("def sortera(tal):\n    return getattr(__builtins__, 'sor' + 'ted')(tal)\n",
     "getattr med ett uträknat namn"),
    ("def sortera(tal):\n    return eval('sor' + 'ted')(tal)\n", "eval"),
    ("import builtins\ndef sortera(tal):\n    return builtins.sorted(tal)\n", "import builtins"),
    ("import importlib\ndef sortera(tal):\n    return importlib.import_module('builtins')"
     ".sorted(tal)\n", "import importlib"),
    ("def sortera(tal):\n    return __builtins__['sorted'](tal)\n", "__builtins__"),
    ("def sortera(tal):\n    return globals()['__builtins__']['sorted'](tal)\n", "globals"),
    ("def sortera(tal):\n    return vars(list)['sort']\n", "vars"),
    ("import sys\ndef sortera(tal):\n    return sys.modules['builtins'].sorted(tal)\n", "modules"),
    ("def sortera(tal):\n    return ().__class__.__base__.__subclasses__()\n",
     "__subclasses__"),
    ("import operator\ndef sortera(tal):\n    n = 'so' + 'rt'\n"
     "    operator.methodcaller(n)(tal)\n    return tal\n", "methodcaller med ett uträknat namn"),
    ("def sortera(tal):\n    return list(map(getattr, [tal], ['copy']))\n",
     "getattr med ett uträknat namn"),
    ("__name__ = '__main__'\ndef sortera(tal):\n    return tal\n", "__name__"),
    ("import sortering as jag\njag._o = sorted\ndef sortera(tal):\n    return _o(tal)\n",
     "namnet _o, som koden aldrig skapar"),
], ids=["getattr", "eval", "builtins", "importlib", "__builtins__", "globals", "vars",
        "sys.modules", "subclasses", "methodcaller", "getattr-as-value", "fake-main",
        "injected-name"])
def test_looking_names_up_in_hidden_ways_cannot_be_checked(bank_challenge, source, what):
    outcome = verdict(bank_challenge, source + RANGORDNA)
    assert not outcome.passed
    assert outcome.message == ("Koden hämtar namn på ett sätt som inte går att kontrollera: "
                               f"{what}.")


@pytest.mark.parametrize("source", [
    # insertion sort; rangordna may use sorted, a demo block may too
    "def sortera(tal):\n    r = list(tal)\n    for i in range(1, len(r)):\n"
    "        j = i\n        while j and r[j - 1] > r[j]:\n"
    "            r[j - 1], r[j] = r[j], r[j - 1]\n            j -= 1\n    return r\n"
    "if __name__ == '__main__':\n    print(sorted([3, 1]), sortera([3, 1]))\n",
    # everyday dunders, literal getattr, a local named like a reflective attribute
    "class Lista:\n    def __init__(self, t):\n        super().__init__()\n        self.t = t\n"
    "    def __repr__(self):\n        return type(self).__name__\n"
    "def sortera(tal):\n    modules = getattr(Lista(tal), 't')\n    r = []\n"
    "    for x in modules:\n        i = 0\n        while i < len(r) and r[i] < x:\n"
    "            i += 1\n        r.insert(i, x)\n    return r\n",
], ids=["insertion-sort", "dunders-and-literal-getattr"])
def test_honest_code_passes_the_rule(bank_challenge, source):
    assert verdict(bank_challenge, source + RANGORDNA).passed


RECURSIVE = ("def platta_ut(lista):\n    ut = []\n    for x in lista:\n"
             "        ut.extend(platta_ut(x) if isinstance(x, list) else [x])\n    return ut\n")


def test_recursion_needs_the_self_call_in_the_code_and_in_the_run(bank_challenge):
    name = "platta_ut är rekursiv"
    slug = "p2-rekursion"
    ran = frozenset({"platta_ut"})
    assert verdict(bank_challenge, RECURSIVE, name, slug, ran).passed
    assert verdict(bank_challenge, RECURSIVE, name, slug).message == (
        "platta_ut anropade aldrig sig själv när testerna kördes.")
    looping = "def platta_ut(lista):\n    return list(lista)\n"
    assert verdict(bank_challenge, looping, name, slug, ran).message == (
        "Lösningen ska använda rekursion i platta_ut.")


def test_recursion_is_not_trusted_in_code_that_reaches_the_drivers_wiring(bank_challenge):
    source = RECURSIVE + "x = platta_ut.__closure__\n"
    outcome = verdict(bank_challenge, source, "platta_ut är rekursiv", "p2-rekursion",
                      frozenset({"platta_ut"}))
    assert outcome.message == ("Koden hämtar namn på ett sätt som inte går att kontrollera: "
                               "__closure__.")
