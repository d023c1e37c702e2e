"""The coach's words: outcomes of follow-ups and the integrity signals, explained."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from web.challenges.words import task_title

FOLLOW_UP_OUTCOMES = {
    "confirmed": _l("Confirmed"),
    "partly": _l("Partly confirmed"),
    "not_confirmed": _l("Not confirmed"),
}
#: each kind of ``assessor.domain.integrity`` signal, its facts filled in
SIGNAL_TEXTS = {
    "claim_gap": _l("Says more about their programming in the questionnaire than the "
                    "knowledge questions showed (%(correct)s of %(total)s right)."),
    "person_fit": _l("An unusual pattern: harder tasks solved after easier ones failed."),
    "similar_to_other": _l("Resembles the solution of %(other)s (%(percent)s %% of the code's "
                           "fragments are also there). Not a score: ask how the person solved "
                           "the task."),
    "similar_to_reference": _l("Resembles the model solution (%(percent)s %% of the code's "
                               "fragments are also there). Not a score: ask how the person "
                               "solved the task."),
    "unchanged_starter": _l("The code is almost the same as the starting code."),
}
PERSON_FIT_DETAILS = {
    "unexpected_successes": _l("Went better than expected: %(tasks)s."),
    "unexpected_failures": _l("Went worse than expected: %(tasks)s."),
}


def follow_up_outcome_name(outcome: str) -> str:
    """The translated outcome of a follow-up."""
    return str(FOLLOW_UP_OUTCOMES.get(outcome, outcome))


def signal_text(kind: str, facts: dict) -> str:
    """A signal explained in plain words; tasks are named by their titles, not their ids."""
    template = SIGNAL_TEXTS.get(kind)
    if template is None:
        return kind
    wanted = {k: v for k, v in facts.items() if isinstance(v, str | int | float)}
    try:
        text = str(template) % wanted
    except (KeyError, TypeError):
        text = str(template)
    if kind == "person_fit":
        text = " ".join([text, *_person_fit_details(facts)])
    return text


def _person_fit_details(facts: dict) -> list[str]:
    """One sentence per kind of surprise, naming the tasks."""
    sentences = []
    for key, template in PERSON_FIT_DETAILS.items():
        ids = facts.get(key)
        if isinstance(ids, list | tuple) and ids:
            titles = ", ".join(task_title(str(challenge_id)) for challenge_id in ids)
            sentences.append(str(template) % {"tasks": titles})
    return sentences
