"""A "Listen" button on task statements, the questionnaire and the report."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from assessor.models import Person

LISTEN = 'data-listen="{}"'


def test_a_task_page_offers_to_read_its_statement(client, make_user, login):
    login(make_user())
    page = client.get("/uppgifter/p1-summa-medel").get_data(as_text=True)
    assert LISTEN.format(".statement") in page and ">Lyssna</button>" in page
    assert 'class="statement"' in page


def test_a_question_offers_to_read_itself(client, make_user, login):
    login(make_user())
    client.post(client.get("/formular/").headers["Location"], data={"consent": "yes"})
    page = client.get("/formular/", follow_redirects=True)
    path = page.request.path
    question = client.get(path + "/fraga/1").get_data(as_text=True)
    assert LISTEN.format(".question fieldset") in question


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_the_report_offers_to_read_itself_but_the_pdf_does_not(client, make_user, login,
                                                               db_session, locale):
    user = make_user(locale=locale)
    login(user)
    person = db_session.scalar(sa.select(Person).where(Person.user_id == user.id))
    page = client.get(f"/rapport/{person.public_id}").get_data(as_text=True)
    assert LISTEN.format(".report") in page
    assert (">Listen</button>" if locale == "en" else ">Lyssna</button>") in page
