"""Drafts name their revision, so a page can tell whether the server has its latest text."""

from __future__ import annotations

import re

SLUG = "p1-summa-medel"
FIELD = "file:medel.py"


def page_attribute(client, name: str) -> str:
    page = client.get(f"/uppgifter/{SLUG}").get_data(as_text=True)
    return re.search(rf'{name}="([^"]*)"', page).group(1)


def test_the_page_names_the_revision_each_save_answers(client, make_user, login):
    login(make_user(tests_consent=True))
    assert page_attribute(client, "data-draft-revision") == ""
    first = client.post(f"/uppgifter/{SLUG}/utkast", data={FIELD: "a = 1"}).get_json()
    assert first["saved"] is True and first["revision"]
    assert page_attribute(client, "data-draft-revision") == first["revision"]
    second = client.post(f"/uppgifter/{SLUG}/utkast", data={FIELD: "a = 2"}).get_json()
    assert second["revision"] != first["revision"]
    assert page_attribute(client, "data-draft-revision") == second["revision"]


def test_a_save_sent_as_the_page_closes_passes_the_csrf_check(app, client, make_user, login):
    login(make_user(tests_consent=True))
    app.config["WTF_CSRF_ENABLED"] = True
    token = page_attribute(client, 'name="csrf_token" value')
    refused = client.post(f"/uppgifter/{SLUG}/utkast", data={FIELD: "b = 1"})
    assert refused.status_code == 400
    saved = client.post(f"/uppgifter/{SLUG}/utkast", data={FIELD: "b = 1", "csrf_token": token},
                        headers={"Accept": "application/json"})
    assert saved.status_code == 200 and saved.get_json()["revision"]


def test_a_text_starting_with_an_empty_line_comes_back_unchanged(client, make_user, login):
    login(make_user(tests_consent=True))
    client.post(f"/uppgifter/{SLUG}/utkast", data={FIELD: "\nprint(1)\n"})
    page = client.get(f"/uppgifter/{SLUG}").get_data(as_text=True)
    # the HTML parser drops one newline right after <textarea>: the page puts one there
    assert re.search(r'data-editor-language="python">\n\nprint\(1\)', page)


def test_each_account_files_its_unsaved_work_under_its_own_opaque_key(client, make_user, login):
    first, second = make_user(tests_consent=True), make_user(tests_consent=True)
    login(first)
    key = page_attribute(client, "data-account")
    assert key and str(first.id) != key and first.email not in key
    assert page_attribute(client, "data-account") == key
    client.post("/konto/logga-ut")
    login(second)
    assert page_attribute(client, "data-account") not in ("", key)
