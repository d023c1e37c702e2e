"""The README's Layout section draws the tree as it is: a moved or new package fails here."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENTRY = re.compile(r"^( *)(\S+?(?:/|\.py))\s")


def drawn_paths() -> set[Path]:
    """The paths the Layout code block names, from its indentation (two spaces a level)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Layout", 1)[1].split("```", 2)[1]
    paths, parents = set(), []
    for line in block.splitlines():
        match = ENTRY.match(line + " ")
        if not match:
            continue
        depth = len(match.group(1)) // 2
        parents = [*parents[:depth], match.group(2).rstrip("/")]
        paths.add(ROOT.joinpath(*parents))
    return paths


def packages_under(folder: Path) -> set[Path]:
    return {p.parent for p in folder.glob("*/__init__.py")}


def test_every_path_the_layout_draws_exists():
    missing = sorted(str(p.relative_to(ROOT)) for p in drawn_paths() if not p.exists())
    assert not missing


def test_every_layer_and_domain_package_is_drawn():
    drawn = drawn_paths()
    packages = packages_under(ROOT / "assessor") | packages_under(ROOT / "assessor" / "domain")
    undrawn = sorted(str(p.relative_to(ROOT)) for p in packages - drawn)
    assert not undrawn
