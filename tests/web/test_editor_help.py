"""The task page names every keyboard way out of the code editor, in both languages."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("locale", "words"), [
    ("sv", ["tryck Escape och sedan Tab", "Skift+Tab", "Ctrl+M", "behöver inte skynda"]),
    ("en", ["press Escape and then Tab", "Shift+Tab", "Ctrl+M", "do not need to hurry"]),
])
def test_the_editor_help_names_escape_then_tab_and_control_m(client, make_user, login, locale,
                                                             words):
    login(make_user(locale=locale))
    page = client.get("/uppgifter/p1-summa-medel").get_data(as_text=True)
    help_text = page[page.index('id="editor-help"'):page.index('data-tab-mode')]
    assert all(word in help_text for word in words), help_text


def test_a_form_task_has_no_editor_help(client, make_user, login):
    login(make_user())
    page = client.get("/uppgifter/n-adresser-i-natet").get_data(as_text=True)
    assert "editor-help" not in page and "Ctrl+M" not in page
