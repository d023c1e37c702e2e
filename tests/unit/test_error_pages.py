"""Error pages speak the visitor's language and never show a stack trace."""

import pytest


def test_404_in_swedish_and_english(client):
    response = client.get("/finns-inte")
    assert response.status_code == 404
    assert "Sidan hittades inte" in response.get_data(as_text=True)
    client.post("/sprak", data={"locale": "en", "next": "/"})
    assert "The page was not found" in client.get("/finns-inte").get_data(as_text=True)


def get_crash_page(app, client):
    """GET a public page whose view raises, as production would answer it."""
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    app.view_functions["boom"].kodprov_public = True
    return client.get("/boom")


def test_a_crash_gives_a_calm_500_page_without_a_trace(app, client):
    response = get_crash_page(app, client)
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Något gick fel hos oss" in page
    assert "secret internals" not in page and "Traceback" not in page


@pytest.mark.parametrize(("code", "text"), [(400, "Något var fel"), (403, "inte tillgång"),
                                            (405, "Det gick inte"), (413, "för stor")])
def test_each_http_error_has_its_own_plain_page(app, client, code, text):
    from flask import abort

    @app.get(f"/fail{code}")
    def fail():
        abort(code)

    app.view_functions["fail"].kodprov_public = True
    response = client.get(f"/fail{code}")
    assert response.status_code == code
    assert text in response.get_data(as_text=True)


@pytest.mark.parametrize("app_config", [{"KODPROV_SANDBOX": "process"}], ids=["process"])
def test_admins_see_a_loud_banner_while_the_process_sandbox_is_in_use(
        app, client, make_user, login):
    login(make_user(role="admin"))
    assert "utan Docker-sandlådan" not in client.get("/admin/").get_data(as_text=True)
    app.extensions["kodprov_sandbox"].runner()  # made by the first run
    page = client.get("/admin/").get_data(as_text=True)
    assert "utan Docker-sandlådan" in page and "chosen by configuration (process)" in page


def add_crashing_page(app, before=None) -> None:
    """``GET /boom`` raises (after calling ``before``); exceptions are not propagated."""
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom")
    def boom():
        if before:
            before()
        raise RuntimeError("secret internals")

    app.view_functions["boom"].kodprov_public = True


def test_an_error_inside_the_error_page_still_gives_a_plain_page(app, client, monkeypatch):
    import web.errors

    def broken(*_args, **_kwargs):
        raise RuntimeError("the template engine is broken")

    add_crashing_page(app)
    monkeypatch.setattr(web.errors, "render_template", broken)
    response = client.get("/finns-inte")
    assert response.status_code == 404
    assert "Sidan hittades inte" in response.get_data(as_text=True)
    response = client.get("/boom")
    page = response.get_data(as_text=True)
    assert response.status_code == 500 and "Något gick fel hos oss" in page
    assert "secret internals" not in page and "broken" not in page


def test_a_database_that_fails_during_the_error_page_gives_a_plain_page(app, client, make_user,
                                                                       login, monkeypatch):
    from web import database

    def no_database():
        raise RuntimeError("the database is gone")

    add_crashing_page(app, lambda: monkeypatch.setattr(database, "session", no_database))
    login(make_user())  # the page's header needs the user, so the database, again
    response = client.get("/boom")
    assert response.status_code == 500
    assert "Något gick fel hos oss" in response.get_data(as_text=True)


def test_a_script_endpoint_answers_every_error_in_json(app, client, make_user, login):
    login(make_user(tests_consent=True))
    missing = client.post("/uppgifter/finns-inte/utkast", data={"file:a.py": "x"})
    assert missing.status_code == 404 and missing.get_json()["saved"] is False
    too_large = client.post("/uppgifter/p1-summa-medel/utkast",
                            data={"file:medel.py": "x" * (3 * 1024 * 1024)})
    assert too_large.status_code == 413 and "för stor" in too_large.get_json()["message"]
    app.config["WTF_CSRF_ENABLED"] = True
    forged = client.post("/uppgifter/p1-summa-medel/utkast", data={"file:medel.py": "x"})
    assert forged.status_code == 400 and "Inget sparades" in forged.get_json()["message"]


def test_format_json_asks_for_json_errors_too(client, make_user, login):
    login(make_user())
    response = client.get("/uppgifter/inlamning/999?format=json")
    assert response.status_code == 404 and response.get_json()["ok"] is False
