"""Small steps shared by browser tests."""

from __future__ import annotations

from assessor.demo import DEMO_PASSWORD


def log_in(page, base_url: str, email: str) -> None:
    """Log in through the login form."""
    page.goto(base_url + "/konto/logga-in")
    page.fill("#email", email)
    page.fill("#password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.click("#submit")


def set_language(page, locale: str) -> None:
    """Switch the interface language with the header button, if it is not already set."""
    if page.locator("html").get_attribute("lang") != locale:
        page.click(f"header button[value={locale}]")
        page.wait_for_load_state()

