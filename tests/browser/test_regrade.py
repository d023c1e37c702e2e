"""In Chromium: the admin chooses a task, sees how many hand-ins a regrade takes, starts it,
and the page follows the progress by itself until every hand-in has been checked again."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from assessor.models import RegradeItem, RegradeRun, Submission
from tests.app_settings import catalogue
from tests.browser.helpers import log_in

pytestmark = pytest.mark.browser

ADMIN = "admin@demo.kodprov.se"
TASK = "p1-biljettpris"  #: the demo candidate handed in a known-wrong solution


def test_the_admin_starts_a_regrade_and_sees_it_reach_done(live_server, page):
    log_in(page, live_server, ADMIN)
    page.goto(live_server + "/admin/")
    page.get_by_role("link", name="Omrättning").click()
    page.wait_for_url("**/admin/omrattning")
    page.get_by_label("Uppgift").select_option(TASK)
    with page.expect_navigation():
        page.get_by_role("button", name="Räkna inlämningarna").click()
    count = page.locator("[data-regrade-count]")
    expect(count).to_contain_text("rättas igen")
    assert int(count.get_attribute("data-regrade-count")) >= 1
    with page.expect_navigation():
        page.get_by_role("button", name="Starta omrättningen").click()
    page.wait_for_url(re.compile(r".*/admin/omrattning/\d+$"))
    title = catalogue.title(TASK, "sv")
    expect(page.get_by_role("heading", name=f"Omrättning av {title}")).to_be_visible()
    # the grading runs in the sandbox meanwhile; the page asks again by itself
    expect(page.get_by_text("Klart: alla inlämningar har rättats igen.")).to_be_visible(
        timeout=120_000)
    expect(page.locator('[data-count="waiting"]')).to_have_text("0")
    total = int(page.locator('[data-count="total"]').inner_text())
    done = int(page.locator('[data-count="done"]').inner_text())
    failed = int(page.locator('[data-count="failed"]').inner_text())
    assert total >= 1 and done + failed == total
    page.get_by_role("link", name="Alla omrättningar").click()
    page.wait_for_url("**/admin/omrattning")
    expect(page.locator("[data-run]").first).to_contain_text(title)


def test_the_run_page_redraws_itself_when_a_worker_finishes_a_hand_in(live_server, live_app,
                                                                     page):
    """The worker is played by the test: the hand-in waits until the page is open, then gets
    a new score; the page shows it without a reload."""
    database = live_app.extensions["kodprov_db"]
    with database.session() as session:
        submission = session.scalars(sa.select(Submission).where(
            Submission.challenge_id == "p1-vokaler", Submission.status == "graded")
            .order_by(Submission.id)).first()
        submission_id, score = submission.id, submission.score
        submission.status = "queued"
        run = RegradeRun(challenge_id="p1-vokaler", started_by_role="admin",
                         items=[RegradeItem(submission_id=submission_id, old_score=score)])
        session.add(run)
        session.commit()
        run_id = run.id
    database.session.remove()
    try:
        log_in(page, live_server, ADMIN)
        page.goto(f"{live_server}/admin/omrattning/{run_id}")
        expect(page.get_by_text("Inlämningarna rättas nu.")).to_be_visible()
        expect(page.locator('[data-count="waiting"]')).to_have_text("1")
        with database.session() as session:
            session.execute(sa.update(Submission).where(Submission.id == submission_id)
                            .values(status="graded", score=0.0))
            session.commit()
        database.session.remove()
        expect(page.get_by_text("Klart: alla inlämningar har rättats igen.")).to_be_visible()
        row = page.locator(f'[data-change="{submission_id}"]')
        expect(row).to_contain_text(f"{round(score * 100)} %")
        expect(row).to_contain_text("0 %")
        expect(page.locator('[data-count="changed"]')).to_have_text("1")
    finally:
        with database.session() as session:
            session.execute(sa.update(Submission).where(Submission.id == submission_id)
                            .values(status="graded", score=score))
            session.execute(sa.delete(RegradeRun).where(RegradeRun.id == run_id))
            session.commit()
        database.session.remove()
