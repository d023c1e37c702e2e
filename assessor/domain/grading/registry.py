"""The graders by kind, as named in ``challenge.toml`` (``grader = "io"``)."""

from __future__ import annotations

from assessor.domain.challenges.model import Variant
from assessor.domain.grading.base import Grader
from assessor.domain.grading.choice_grader import ChoiceGrader
from assessor.domain.grading.forms import label_of
from assessor.domain.grading.function_grader import FunctionGrader
from assessor.domain.grading.io_grader import IoGrader
from assessor.domain.grading.network_grader import NetworkGrader
from assessor.domain.grading.notebook_grader import NotebookGrader
from assessor.domain.grading.sql_grader import SqlGrader
from assessor.domain.grading.web_grader import WebGrader
from assessor.domain.vocabulary import GRADER_KINDS

GRADERS: dict[str, type[Grader]] = {
    grader.kind: grader
    for grader in (IoGrader, FunctionGrader, SqlGrader, WebGrader, NetworkGrader,
                   NotebookGrader, ChoiceGrader)
}
if tuple(GRADERS) != GRADER_KINDS:  # the format names kinds that have no grader, or the reverse
    raise RuntimeError(f"graders {tuple(GRADERS)} differ from GRADER_KINDS {GRADER_KINDS}")


def get_grader(kind: str) -> Grader:
    """A grader instance for ``kind``; raises KeyError for an unknown kind."""
    return GRADERS[kind]()


def field_labels(variant: Variant, locale: str) -> dict[str, str]:
    """Test name -> the label of its form field, for a challenge answered in a form (else
    empty). The page shows these labels beside the fields, so a result may name them."""
    if not get_grader(variant.challenge.grader).answered_in_form(variant.options):
        return {}
    return {test.name: label_of(test, locale) for test in variant.tests if test.get("field")}
