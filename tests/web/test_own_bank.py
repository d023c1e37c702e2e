"""The challenge bank is the one the settings name (``KODPROV_CHALLENGES``), here a bank of one."""

from __future__ import annotations

import shutil

import pytest

from assessor.infra.settings import PROJECT_ROOT

TASK = "p1-summa-medel"


@pytest.fixture
def app_config(tmp_path) -> dict:
    bank = tmp_path / "bank"
    shutil.copytree(PROJECT_ROOT / "challenges" / TASK, bank / TASK)
    return {"KODPROV_CHALLENGES": str(bank)}


def test_the_tasks_are_those_of_the_configured_bank_only(app, client, make_user, login):
    assert [c.id for c in app.extensions["kodprov_catalogue"].bank()] == [TASK]
    login(make_user(tests_consent=True))
    listing = client.get("/uppgifter/").get_data(as_text=True)
    assert f'href="/uppgifter/{TASK}"' in listing and "/uppgifter/p1-vokaler" not in listing
    assert client.get(f"/uppgifter/{TASK}").status_code == 200
    assert client.get("/uppgifter/p1-vokaler").status_code == 404
