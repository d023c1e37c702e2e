"""Reading an uploaded file into the challenge's expected file, or saying clearly why not."""

from __future__ import annotations

from pathlib import PurePosixPath

from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import FileStorage

from assessor.domain.grading.notebook_grader import NotebookError, parse_notebook

ALLOWED_SUFFIXES = (".py", ".sql", ".html", ".css", ".ipynb")
MAX_UPLOAD_BYTES = 256 * 1024

MESSAGES = {
    "no_file": _l("Choose a file first."),
    "wrong_type": _l("This task takes these files: %(files)s. The file you chose is another "
                     "kind. Nothing was saved."),
    "too_large": _l("The file is larger than 256 kB. Nothing was saved. Try a smaller file."),
    "not_utf8": _l("The file could not be read as text. Save it as UTF-8 and try again. "
                   "Nothing was saved."),
    "nb_not_json": _l("The file is not a notebook: it is not valid JSON (error on line "
                      "%(line)s). Open it in Jupyter, save it again and upload it once more. "
                      "Nothing was saved."),
    "nb_not_notebook": _l("The file is JSON but not a Jupyter notebook. Upload the .ipynb file "
                          "you saved in Jupyter. Nothing was saved."),
    "nb_invalid": _l("The notebook is damaged or in a format that is too old. Open it in "
                     "Jupyter, save it again and upload it once more. Nothing was saved."),
    "empty": _l("There is no code yet. Write or upload your answer first. Nothing was sent."),
    "no_notebook": _l("Upload your notebook first: open the starting notebook in Jupyter, write "
                      "your answer, save it and choose the file under “Upload your notebook”. "
                      "Nothing was sent."),
    "too_many_files": _l("Too many files. Nothing was saved."),
    "input_too_long": _l("Your input is too long to run (at most 16 000 characters). Nothing "
                         "was run."),
    "no_own_input": _l("This task's program reads no input of yours."),
    "bad_name": _l("A file name was not accepted. Nothing was saved."),
    "not_text": _l("A file was not text. Nothing was saved."),
    "bad_token": _l("The page sent something we could not read. Reload the page and try again. "
                    "Nothing was saved."),
}


class UploadError(ValueError):
    """An upload that cannot be used; ``message`` is ready to show."""

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    @property
    def message(self) -> str:
        """The translated explanation."""
        return str(MESSAGES[self.code]) % self.params if self.params else str(MESSAGES[self.code])


def read_upload(storage: FileStorage | None, expected: tuple[str, ...]) -> dict[str, str]:
    """``{expected file name: text}`` from an uploaded file, checked for type, size, encoding
    and (for notebooks) format."""
    if storage is None or not storage.filename:
        raise UploadError("no_file")
    suffix = PurePosixPath(storage.filename.replace("\\", "/")).suffix.lower()
    target = next((name for name in expected if name.lower().endswith(suffix)), None)
    if suffix not in ALLOWED_SUFFIXES or target is None:
        raise UploadError("wrong_type", files=", ".join(expected))
    data = storage.stream.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError("too_large")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UploadError("not_utf8") from None
    if "\x00" in text:  # no source file holds one, and stored text must not (PostgreSQL)
        raise UploadError("not_text")
    if suffix == ".ipynb":
        _check_notebook(text)
    return {target: text}


def _check_notebook(text: str) -> None:
    try:
        parse_notebook(text)
    except NotebookError as problem:
        raise UploadError(problem.code, **problem.params) from None
