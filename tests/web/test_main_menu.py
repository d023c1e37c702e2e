"""The main menu: each role's entries open for that role (no entry leads to a refusal), and
the page shows exactly the role's entries."""

from __future__ import annotations

import pytest
from flask import url_for

from web.navigation import MENUS


def user_of(role, make_user, programme_coach, db_session):
    """A user of ``role`` as a programme has them (a coach and a caseworker with an
    organisation)."""
    if role == "facilitator":
        return programme_coach()
    user = make_user(role=role)
    if role == "caseworker":
        user.organisation_id = programme_coach().organisation_id
        db_session.commit()
    return user


@pytest.mark.parametrize("role", sorted(MENUS))
def test_every_menu_entry_opens_for_its_role(role, app, client, login, make_user,
                                             programme_coach, db_session):
    login(user_of(role, make_user, programme_coach, db_session))
    with app.test_request_context():
        addresses = [url_for(endpoint) for endpoint, _label in MENUS[role]]
    page = client.get("/om").get_data(as_text=True)
    for address in addresses:
        assert f'href="{address}"' in page, address
        response = client.get(address)
        assert response.status_code == 200, (address, response.status_code)


def test_the_menu_shows_no_other_roles_entries(app, client, login, make_user):
    login(make_user(role="candidate"))
    page = client.get("/om").get_data(as_text=True)
    with app.test_request_context():
        own = {url_for(endpoint) for endpoint, _label in MENUS["candidate"]}
        others = {url_for(endpoint) for role, menu in MENUS.items() if role != "candidate"
                  for endpoint, _label in menu} - own
    assert not [address for address in others if f'<li><a href="{address}">' in page]
