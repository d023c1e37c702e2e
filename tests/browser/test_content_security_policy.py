"""The Content-Security-Policy in a real browser: every page of every role, the editor at work
and the error pages load without one blocked script, style or other resource."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urldefrag, urlsplit

import pytest

from tests.browser.helpers import log_in

pytestmark = pytest.mark.browser

#: Each blocked resource or inline style/script fires this event; the page keeps a list.
WATCH = """
window.__blocked = [];
document.addEventListener("securitypolicyviolation", (e) => window.__blocked.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile || "?"}:` +
  `${e.lineNumber} ${e.sample || ""}`));
"""
#: The events are queued as tasks: wait for a frame and a later task before reading the list.
READ_BLOCKED = """() => new Promise((done) => requestAnimationFrame(
  () => setTimeout(() => done(window.__blocked || []), 0)))"""
TASKS = "every task"


@dataclass(frozen=True)
class Walk:
    """One role's walk: where it starts (pages no link leads to too), the pages it must reach,
    and the folders whose pages it leaves out. {kim} and {sam} are the demo code names."""

    email: str | None
    start: tuple[str, ...]
    reach: tuple[str, ...]
    leave_out: tuple[str, ...] = ()


WALKS = [
    Walk(None, ("/", "/finns-inte"), ("/konto/logga-in", "/om", "/integritet")),
    Walk("kandidat@demo.kodprov.se", ("/kandidat/", "/rapport/{sam}"),
         ("/kandidat/samtycke", "/formular/{kim}", "/rapport/{kim}", TASKS)),
    # Sam's task pages are Kim's with less on them (no drafts, no attempts)
    Walk("kandidat2@demo.kodprov.se", ("/kandidat/", "/formular/{sam}/fraga/1",
                                       "/formular/{sam}/fraga/7"),
         ("/formular/{sam}", "/uppgifter/"), leave_out=("/uppgifter/",)),
    Walk("handledare@demo.kodprov.se", ("/handledare/",), ("/handledare/person/{kim}",
                                                          "/personer/")),
    Walk("handlaggare@demo.kodprov.se", ("/handlaggare/", "/rapport/{sam}"), ("/rapport/{kim}",)),
    Walk("admin@demo.kodprov.se", ("/admin/",), ("/personer/", "/admin/omrattning")),
]
#: Never followed: logging out ends the walk, downloads are not pages.
NOT_FOLLOWED = ("/konto/logga-ut", "/static/", ".pdf", "/start/")


def watched(page) -> list[str]:
    """Start recording policy problems on ``page``; returns the (growing) list."""
    problems: list[str] = []
    page.add_init_script(WATCH)
    page.on("console", lambda message: problems.append(f"console: {message.text}")
            if _about_policy(message.text) else None)
    return problems


def _about_policy(text: str) -> bool:
    return any(word in text for word in ("Content Security Policy", "Content-Security-Policy",
                                         "Permissions-Policy", "Refused to"))


def visit(page, url: str, problems: list[str]) -> list[str]:
    """Open ``url``, check its policy header, note what it blocked; returns its links."""
    response = page.goto(url)
    policy = response.headers.get("content-security-policy", "")
    assert "script-src" in policy and "unsafe-inline" not in policy, (url, policy)
    problems.extend(f"{url}: {line}" for line in page.evaluate(READ_BLOCKED))
    return page.eval_on_selector_all("a[href]:not([download])", "links => links.map(a => a.href)")


def walk(page, base_url: str, start: Iterable[str], problems: list[str],
         leave_out: tuple[str, ...] = ()) -> set[str]:
    """Visit ``start`` and every page reachable by links on this site, except the pages inside
    the folders ``leave_out``; returns the paths."""
    queue, seen = [base_url + path for path in start], set()
    while queue:
        url = urldefrag(queue.pop(0)).url
        if url not in seen and url.startswith(base_url + "/") and _followed(url, leave_out):
            seen.add(url)
            queue.extend(visit(page, url, problems))
    return {urlsplit(url).path for url in seen}


def _followed(url: str, leave_out: tuple[str, ...]) -> bool:
    path = urlsplit(url).path
    if any(part in path for part in NOT_FOLLOWED):
        return False
    return not any(path.startswith(folder) and path != folder for folder in leave_out)


@pytest.fixture(scope="module")
def code_names(live_server, chromium) -> dict[str, str]:
    """The demo candidates' code names, read from their questionnaire addresses."""
    names = {}
    for name, email in (("kim", "kandidat@demo.kodprov.se"), ("sam", "kandidat2@demo.kodprov.se")):
        context = chromium.new_context()
        page = context.new_page()
        log_in(page, live_server, email)
        page.goto(live_server + "/formular/")
        names[name] = page.url.rstrip("/").rsplit("/", 1)[1]
        context.close()
    return names


@pytest.mark.parametrize("role", WALKS, ids=[role.email or "anonymous" for role in WALKS])
def test_no_page_breaks_the_content_security_policy(live_server, page, code_names, role):
    from tests.app_settings import catalogue

    problems = watched(page)
    if role.email:
        log_in(page, live_server, role.email)
    paths = walk(page, live_server, [path.format(**code_names) for path in role.start],
                 problems, role.leave_out)
    expected = {path.format(**code_names) for path in role.reach if path != TASKS}
    if TASKS in role.reach:
        expected |= {f"/uppgifter/{challenge.id}" for challenge in catalogue.bank()}
    assert expected <= paths, sorted(expected - paths)  # the walk got everywhere it should
    assert not problems, "\n".join(problems)


def test_the_editor_testing_code_and_text_size_break_no_policy(live_server, page):
    problems = watched(page)
    log_in(page, live_server, "kandidat@demo.kodprov.se")
    page.goto(live_server + "/uppgifter/p1-summa-medel")
    page.locator(".cm-content").first.click()
    page.keyboard.type("print(1)\n")
    page.click("[data-font='1']")
    page.click("[data-timer-toggle]")
    page.click("button[value=precheck]")  # disables the buttons until the result is shown
    page.locator("button[value=precheck]:enabled").wait_for(timeout=120_000)
    assert page.locator("[data-result] .error").count() == 0, page.inner_text("[data-result]")
    problems.extend(page.evaluate(READ_BLOCKED))
    # the editor's own styles came through (a blocked <style> would leave it unstyled)
    assert page.evaluate("getComputedStyle(document.querySelector('.cm-editor')).display") \
        == "flex"
    assert not problems, "\n".join(problems)


def test_the_watch_sees_a_blocked_inline_style(live_server, page):
    # proves the listener above: an inline style attribute set from a script is refused
    problems = watched(page)
    page.goto(live_server + "/")
    page.evaluate("document.body.setAttribute('style', 'color: red')")
    problems.extend(page.evaluate(READ_BLOCKED))
    assert any("style-src" in line for line in problems), problems
