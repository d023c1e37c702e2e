"""CSV files that a spreadsheet opens as plain text, never as formulas.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by Excel and LibreOffice (CSV injection, OWASP): a person's name such as
``=HYPERLINK(...)`` would run when a coach opens the file. Such a cell gets a leading ``'``,
which spreadsheets show as text and do not display.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Swedish spreadsheets read ";" as the column separator (the decimal sign is ",")
DELIMITER = ";"
BOM = "\ufeff"  #: tells Excel the file is UTF-8 (å, ä, ö)


def safe_cell(value: object) -> str:
    """``value`` as text that no spreadsheet takes for a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(header: Iterable[object], rows: Iterable[Iterable[object]]) -> str:
    """A whole CSV file (with a byte-order mark), every cell made safe."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return BOM + out.getvalue()
