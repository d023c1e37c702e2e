"""How a task page shows a challenge's texts and files: the statement under the page's own
title, each file in the editor with its language."""

from __future__ import annotations

import re

#: the editor's syntax mode per file ending (others: plain text)
EDITOR_LANGUAGES = {".py": "python", ".sql": "sql", ".html": "html", ".css": "css"}


def without_title(html: str) -> str:
    """A challenge statement without its leading ``<h1>`` (the page shows the title)."""
    return re.sub(r"^\s*<h1>.*?</h1>\s*", "", html, count=1, flags=re.S)


def file_suffix(name: str) -> str:
    """``.py`` for ``main.py``."""
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def editor_language(name: str) -> str:
    """The editor's syntax mode for a file name (empty: plain text)."""
    return EDITOR_LANGUAGES.get(file_suffix(name), "")
