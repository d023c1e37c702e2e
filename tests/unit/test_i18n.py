"""Swedish by default, English on request, and no message without a Swedish text."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "web" / "translations" / "sv" / "LC_MESSAGES" / "messages.po"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}
METHODS = [("assessor/**.py", "python"), ("web/**.py", "python"),
           ("web/templates/**.html", "jinja2")]


def source_messages() -> set[str]:
    """Every translatable string in the code and templates, found the way pybabel does."""
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map=METHODS, keywords=KEYWORDS):
        found.add(message if isinstance(message, str) else message[0])
    return found


def swedish_catalogue() -> dict[str, str]:
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle, locale="sv")
    return {
        (m.id if isinstance(m.id, str) else m.id[0]):
        (m.string if isinstance(m.string, str) else m.string[0])
        for m in catalogue if m.id and "fuzzy" not in m.flags
    }


def test_every_message_in_the_code_has_a_swedish_text():
    catalogue = swedish_catalogue()
    missing = sorted(m for m in source_messages() if not catalogue.get(m))
    assert not missing, "Run `make catalogs` and translate in sv/messages.po: " + repr(missing)


def test_pages_are_swedish_by_default(client):
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="sv"' in page and "Visa vad du kan med kod" in page


def test_the_language_switch_changes_the_page_to_english_and_back(client):
    response = client.post("/sprak", data={"locale": "en", "next": "/om"})
    assert response.status_code == 302 and response.location.endswith("/om")
    page = client.get("/om").get_data(as_text=True)
    assert '<html lang="en"' in page and "Who uses Kodprov" in page
    client.post("/sprak", data={"locale": "sv", "next": "/"})
    assert "Vem använder Kodprov" in client.get("/om").get_data(as_text=True)


def test_an_unknown_language_changes_nothing(client):
    client.post("/sprak", data={"locale": "fi", "next": "/"})
    assert '<html lang="sv"' in client.get("/").get_data(as_text=True)


def test_a_logged_in_users_language_is_stored_on_the_account(client, make_user, login, db_session):
    user = make_user()
    login(user)
    client.post("/sprak", data={"locale": "en", "next": "/kandidat/"})
    db_session.refresh(user)
    assert user.locale == "en"
    assert "Welcome" in client.get("/kandidat/").get_data(as_text=True)
