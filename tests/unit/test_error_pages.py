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


def test_admins_see_a_loud_banner_while_the_process_sandbox_is_in_use(
        client, make_user, login, monkeypatch):
    import sandbox.backends

    login(make_user(role="admin"))
    monkeypatch.setattr(sandbox.backends._Shared, "warning", None)
    assert "utan Docker-sandlådan" not in client.get("/admin/").get_data(as_text=True)
    monkeypatch.setattr(sandbox.backends._Shared, "warning", "process backend in use")
    page = client.get("/admin/").get_data(as_text=True)
    assert "utan Docker-sandlådan" in page and "process backend in use" in page
