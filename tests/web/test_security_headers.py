"""Security headers on every response: a strict Content-Security-Policy with a fresh nonce,
no caching of anything but static files, HSTS in production only, error pages included."""

from __future__ import annotations

import re
import secrets
from pathlib import Path

import pytest
import sqlalchemy as sa

from assessor.models import Person
from tests.app_settings import app_settings
from tests.unit.test_error_pages import get_crash_page
from web import create_app

ROOT = Path(__file__).resolve().parents[2]
BROWSER_POLICIES = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def policy(response) -> dict[str, str]:
    """The Content-Security-Policy as {directive: sources}."""
    text = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in text.split(";"))


def assert_secure(response) -> None:
    """Every header a page must carry, whoever asked for it."""
    for name, value in BROWSER_POLICIES.items():
        assert response.headers.get(name) == value, name
    csp = policy(response)
    assert "unsafe-inline" not in str(csp) and "unsafe-eval" not in str(csp)
    assert csp["default-src"] == "'self'"
    assert csp["script-src"].startswith("'self'") and csp["style-src"].startswith("'self'")
    assert csp["object-src"] == "'none'" and csp["base-uri"] == "'none'"
    assert csp["form-action"] == "'self'" and csp["frame-ancestors"] == "'none'"
    denied = response.headers["Permissions-Policy"].split(", ")
    assert {"camera=()", "microphone=()", "geolocation=()"} <= set(denied)


def assert_not_stored(response) -> None:
    assert response.headers["Cache-Control"] == "no-store"


@pytest.fixture
def candidate(make_user, login, db_session) -> Person:
    """A logged-in candidate's person record."""
    user = make_user(name="Åsa Öberg")
    login(user)
    return db_session.scalar(sa.select(Person).where(Person.user_id == user.id))


def test_a_public_page_carries_every_header_and_is_not_stored(client):
    response = client.get("/om")
    assert response.status_code == 200
    assert_secure(response)
    assert_not_stored(response)  # every page carries the session's CSRF token


def test_a_personal_page_is_never_stored(client, candidate):
    response = client.get("/kandidat/")
    assert response.status_code == 200 and "Åsa Öberg" in response.get_data(as_text=True)
    assert_secure(response)
    assert_not_stored(response)


def test_the_report_and_its_pdf_are_never_stored(client, candidate):
    page = client.get(f"/rapport/{candidate.public_id}")
    pdf = client.get(f"/rapport/{candidate.public_id}.pdf")
    assert page.status_code == 200 and pdf.status_code == 200
    assert pdf.mimetype == "application/pdf"
    for response in (page, pdf):
        assert_secure(response)
        assert_not_stored(response)


def test_a_refused_report_is_not_stored_either(client, make_user, login, db_session):
    stranger = db_session.scalar(sa.select(Person).where(
        Person.user_id == make_user(name="Utan Samtycke").id))
    login(make_user(role="caseworker"))
    response = client.get(f"/rapport/{stranger.public_id}")
    assert response.status_code == 403
    assert_secure(response)
    assert_not_stored(response)


def test_static_files_carry_the_headers_and_may_be_cached(client):
    response = client.get("/static/css/kodprov.css")
    assert response.status_code == 200
    assert_secure(response)
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_a_missing_static_file_is_an_error_page_that_is_not_stored(client):
    response = client.get("/static/finns-inte.css")
    assert response.status_code == 404
    assert_not_stored(response)


def test_a_404_page_carries_the_headers(client, candidate):
    response = client.get("/finns-inte")
    assert response.status_code == 404
    assert_secure(response)
    assert_not_stored(response)


def test_a_500_page_carries_the_headers(app, client):
    response = get_crash_page(app, client)
    assert response.status_code == 500
    assert_secure(response)
    assert_not_stored(response)


def test_the_editor_script_carries_the_nonce_of_its_own_response(client, candidate):
    nonces = []
    for _ in range(2):
        response = client.get("/uppgifter/p1-summa-medel")
        page = response.get_data(as_text=True)
        nonce = re.search(r"'nonce-([^']+)'", policy(response)["script-src"]).group(1)
        assert f'src="/static/vendor/editor.bundle.js" nonce="{nonce}"' in page
        assert f"'nonce-{nonce}'" in policy(response)["style-src"]  # the editor's <style>
        nonces.append(nonce)
    assert nonces[0] != nonces[1] and len(nonces[0]) >= 22


def test_a_page_without_inline_parts_allows_no_nonce(client):
    csp = policy(client.get("/"))
    assert csp["script-src"] == "'self'" and csp["style-src"] == "'self'"


def test_no_hsts_in_development_or_tests(client, database_url, tmp_path):
    assert "Strict-Transport-Security" not in client.get("/").headers
    development = create_app(app_settings(tmp_path, KODPROV_ENV="development",
                                          DATABASE_URL=database_url))
    assert "Strict-Transport-Security" not in development.test_client().get("/").headers


def test_production_sends_hsts_for_a_year(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'production.sqlite3'}"
    for name, value in {"KODPROV_SECRET_KEY": secrets.token_urlsafe(48),
                        "KODPROV_DATABASE_URL": url, "KODPROV_ALLOW_SQLITE": "1",
                        "KODPROV_SANDBOX": "docker",
                        "KODPROV_INSTANCE_PATH": str(tmp_path / "instance")}.items():
        monkeypatch.setenv(name, value)
    production = create_app({"KODPROV_ENV": "production", "KODPROV_RECOVER_ON_START": False})
    response = production.test_client().get("/", base_url="https://kodprov.test")
    hsts = response.headers["Strict-Transport-Security"]
    assert int(re.search(r"max-age=(\d+)", hsts).group(1)) >= 365 * 24 * 3600
    assert_secure(response)


INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[^>]*\sstyle\s*=", re.I)
ELEMENT_WITHOUT_NONCE = re.compile(r"<(script|style)\b(?![^>]*\bsrc=)(?![^>]*\bnonce=)[^>]*>",
                                   re.I)


@pytest.mark.parametrize("path", sorted((ROOT / "web" / "templates").rglob("*.html")),
                         ids=lambda path: str(path.relative_to(ROOT / "web" / "templates")))
def test_templates_have_no_inline_handlers_styles_or_scripts_without_a_nonce(path):
    text = path.read_text(encoding="utf-8")
    for pattern in (INLINE_HANDLER, STYLE_ATTRIBUTE, ELEMENT_WITHOUT_NONCE):
        assert not pattern.search(text), pattern.search(text).group(0)


@pytest.mark.parametrize("path", sorted((ROOT / "web" / "static" / "js").glob("*.js")),
                         ids=lambda path: path.name)
def test_page_scripts_never_write_style_attributes(path):
    # element.style.x = … is allowed by the policy; a style="…" string is refused
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"setAttribute\(\s*[\"']style|style\s*=\s*\\?[\"']", text)
    assert not INLINE_HANDLER.search(text)
