"""axe-core (the pinned npm package) on every page, in Swedish and English: no serious or
critical issues, for candidates and for staff."""

from __future__ import annotations

import re

import pytest

from assessor.cli.demo import DEMO_SUBMISSIONS
from assessor.domain.vocabulary import AREAS
from tests.app_settings import catalogue
from tests.browser.axe_core import pinned_version, run_axe, violations
from tests.browser.helpers import log_in, set_language

pytestmark = pytest.mark.browser

PUBLIC_PAGES = ["/", "/om", "/integritet", "/tillganglighet", "/konto/logga-in", "/finns-inte"]
CANDIDATE_PAGES = ["/kandidat/", "/kandidat/samtycke", "/formular/", "/formular/fraga/1",
                   "/formular/fraga/7", "/formular/fraga/2", "/formular/klar", "/rapport/",
                   "/uppgifter/", "/konto/", "/kandidat/mina-uppgifter", "/kandidat/vem-har-last",
                   "/kandidat/radera", "/kandidat/profil/", "/kandidat/profil/forhandsvisning",
                   "/kandidat/profil/forslag"]
KIM, SAM = "kandidat@demo.kodprov.se", "kandidat2@demo.kodprov.se"
#: staff previews audited: code, a form, a notebook, SQL with its tables, a web page
PREVIEWED = ("p1-summa-medel", "n-adresser-i-natet", "p2-notebook-temperatur",
             "d-produkter-urval", "w1-semantisk-sida")


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


def audit(page, urls: list[str], *, refused: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Each page's serious findings, keyed by URL; every page must open (``refused`` ones
    with 403)."""
    problems = {}
    for url in urls:
        response = page.goto(url)
        expected = 403 if url in refused else 200
        assert response.status == expected, (url, response.status)
        problems[url] = violations(page)
    return {where: found for where, found in problems.items() if found}


def code_names(page, base_url: str) -> dict[str, str]:
    """The demo people's code names by first name, from the coach's people list."""
    page.goto(base_url + "/personer/")
    rows = page.locator("tbody tr").all_inner_texts()
    return {row.split()[0]: re.search(r"K-[A-Z0-9-]+", row).group(0) for row in rows}


def test_the_tests_run_the_pinned_axe_core_not_an_older_bundled_copy(live_server, page):
    page.goto(live_server + "/")
    results = run_axe(page)
    assert results["testEngine"]["version"] == pinned_version()
    # 4.12.1, the Python wrapper's copy, is older than the package pinned for the tests
    assert tuple(map(int, pinned_version().split("."))) >= (4, 14, 1)


def test_the_audit_finds_a_name_that_hides_the_visible_label(live_server, page):
    # the check that caught "A−" named "Smaller text": the audit would report it again
    page.goto(live_server + "/")
    page.evaluate("""() => {
        const b = document.createElement('button');
        b.textContent = 'A+'; b.setAttribute('aria-label', 'Larger text');
        document.querySelector('main').append(b);
    }""")
    assert any(line.startswith("label-content-name-mismatch") for line in violations(page))


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_public_pages_have_no_serious_accessibility_issues(live_server, page, locale):
    page.goto(live_server + "/")
    set_language(page, locale)
    problems = {}
    for path in PUBLIC_PAGES:
        page.goto(live_server + path)
        assert page.locator("html").get_attribute("lang") == locale
        problems[path] = violations(page)
    failing = {where: found for where, found in problems.items() if found}
    assert not failing, failing


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_candidate_pages_have_no_serious_accessibility_issues(live_server, page, locale):
    log_in(page, live_server, KIM)
    set_language(page, locale)
    urls = candidate_urls(page, live_server)
    handed_in = []
    for task, _ in DEMO_SUBMISSIONS:  # a solved one, a wrong one, a web page
        page.goto(f"{live_server}/uppgifter/{task}")
        handed_in += page.locator("a[href*='/uppgifter/inlamning/']").evaluate_all(
            "as => as.map(a => a.href)")[:1]
    assert len(handed_in) == len(DEMO_SUBMISSIONS)
    failing = audit(page, urls + handed_in)
    set_language(page, "sv")  # the account keeps Swedish for the other tests
    assert not failing, failing


@pytest.mark.parametrize("area", AREAS)
@pytest.mark.parametrize("locale", ["sv", "en"])
def test_every_task_page_has_no_serious_accessibility_issues(live_server, page, locale, area):
    log_in(page, live_server, KIM)
    set_language(page, locale)
    tasks = [f"{live_server}/uppgifter/{c.id}" for c in catalogue.bank() if c.area.value == area]
    failing = audit(page, tasks)
    set_language(page, "sv")
    assert not failing, failing


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_a_questionnaire_in_progress_has_no_serious_accessibility_issues(live_server, page,
                                                                          locale):
    # the first demo candidate has finished the questionnaire; the second is half-way
    log_in(page, live_server, SAM)
    set_language(page, locale)
    problems = {}
    for url in candidate_urls(page, live_server):
        if "/formular/" not in url:
            continue
        response = page.goto(url)
        assert response.status < 400, url
        if "/fraga/" in url:
            assert page.url == url, f"{url} moved to {page.url}"  # the questions themselves
        problems[url] = violations(page)
    set_language(page, "sv")
    failing = {where: found for where, found in problems.items() if found}
    assert not failing, failing


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_the_coachs_pages_have_no_serious_accessibility_issues(live_server, page, locale):
    log_in(page, live_server, "handledare@demo.kodprov.se")
    set_language(page, locale)
    codes = code_names(page, live_server)
    person = f"{live_server}/handledare/person/{codes['Sam']}"
    page.goto(person)
    page.click("form.narrow button[type=submit]")  # no date: the form shows its errors
    problems = {"booking without a date": violations(page)}
    page.select_option("#area", "programmering")
    page.fill("#booked_for", "2026-01-05T17:30")
    page.click("form.narrow button[type=submit]")
    follow_up = page.locator("a[href*='/handledare/uppfoljning/']").first.get_attribute("href")
    page.goto(f"{live_server}/inlamningar/person/{codes['Kim']}")
    hand_in = page.locator("a[href*='/inlamningar/']").first.get_attribute("href")
    page.goto(f"{live_server}/forhandsvisning/{DEMO_SUBMISSIONS[0][0]}")
    with page.expect_navigation():
        page.click("button[value=precheck]")  # "Testa" in the preview: the page with a result
    problems["preview after Testa"] = violations(page)
    urls = [live_server + path for path in (
        "/handledare/", "/personer/", "/personer/ny", f"/handledare/person/{codes['Kim']}",
        f"/rapport/{codes['Kim']}", f"/formular/{codes['Kim']}", f"/formular/{codes['Sam']}",
        f"/formular/{codes['Sam']}/fraga/1", follow_up,
        f"/personer/{codes['Kim']}/integritet", f"/inlamningar/person/{codes['Kim']}",
        hand_in, "/forhandsvisning/", "/personer/?consent=yes&sort=activity&order=desc",
        "/personer/?consent=kanske", *(f"/forhandsvisning/{task}" for task in PREVIEWED))
            ] + [person]
    problems |= audit(page, urls)
    set_language(page, "sv")
    failing = {where: found for where, found in problems.items() if found}
    assert not failing, failing


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_the_caseworkers_and_admins_pages_have_no_serious_accessibility_issues(
        live_server, page, locale):
    log_in(page, live_server, "admin@demo.kodprov.se")
    set_language(page, locale)
    codes = code_names(page, live_server)  # the admin sees everyone; a caseworker does not
    failing = audit(page, [live_server + path for path in (
        "/admin/", "/personer/", "/admin/atkomstlogg", f"/admin/atkomstlogg?code={codes['Kim']}",
        "/admin/begaran", f"/personer/{codes['Sam']}/integritet",
        f"/inlamningar/person/{codes['Kim']}", "/forhandsvisning/", "/admin/omrattning",
        "/admin/omrattning?challenge=p1-vokaler")])
    page.goto(live_server + "/admin/atkomstlogg?since=0001-01-01")  # the form's errors
    if found := violations(page):
        failing["a bad filter"] = found
    set_language(page, "sv")
    page.context.clear_cookies()
    log_in(page, live_server, "handlaggare@demo.kodprov.se")
    set_language(page, locale)
    refused = f"{live_server}/rapport/{codes['Sam']}"  # Sam does not share the report
    failing |= audit(page, [live_server + "/handlaggare/", live_server + "/personer/",
                            f"{live_server}/rapport/{codes['Kim']}", refused],
                     refused=(refused,))
    set_language(page, "sv")
    assert not failing, failing


def _fresh_link(live_app, email: str) -> str:
    """A new-password link for a demo account, made as the command line does."""
    from assessor.services import account_service
    from assessor.services.accounts import find_user
    from assessor.services.policy import SYSTEM

    database = live_app.extensions["kodprov_db"]
    session = database.session()
    try:
        link = account_service.issue_account_link(session, SYSTEM, find_user(session, email))
        session.commit()
        return f"/konto/lank/{link.code}"
    finally:
        database.session.remove()


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_the_pages_that_get_people_in_have_no_serious_accessibility_issues(
        live_server, live_app, chromium, locale):
    context = chromium.new_context()
    page = context.new_page()
    try:
        page.goto(live_server + "/")
        set_language(page, locale)
        link = live_server + _fresh_link(live_app, "kandidat2@demo.kodprov.se")
        gone = live_server + "/konto/lank/AAAAA-AAAAA-AAAAA-AAAAA-AAAAA"
        failing = {}
        for url, status in ((link, 200), (gone, 404), (live_server + "/konto/glomt-losenord",
                            200), (live_server + "/konto/registrera", 404)):
            assert page.goto(url).status == status, url
            failing[url] = violations(page)
        log_in(page, live_server, "handledare@demo.kodprov.se")
        set_language(page, locale)
        codes = code_names(page, live_server)
        failing |= audit(page, [live_server + path for path in (
            "/inbjudningar/ny", f"/inbjudningar/{codes['Sam']}", "/konto/losenord")])
        page.goto(f"{live_server}/inbjudningar/{codes['Sam']}")
        page.click("main button[type=submit]")  # a new-password link for Sam: the letter
        page.wait_for_selector(".letter")
        failing["the letter"] = violations(page)
        page.goto(live_server + "/inbjudningar/ny")
        page.click("main button[type=submit]")  # nothing filled in: the form's errors
        failing["invitation errors"] = violations(page)
        set_language(page, "sv")
        failing = {where: found for where, found in failing.items() if found}
        assert not failing, failing
    finally:
        context.close()


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_the_admins_pages_have_no_serious_accessibility_issues(live_server, chromium,
                                                               locale):
    context = chromium.new_context()
    page = context.new_page()
    try:
        log_in(page, live_server, "admin@demo.kodprov.se")
        set_language(page, locale)
        page.goto(live_server + "/admin/")
        account = page.locator("a[href*='/admin/konton/']").last.get_attribute("href")
        page.goto(live_server + "/admin/organisationer")
        organisation = page.locator("a[href*='/admin/organisationer/']").first \
            .get_attribute("href")
        failing = audit(page, [live_server + path for path in (
            "/admin/konton/ny", account, "/admin/organisationer", organisation,
            "/admin/fragebanker", "/admin/utkorg")])
        set_language(page, "sv")
        assert not failing, failing
    finally:
        context.close()
