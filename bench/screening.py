"""The screening rule on a simulated panel: unclear and wrong shares, old rule, new rule and the
best rule possible on the same answers, plus the questionnaire's time estimate.

The panel and its assumptions are in ``domain.screening.simulation``. Shares are of the whole
panel (0.132 = 13.2 %). Issue 11's goal: at most 0.03 wrong and at most 0.20 unclear.
Run: ``.venv/bin/python bench/screening.py``.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.remove(str(Path(__file__).resolve().parent))  # bench/ must not shadow packages
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assessor.domain.screening import load_questionnaire
from assessor.domain.screening.questionnaire import Cutoffs
from assessor.domain.screening.simulation import (
    PanelModel,
    Rates,
    old_rule,
    optimal_rates,
    rule_rates,
    simulate_panel,
)

SIZE = 20_000
SEED = 11
#: other panels than the calibrated one: how far the shipped cut-offs carry
VARIANTS = {
    "30 % programmers": PanelModel(programmer_share=0.3),
    "70 % programmers": PanelModel(programmer_share=0.7),
    "superusers differ more (spread 1.0)": PanelModel(spread={"programmer": 1.0,
                                                              "superuser": 1.0}),
    "programmers differ more (spread 1.5)": PanelModel(spread={"programmer": 1.5,
                                                               "superuser": 0.5}),
}


def line(name: str, rates: Rates) -> str:
    """One row: the two shares the goal is about, then how right each call is."""
    return (f"{name:<52} unclear = {rates.unclear:.3f} wrong = {rates.wrong:.3f} "
            f"programmer calls right = {rates.programmers_right:.3f} "
            f"superuser calls right = {rates.superusers_right:.3f}")


def main() -> None:
    questionnaire = load_questionnaire()
    old = old_rule(questionnaire)
    cutoffs = questionnaire.cutoffs
    total = len(questionnaire.part("knowledge"))
    print("time estimate per item (seconds, Swedish text):")
    for item in questionnaire.items:
        print(f"  {item.id:<22} {item.part:<12} {item.estimated_seconds():5.0f}")
    print(f"questionnaire: {questionnaire.estimated_minutes():.1f} min "
          f"(version 2026.1: {old.estimated_minutes():.1f} min); at most 15")
    panel = simulate_panel(questionnaire, SIZE, SEED)
    shipped = rule_rates(questionnaire, panel)
    print(f"\npanel: {SIZE} people, seed {SEED}, half programmers, self-report at random")
    print(line("old rule (8 items; 6 right or more / 2 or fewer)", rule_rates(old, panel)))
    print(line("best rule on the 8 items, at 0.014 wrong", optimal_rates(old, panel, 0.014)))
    old_shares = dataclasses.replace(questionnaire, cutoffs=Cutoffs(7, 3))
    print(line(f"old shares on the {total} items (7 or more / 3 or fewer)",
               rule_rates(old_shares, panel)))
    print(line(f"new rule ({total} items; {cutoffs.programmer_at_least} or more / "
               f"{cutoffs.superuser_at_most} or fewer)", shipped))
    print(line(f"best rule on the {total} items, as many wrong",
               optimal_rates(questionnaire, panel, shipped.wrong)))
    print(line(f"best rule on the {total} items, at 0.03 wrong",
               optimal_rates(questionnaire, panel, 0.03)))
    print("\nother panels (new rule, then the best rule at 0.03 wrong):")
    for name, model in VARIANTS.items():
        variant = simulate_panel(questionnaire, SIZE // 2, SEED, model)
        print(line(f"  {name}", rule_rates(questionnaire, variant)))
        print(line("    best", optimal_rates(questionnaire, variant, 0.03, model)))
    print(f"\nunclear = {shipped.unclear:.3f} wrong = {shipped.wrong:.3f}")


if __name__ == "__main__":
    main()
