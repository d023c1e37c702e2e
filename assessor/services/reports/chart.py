"""The level profile as an accessible SVG: one row of boxes per area, filled up to the level
reached. Each box is a grade step (E, C, A) and the course it belongs to is written under its
boxes, so a reader sees "Programmering 1" and "Programmering 2", not just letters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from itertools import groupby

from assessor.domain.ability.levels import LADDERS
from assessor.services.reports.content import AreaResult

ROW_HEIGHT = 64
LABEL_WIDTH = 170
STEP_WIDTH = 56
GROUP_GAP = 14  #: space between two courses on one ladder
BOX_HEIGHT = 28
COLOURS = {"filled": "#1d4f73", "empty": "#e6eef4", "text": "#1f2328", "line": "#c9ced4",
           "on_filled": "#ffffff", "muted": "#4a5058"}

Ladder = Sequence[tuple[str, str]]  #: (course, grade) per step, lowest first


def level_profile_svg(areas: tuple[AreaResult, ...], area_names: dict[str, str], title: str,
                      description: str, ladders: Mapping[str, Ladder] = LADDERS) -> str:
    """An SVG with a title and description for screen readers; text is escaped."""
    rows = [_ladder(area, ladders) for area in areas]
    width = LABEL_WIDTH + max((_width(ladder) for ladder in rows), default=0) + 10
    height = ROW_HEIGHT * len(areas) + 6
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" aria-labelledby="chart-title chart-desc" '
             f'font-family="DejaVu Sans, sans-serif">',
             f'<title id="chart-title">{escape(title)}</title>',
             f'<desc id="chart-desc">{escape(description)}</desc>']
    for row, (area, ladder) in enumerate(zip(areas, rows, strict=True)):
        parts.extend(_row(area, area_names.get(area.area, area.area), ladder, row * ROW_HEIGHT))
    parts.append("</svg>")
    return "".join(parts)


def _ladder(area: AreaResult, ladders: Mapping[str, Ladder]) -> Ladder:
    """The area's steps; an area without a known ladder gets E, C, A… without a course name."""
    ladder = ladders.get(area.area)
    if ladder and len(ladder) == area.ladder_size:
        return ladder
    return [("", "ECA"[step % 3]) for step in range(area.ladder_size)]


def _courses(ladder: Ladder) -> list[tuple[str, int]]:
    """(course, number of steps) for each course on the ladder, in order."""
    return [(course, len(list(steps))) for course, steps in groupby(ladder, key=lambda s: s[0])]


def _width(ladder: Ladder) -> int:
    return len(ladder) * STEP_WIDTH + (len(_courses(ladder)) - 1) * GROUP_GAP


def _row(area: AreaResult, name: str, ladder: Ladder, y: float) -> list[str]:
    parts = [f'<text x="0" y="{y + 26}" font-size="15" fill="{COLOURS["text"]}">'
             f'{escape(name)}</text>']
    step, x = 0, LABEL_WIDTH
    for course, count in _courses(ladder):
        start = x
        for _ in range(count):
            parts.extend(_box(ladder[step][1], x, y, filled=step < area.level_rank))
            step, x = step + 1, x + STEP_WIDTH
        if course:
            parts.append(f'<text x="{(start + x) / 2}" y="{y + BOX_HEIGHT + 26}" font-size="12" '
                         f'text-anchor="middle" fill="{COLOURS["muted"]}">{escape(course)}</text>')
        x += GROUP_GAP
    return parts


def _box(grade: str, x: float, y: float, *, filled: bool) -> list[str]:
    fill, ink = ("filled", "on_filled") if filled else ("empty", "text")
    return [f'<rect x="{x + 2}" y="{y + 8}" width="{STEP_WIDTH - 4}" height="{BOX_HEIGHT}" '
            f'rx="4" fill="{COLOURS[fill]}" stroke="{COLOURS["line"]}"/>',
            f'<text x="{x + STEP_WIDTH / 2}" y="{y + 8 + BOX_HEIGHT / 2 + 5}" font-size="13" '
            f'text-anchor="middle" fill="{COLOURS[ink]}">{escape(grade)}</text>']
