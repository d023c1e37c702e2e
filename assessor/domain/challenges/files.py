"""Reading a challenge's folders of files (starter, solutions, data) as bytes by path."""

from __future__ import annotations

from pathlib import Path

#: names never read as part of a challenge
IGNORED = ("__pycache__", ".DS_Store")

def read_files(folder: Path, *, skip: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Every file under ``folder`` by its relative path (none when the folder is absent)."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name not in skip and not any(i in p.parts for i in IGNORED)}
