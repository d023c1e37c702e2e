"""The graders by kind, as named in ``challenge.toml`` (``grader = "io"``)."""

from __future__ import annotations

from assessor.grading.base import Grader
from assessor.grading.choice_grader import ChoiceGrader
from assessor.grading.function_grader import FunctionGrader
from assessor.grading.io_grader import IoGrader
from assessor.grading.network_grader import NetworkGrader
from assessor.grading.notebook_grader import NotebookGrader
from assessor.grading.sql_grader import SqlGrader
from assessor.grading.web_grader import WebGrader

GRADERS: dict[str, type[Grader]] = {
    grader.kind: grader
    for grader in (IoGrader, FunctionGrader, SqlGrader, WebGrader, NetworkGrader,
                   NotebookGrader, ChoiceGrader)
}


def get_grader(kind: str) -> Grader:
    """A grader instance for ``kind``; raises KeyError for an unknown kind."""
    return GRADERS[kind]()
