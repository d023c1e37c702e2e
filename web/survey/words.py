"""The words of the indicator survey: its statements, the scale, and its rows in the funder
report. The statements stand in for the samordningsförbund's NNS participant questions: a
programme that uses NNS puts NNS's own wording here, word for word
(``domain.funder.indicators``)."""

from flask_babel import lazy_gettext as _l

ITEM_TEXTS = {
    "know_next_step": _l("I know what I want to do next."),
    "believe_work_or_studies": _l("I believe I can get a job or study."),
    "got_support": _l("I get the support I need here."),
    "treated_with_respect": _l("I am treated with respect here."),
}
SCALE_NAMES = {
    1: _l("1 – not true at all"),
    2: _l("2"),
    3: _l("3"),
    4: _l("4"),
    5: _l("5 – completely true"),
}
POINT_NAMES = {
    "start": _l("At the start"),
    "exit": _l("At the end"),
}
ROW_NAMES = {
    "positive": _l("Answered positively"),
    "not_positive": _l("Did not answer positively"),
    "total": _l("Answered at the end"),
}
ERRORS = {
    "incomplete": _l("Answer every statement. Nothing was saved."),
    "scale": _l("Choose a number from 1 to 5 for each statement. Nothing was saved."),
    "point": _l("That survey does not exist. Nothing was saved."),
    "closed": _l("This survey is not open to you now, or you have already answered it. "
                 "Nothing was saved."),
}


def error_text(code: str) -> str:
    """Why answers were not kept, in words."""
    return str(ERRORS.get(code, ERRORS["point"]))
