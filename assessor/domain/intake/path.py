""""Din väg": the four steps every person goes through, and where a person is on them.

The step is derived from what is already recorded (consents, the questionnaire, hand-ins and
levels, the working profile, proposals); nothing about the path is stored. Each step is
"done", "now" (the first step not done), "started" (begun out of order) or "later".
"""

from __future__ import annotations

from dataclasses import dataclass

#: find -> verify -> understand the person -> match and follow (the programmes' own process)
STEPS: tuple[str, ...] = ("find", "verify", "understand", "match")


@dataclass(frozen=True)
class PathFacts:
    """What the path is derived from (gathered by ``assessor.services.intake.path``)."""

    tests_consent: bool = False
    questionnaire: str = "none"  #: "none", "open" or "finished"
    hand_ins: int = 0  #: graded hand-ins
    levels: int = 0  #: areas with a level
    supervised: int = 0  #: areas confirmed at a supervised session or follow-up
    profile_sections: int = 0  #: sections of "så här fungerar jag" written
    proposals: int = 0  #: openings proposed to the person
    agreed: int = 0  #: proposals the person said yes to


@dataclass(frozen=True)
class StepState:
    """One step for one person: its code, state and what is known about it (``detail``)."""

    step: str
    state: str  #: "done", "now", "started" or "later"
    detail: str  #: a code the web layer turns into words


def _find(facts: PathFacts) -> tuple[bool, bool, str]:
    if not facts.tests_consent:
        return False, False, "no_consent"
    if facts.questionnaire == "finished":
        return True, True, "questionnaire_done"
    return False, facts.questionnaire == "open", f"questionnaire_{facts.questionnaire}"


def _verify(facts: PathFacts) -> tuple[bool, bool, str]:
    if facts.supervised:
        return True, True, "supervised"
    if facts.levels:
        return False, True, "levels_unsupervised"
    return False, bool(facts.hand_ins), "hand_ins" if facts.hand_ins else "no_hand_ins"


def _understand(facts: PathFacts) -> tuple[bool, bool, str]:
    written = facts.profile_sections
    return written >= 3, written > 0, "profile_written" if written else "profile_empty"


def _match(facts: PathFacts) -> tuple[bool, bool, str]:
    if facts.agreed:
        return False, True, "agreed"
    return False, bool(facts.proposals), "proposed" if facts.proposals else "no_proposals"


RULES = {"find": _find, "verify": _verify, "understand": _understand, "match": _match}


def path_of(facts: PathFacts) -> tuple[StepState, ...]:
    """The four steps for a person with ``facts``: the first step not done is "now"."""
    states, now_given = [], False
    for step in STEPS:
        done, started, detail = RULES[step](facts)
        if done:
            state = "done"
        elif not now_given:
            state, now_given = "now", True
        else:
            state = "started" if started else "later"
        states.append(StepState(step, state, detail))
    return tuple(states)


def current_step(facts: PathFacts) -> str:
    """The step the person is on ("match" once every earlier step is done: following lasts)."""
    return next((s.step for s in path_of(facts) if s.state == "now"), STEPS[-1])
