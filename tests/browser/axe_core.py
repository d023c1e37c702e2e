"""axe-core from the npm package pinned in tests/browser/axe/ (``make axe-core`` installs it),
loaded into the page under test; the Python wrapper's bundled copy lags behind the rules."""

from __future__ import annotations

import json
from pathlib import Path

from tests.services import require_service

PACKAGE = Path(__file__).resolve().parent / "axe"
AXE_SCRIPT = PACKAGE / "node_modules" / "axe-core" / "axe.min.js"
#: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and Deque's best practices (as before the switch)
TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice")
SERIOUS = ("serious", "critical")


def pinned_version() -> str:
    """The axe-core version package.json pins."""
    return json.loads((PACKAGE / "package.json").read_text())["dependencies"]["axe-core"]


def require_axe() -> Path:
    """The path of axe.min.js; skips (locally) or fails (in CI) the test while it is missing."""
    require_service("axe-core", AXE_SCRIPT.is_file(),
                    "run `make axe-core` (npm ci in tests/browser/axe)")
    return AXE_SCRIPT


def run_axe(page) -> dict:
    """axe.run's results for the page as it is now (WCAG 2.x A/AA and best practices)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated by the browser's devtools protocol, not as a <script> tag: the page's own
        # Content-Security-Policy (no inline scripts) stays on while axe looks at the page.
        page.evaluate(require_axe().read_text(encoding="utf-8") + "\n;undefined")
    loaded = page.evaluate("() => window.axe && window.axe.version")
    assert loaded == pinned_version(), (
        f"axe-core {pinned_version()} did not load into {page.url} (got {loaded!r})")
    return page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                         list(TAGS))


def violations(page, impacts: tuple[str, ...] = SERIOUS) -> list[str]:
    """axe-core's findings of these impacts on the current page, one line each."""
    results = run_axe(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
            for v in results["violations"] if v["impact"] in impacts]
