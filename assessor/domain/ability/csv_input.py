"""Reading stored responses from CSV (``person,item,score,max_score``), with clear messages."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path

COLUMNS = ("person", "item", "score", "max_score")
MAX_BYTES = 50 * 1024 * 1024
#: the highest max_score accepted; challenges score 0–3, so a larger one is a mistake in the file
MAX_SCORE_LIMIT = 10


class ResponsesFileError(ValueError):
    """A responses file that cannot be used; the message is one line for the user."""


@dataclass(frozen=True)
class ResponseRow:
    """One stored response: ``score`` of ``max_score`` on an item (max_score 1 = right/wrong)."""

    person: str
    item: str
    score: int
    max_score: int


def read_responses(path: Path) -> list[ResponseRow]:
    """Every row of the file, checked: no more fields than the header, whole numbers,
    1 ≤ max_score ≤ MAX_SCORE_LIMIT, 0 ≤ score ≤ max_score, one answer per person and item, one
    max_score per item."""
    reader = csv.DictReader(io.StringIO(_text(path), newline=""))
    fields = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in COLUMNS if name not in fields]
    if missing:
        raise ResponsesFileError(f"{path}: missing column(s) {', '.join(missing)}; "
                                 f"the header must be {','.join(COLUMNS)}.")
    reader.fieldnames = fields
    try:
        rows = _rows(path, reader)
    except csv.Error as error:
        raise ResponsesFileError(f"{path} line {reader.line_num}: not CSV ({error}).") from None
    if not rows:
        raise ResponsesFileError(f"{path}: no responses, only the header.")
    return rows


def _text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ResponsesFileError(f"{path}: the file is larger than 50 MiB.")
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ResponsesFileError(f"{path}: no such file.") from None
    except IsADirectoryError:
        raise ResponsesFileError(f"{path}: is a folder, not a file.") from None
    except UnicodeDecodeError:
        raise ResponsesFileError(f"{path}: the file is not UTF-8 text; save it as UTF-8.") \
            from None
    if not text.strip():
        raise ResponsesFileError(f"{path}: the file is empty.")
    return text


def _rows(path: Path, reader: csv.DictReader) -> list[ResponseRow]:
    rows: list[ResponseRow] = []
    first_line: dict[tuple[str, str], int] = {}
    max_scores: dict[str, tuple[int, int]] = {}
    for record in reader:
        where = f"{path} line {reader.line_num}"
        row = _row(where, record)
        seen = first_line.setdefault((row.person, row.item), reader.line_num)
        if seen != reader.line_num:
            raise ResponsesFileError(f"{where}: person {row.person} answered item {row.item} "
                                     f"twice (also line {seen}).")
        top, line = max_scores.setdefault(row.item, (row.max_score, reader.line_num))
        if top != row.max_score:
            raise ResponsesFileError(f"{where}: item {row.item} has max_score {row.max_score} "
                                     f"here but {top} on line {line}.")
        rows.append(row)
    return rows


def _row(where: str, record: dict) -> ResponseRow:
    if None in record:  # csv.DictReader keeps fields beyond the header under the key None
        fields = len(record) - 1 + len(record[None])
        raise ResponsesFileError(f"{where}: {fields} fields, but the header has "
                                 f"{len(record) - 1}; remove the extra ones.")
    person, item = (str(record.get(name) or "").strip() for name in ("person", "item"))
    if not person or not item:
        raise ResponsesFileError(f"{where}: person and item must not be empty.")
    score, top = (_whole(where, name, record.get(name)) for name in ("score", "max_score"))
    if top < 1:
        raise ResponsesFileError(f"{where}: max_score must be at least 1, not {top}.")
    if top > MAX_SCORE_LIMIT:
        raise ResponsesFileError(f"{where}: max_score {top} is above {MAX_SCORE_LIMIT}, the "
                                 "highest accepted.")
    if not 0 <= score <= top:
        raise ResponsesFileError(f"{where}: score {score} is outside 0…{top} (max_score).")
    return ResponseRow(person, item, score, top)


def _whole(where: str, name: str, value: object) -> int:
    text = str(value or "").strip()
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or not number.is_integer():
        raise ResponsesFileError(f"{where}: {name} {text!r} is not a whole number.")
    return int(number)
