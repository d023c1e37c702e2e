"""The ratings over time as an accessible SVG, drawn on the server: one row per area (small
multiples, so no colour has to be told apart), each conversation a point with its rating
written beside it, the days along the bottom. The page shows the same figures as a table."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from html import escape

from assessor.domain.progress import RATING_MAX, RATING_MIN
from assessor.services.progress.conversations import Series

LABEL_WIDTH = 170
STEP = 70  #: between two conversations
ROW = 64
BAND = 40  #: the height 1 to 10 takes in a row
TOP = 12
COLOURS = {"line": "#1d4f73", "grid": "#c9ced4", "text": "#1f2328", "muted": "#4a5058"}


def progress_svg(series: Sequence[Series], days: Sequence[date], names: Mapping[int, str],
                 day_text: Callable[[date], str], title: str, description: str) -> str:
    """The chart; ``names`` words each area by id, ``day_text`` each day. Text is escaped."""
    width = LABEL_WIDTH + STEP * max(len(days), 1) + 20
    height = TOP + ROW * len(series) + 30
    column = {day: n for n, day in enumerate(days)}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" aria-labelledby="progress-title progress-desc" '
             f'font-family="DejaVu Sans, sans-serif" font-size="13">',
             f'<title id="progress-title">{escape(title)}</title>',
             f'<desc id="progress-desc">{escape(description)}</desc>']
    for row, line in enumerate(series):
        parts.extend(_row(line, names.get(line.area.id, ""), column, TOP + row * ROW))
    axis_y = TOP + ROW * len(series) + 18
    parts.extend(f'<text x="{_x(n)}" y="{axis_y}" text-anchor="middle" '
                 f'fill="{COLOURS["muted"]}">{escape(day_text(day))}</text>'
                 for n, day in enumerate(days))
    parts.append("</svg>")
    return "".join(parts)


def _x(column: int) -> int:
    return LABEL_WIDTH + STEP // 2 + column * STEP


def _y(top: int, rating: int) -> float:
    share = (rating - RATING_MIN) / (RATING_MAX - RATING_MIN)
    return round(top + 8 + BAND * (1 - share), 1)


def _row(line: Series, name: str, column: Mapping[date, int], top: int) -> list[str]:
    parts = [f'<text x="0" y="{top + 8 + BAND // 2 + 4}" fill="{COLOURS["text"]}">'
             f'{escape(name)}</text>',
             f'<line x1="{LABEL_WIDTH}" x2="{_x(max(column.values(), default=0)) + STEP // 2}" '
             f'y1="{top + 8 + BAND}" y2="{top + 8 + BAND}" stroke="{COLOURS["grid"]}"/>']
    points = [(_x(column[day]), _y(top, rating), rating) for day, rating in line.points
              if day in column]
    if len(points) > 1:
        path = " ".join(f"{x},{y}" for x, y, _ in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{COLOURS["line"]}" '
                     f'stroke-width="2"/>')
    for x, y, rating in points:
        parts.append(f'<circle cx="{x}" cy="{y}" r="4" fill="{COLOURS["line"]}"/>')
        parts.append(f'<text x="{x + 7}" y="{y - 5}" fill="{COLOURS["text"]}">{rating}</text>')
    return parts
