"""The level profile as an accessible SVG: one bar per area, filled up to the level reached."""

from __future__ import annotations

from html import escape

from assessor.reports.content import AreaResult

ROW_HEIGHT = 44
LABEL_WIDTH = 170
STEP_WIDTH = 60
COLOURS = {"filled": "#1d4f73", "empty": "#e6eef4", "text": "#1f2328", "line": "#c9ced4"}


def level_profile_svg(areas: tuple[AreaResult, ...], area_names: dict[str, str],
                      step_labels: list[str], title: str, description: str) -> str:
    """An SVG with a title and description for screen readers; text is escaped."""
    steps = max((a.ladder_size for a in areas), default=3)
    width = LABEL_WIDTH + steps * STEP_WIDTH + 20
    height = ROW_HEIGHT * len(areas) + 36
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" aria-labelledby="chart-title chart-desc">',
             f'<title id="chart-title">{escape(title)}</title>',
             f'<desc id="chart-desc">{escape(description)}</desc>']
    for column, label in enumerate(step_labels[:steps]):
        x = LABEL_WIDTH + column * STEP_WIDTH + STEP_WIDTH / 2
        parts.append(f'<text x="{x}" y="18" font-size="13" text-anchor="middle" '
                     f'fill="{COLOURS["text"]}">{escape(label)}</text>')
    for row, area in enumerate(areas):
        parts.extend(_row(area, area_names.get(area.area, area.area), 28 + row * ROW_HEIGHT))
    parts.append("</svg>")
    return "".join(parts)


def _row(area: AreaResult, name: str, y: float) -> list[str]:
    parts = [f'<text x="0" y="{y + 22}" font-size="15" fill="{COLOURS["text"]}">'
             f'{escape(name)}</text>']
    for step in range(area.ladder_size):
        filled = step < area.level_rank
        x = LABEL_WIDTH + step * STEP_WIDTH
        parts.append(f'<rect x="{x + 2}" y="{y + 4}" width="{STEP_WIDTH - 4}" height="26" rx="4" '
                     f'fill="{COLOURS["filled" if filled else "empty"]}" '
                     f'stroke="{COLOURS["line"]}"/>')
    return parts
