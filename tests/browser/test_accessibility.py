"""axe-core on every candidate page, in Swedish and English: no serious or critical issues."""

from __future__ import annotations

import pytest

from assessor import catalogue
from tests.browser.helpers import log_in, serious_violations, set_language

pytestmark = pytest.mark.browser

PUBLIC_PAGES = ["/", "/om", "/integritet", "/tillganglighet", "/konto/logga-in"]
CANDIDATE_PAGES = ["/kandidat/", "/kandidat/samtycke", "/formular/", "/formular/fraga/1",
                   "/formular/fraga/7", "/formular/fraga/2", "/formular/klar", "/rapport/",
                   "/uppgifter/", "/konto/"] + [f"/uppgifter/{c.id}" for c in catalogue.bank()]


def candidate_urls(page, base_url: str) -> list[str]:
    """The candidate pages, with the demo candidate's own code name filled in."""
    page.goto(base_url + "/formular/")
    own = page.url.rstrip("/")
    public_id = own.rsplit("/", 1)[1]
    urls = []
    for path in CANDIDATE_PAGES:
        if path.startswith("/formular/") and path != "/formular/":
            path = path.replace("/formular/", f"/formular/{public_id}/")
        if path == "/rapport/":
            path += public_id
        urls.append(base_url + path)
    return urls


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_public_pages_have_no_serious_accessibility_issues(live_server, page, locale):
    page.goto(live_server + "/")
    set_language(page, locale)
    problems = {}
    for path in PUBLIC_PAGES:
        page.goto(live_server + path)
        assert page.locator("html").get_attribute("lang") == locale
        problems[path] = serious_violations(page)
    failing = {where: found for where, found in problems.items() if found}
    assert not failing, failing


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_candidate_pages_have_no_serious_accessibility_issues(live_server, page, locale):
    log_in(page, live_server, "kandidat@demo.kodprov.se")
    set_language(page, locale)
    problems = {}
    for url in candidate_urls(page, live_server):
        response = page.goto(url)
        assert response.status < 400, url
        problems[url] = serious_violations(page)
    set_language(page, "sv")  # the account keeps Swedish for the other tests
    failing = {where: found for where, found in problems.items() if found}
    assert not failing, failing


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_a_questionnaire_in_progress_has_no_serious_accessibility_issues(live_server, page,
                                                                          locale):
    # the first demo candidate has finished the questionnaire; the second is half-way
    log_in(page, live_server, "kandidat2@demo.kodprov.se")
    set_language(page, locale)
    problems = {}
    for url in candidate_urls(page, live_server):
        if "/formular/" not in url:
            continue
        response = page.goto(url)
        assert response.status < 400, url
        if "/fraga/" in url:
            assert page.url == url, f"{url} moved to {page.url}"  # the questions themselves
        problems[url] = serious_violations(page)
    set_language(page, "sv")
    failing = {where: found for where, found in problems.items() if found}
    assert not failing, failing
