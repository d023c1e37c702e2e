"""The notebook grader: a Jupyter notebook's answer cells become a module for the function grader.

The notebook is read and validated with ``nbformat`` on the host; outputs are dropped; the
code cells tagged ``tag`` (all code cells when ``tag = ""``) are joined into ``<module>.py``.
IPython magics and shell lines (``%``, ``!``) are commented out. Nothing runs on the host.
"""

from __future__ import annotations

import json
from typing import ClassVar

import nbformat

from assessor.domain.challenges.fields import Fields
from assessor.domain.grading.base import Context, NotGradable
from assessor.domain.grading.function_grader import FunctionGrader

MAX_NOTEBOOK_BYTES = 2 * 1024 * 1024
DEFAULT_TAG = "svar"


class NotebookError(ValueError):
    """Why a text is not a usable notebook: ``code`` is ``nb_not_json`` (with ``line``),
    ``nb_not_notebook`` or ``nb_invalid``; callers word it in the reader's language."""

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def parse_notebook(text: str) -> nbformat.NotebookNode:
    """The notebook in ``text``, read as version 4 and validated, or :class:`NotebookError`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise NotebookError("nb_not_json", line=str(error.lineno)) from None
    except RecursionError:  # e.g. 200,000 "[": nested deeper than any notebook
        raise NotebookError("nb_invalid") from None
    if not isinstance(data, dict) or "cells" not in data or "nbformat" not in data:
        raise NotebookError("nb_not_notebook")
    try:
        notebook = nbformat.reads(text, as_version=4)
        nbformat.validate(notebook)
    except Exception:  # nbformat raises many kinds: schema, version, conversion
        raise NotebookError("nb_invalid") from None
    return notebook


def notebook_code(ctx: Context, name: str, tag: str) -> str:
    """The answer cells of notebook ``name`` as one Python module."""
    content = ctx.files.get(name)
    if content is None:
        raise NotGradable(ctx.msg("missing_file", name=name))
    if len(content) > MAX_NOTEBOOK_BYTES:
        raise NotGradable(ctx.msg("nb_too_large", size=len(content) // 1024,
                                  max_kb=MAX_NOTEBOOK_BYTES // 1024))
    try:
        notebook = parse_notebook(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise NotGradable(ctx.msg("not_utf8", name=name)) from None
    except NotebookError as problem:
        raise NotGradable(ctx.msg(problem.code, name=name, **problem.params)) from None
    cells = [c for c in notebook.cells if c.cell_type == "code"
             and (not tag or tag in c.get("metadata", {}).get("tags", []))]
    if not cells:
        raise NotGradable(ctx.msg("nb_no_code", tag=ctx.msg("nb_tag", tag=tag) if tag else ""))
    return "\n\n".join(_without_magics(cell.source) for cell in cells) + "\n"


def _without_magics(source: str) -> str:
    return "\n".join(f"# {line}" if line.lstrip().startswith(("%", "!")) else line
                     for line in source.splitlines())


class NotebookGrader(FunctionGrader):
    """The function grader, fed from a notebook instead of a ``.py`` file."""

    kind: ClassVar[str] = "notebook"

    def module_source(self, ctx: Context) -> tuple[str, str]:
        options = ctx.variant.options
        name = ctx.variant.challenge.files[0]
        return options["module"], notebook_code(ctx, name, options.get("tag", DEFAULT_TAG))

    def check_options(self, options: Fields) -> None:
        super().check_options(options)
        options.get("tag", str, example=f'tag = "{DEFAULT_TAG}"')
