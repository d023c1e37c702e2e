"""Integrity signals: facts for a conversation, never verdicts."""

from __future__ import annotations

from assessor.domain.integrity.signals import claim_gap_signal, code_signals
from assessor.domain.integrity.similarity import similarity
from assessor.domain.screening import load_questionnaire, screen
from tests.app_settings import catalogue
from web.facilitator.words import signal_text

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


def spread(values):
    low, high = values[0], values[0]
    for v in values:
        if v < low:
            low = v
        elif v > high:
            high = v
    return high - low


def count_above(values, limit):
    count = 0
    for v in values:
        if v > limit:
            count = count + 1
    return count
'''
RENAMED = (SOLUTION.replace("numbers", "xs").replace("total", "s").replace("best", "m")
           .replace("values", "ys").replace("low", "a").replace("high", "b"))
DIFFERENT = '''import statistics


def mean(items):
    return statistics.fmean(items)


def largest(items):
    return sorted(items)[-1]


def spread(items):
    return max(items) - min(items)
'''
STARTER = '''def mean(numbers):
    # skriv din kod här
    pass


def largest(values):
    # skriv din kod här
    pass


def spread(values):
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


SHORT = "alder = int(input())\nprint(25 if alder < 18 else 40)\n"


def test_a_task_so_short_that_the_reference_is_the_natural_answer_gives_no_similarity_signal():
    own = "a = int(input())\nprint(25 if a < 18 else 40)\n"  # what anyone would write
    assert similarity(own, SHORT).highest >= 0.8  # alike, as honest answers to it are
    assert code_signals(own, "main.py", reference=SHORT, others={"K-AAAA-BBBB": SHORT}) == []


def test_the_bank_s_short_tasks_do_not_flag_their_own_reference():
    for slug in ("p1-biljettpris", "p1-summa-medel", "p1-vokaler", "d-produkter-urval"):
        challenge = catalogue.challenge(slug)
        variant = challenge.variant(0)
        reference = "\n".join(c.decode() for _, c in sorted(variant.solution.files.items()))
        starter = "\n".join(c.decode() for _, c in sorted(variant.starter.items()))
        assert code_signals(reference, challenge.files[0], starter=starter,
                            reference=reference) == [], slug


def test_a_longer_task_still_flags_a_copy_of_its_reference():
    challenge = catalogue.challenge("p1-tidrapport")
    variant = challenge.variant(0)
    reference = variant.solution.files["tidrapport.py"].decode()
    signals = code_signals(reference, "tidrapport.py",
                           starter=variant.starter["tidrapport.py"].decode(), reference=reference)
    assert [s.kind for s in signals] == ["similar_to_reference"]


def test_the_similarity_signal_cannot_be_read_as_a_score(app):
    with app.test_request_context("/"):
        said = signal_text("similar_to_reference", {"percent": 100})
    assert "stämmer" not in said and "facit" not in said
    assert said.startswith("Liknar lösningsförslaget") and "Inget betyg" in said
