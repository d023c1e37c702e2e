"""Integrity signals: facts for a conversation, never verdicts."""

from __future__ import annotations

from assessor.integrity.signals import claim_gap_signal, code_signals
from assessor.integrity.similarity import similarity
from assessor.screening import load_questionnaire, screen

SOLUTION = '''def mean(numbers):
    total = 0
    for n in numbers:
        total += n
    return total / len(numbers)


def largest(values):
    best = values[0]
    for v in values:
        if v > best:
            best = v
    return best
'''
RENAMED = (SOLUTION.replace("numbers", "xs").replace("total", "s").replace("best", "m")
           .replace("values", "ys"))
DIFFERENT = '''import statistics


def mean(items):
    return statistics.fmean(items)


def largest(items):
    return sorted(items)[-1]
'''
STARTER = '''def mean(numbers):
    # skriv din kod här
    pass


def largest(values):
    # skriv din kod här
    pass
'''


def test_renaming_variables_does_not_hide_copied_code():
    assert similarity(SOLUTION, RENAMED).highest >= 0.9


def test_an_independent_solution_is_not_similar():
    assert similarity(SOLUTION, DIFFERENT).highest < 0.3


def test_code_shared_with_the_starter_is_not_counted():
    assert similarity(STARTER, STARTER, starter=STARTER).highest == 0.0


def test_a_copy_of_someone_elses_code_is_a_signal_naming_them_by_code_name():
    signals = code_signals(RENAMED, "main.py", starter=STARTER,
                           others={"K-AAAA-BBBB": SOLUTION, "K-CCCC-DDDD": DIFFERENT})
    assert [(s.kind, s.facts["other"]) for s in signals] == [("similar_to_other", "K-AAAA-BBBB")]


def test_the_reference_solution_and_an_unchanged_starter_are_signals():
    assert [s.kind for s in code_signals(SOLUTION, "main.py", reference=SOLUTION)] == [
        "similar_to_reference"]
    assert [s.kind for s in code_signals(STARTER, "main.py", starter=STARTER)] == [
        "unchanged_starter"]


def test_an_honest_own_solution_gives_no_signal():
    assert code_signals(DIFFERENT, "main.py", starter=STARTER, reference=SOLUTION,
                        others={"K-AAAA-BBBB": RENAMED}) == []


def test_big_claims_with_little_shown_is_a_claim_gap_signal():
    questionnaire = load_questionnaire()
    claims = {"sr_frequency": "daily", "sr_self_rating": "expert"}
    wrong = {item.id: "fel" if item.kind == "text" else
             next(o.id for o in item.options if o.id not in item.correct)
             for item in questionnaire.part("knowledge")}
    signal = claim_gap_signal(screen(questionnaire, claims | wrong
                                     | {"sr_interests": ["gaming"]}))
    assert signal is not None and signal.kind == "claim_gap"
    honest = screen(questionnaire, {"sr_frequency": "never"} | wrong)
    assert claim_gap_signal(honest) is None
