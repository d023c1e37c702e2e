"""Site-wide text size: on every page, in steps, remembered in a cookie, bad input ignored."""

from __future__ import annotations

import re

import pytest


def size_class(page: str) -> str:
    return re.search(r'<html lang="\w+" class="(text-\d+)">', page).group(1)


def change(client, size: str, **kwargs):
    return client.post("/textstorlek", data={"size": size, "next": "/om"}, **kwargs)


def test_larger_and_smaller_move_one_step_and_are_remembered(client):
    assert size_class(client.get("/").get_data(as_text=True)) == "text-100"
    response = change(client, "larger")
    assert response.status_code == 302 and response.headers["Location"] == "/om"
    assert size_class(client.get("/").get_data(as_text=True)) == "text-125"
    for _ in range(10):
        change(client, "larger")
    assert size_class(client.get("/om").get_data(as_text=True)) == "text-200"  # the largest
    change(client, "smaller")
    page = client.get("/integritet").get_data(as_text=True)
    assert size_class(page) == "text-175" and "175\u00a0%" in page


def test_the_page_script_gets_the_new_size_as_json(client):
    body = change(client, "larger", headers={"Accept": "application/json"}).get_json()
    assert body == {"size": 125, "label": "125\u00a0%"}


@pytest.mark.parametrize("bad", ["huge", "", "125"])
def test_an_unknown_change_changes_nothing(client, bad):
    change(client, "larger")
    response = change(client, bad)
    assert response.status_code == 302
    assert size_class(client.get("/").get_data(as_text=True)) == "text-125"


def test_a_forged_cookie_counts_as_the_normal_size(client):
    client.set_cookie("kodprov_text_size", "9000")
    assert size_class(client.get("/").get_data(as_text=True)) == "text-100"
    client.set_cookie("kodprov_text_size", "<script>")
    assert size_class(client.get("/").get_data(as_text=True)) == "text-100"


def test_the_control_is_on_every_kind_of_page(client, make_user, login):
    pages = ["/", "/konto/logga-in", "/finns-inte"]
    for path in pages:
        assert 'action="/textstorlek"' in client.get(path).get_data(as_text=True), path
    login(make_user(role="facilitator"))
    assert 'action="/textstorlek"' in client.get("/handledare/").get_data(as_text=True)


def test_the_buttons_are_named_by_their_visible_text_first(client):
    page = client.get("/").get_data(as_text=True)
    assert re.search(r'value="smaller">A−<span class="visually-hidden"> mindre</span>', page)
    assert re.search(r'value="larger">A\+<span class="visually-hidden"> större</span>', page)
    assert 'aria-label="' not in page[page.index('class="text-size"'):page.index("language-switch")]
