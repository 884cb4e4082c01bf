"""What the browser journeys share: logging in through the real form, and the axe-core check."""

from civica.accounts.tests.factories import PASSWORD

from .conftest import axe_violations, describe_violations


def log_in(page, base, user):
    """Log ``user`` in through the log-in page (English) and wait for their account page."""
    page.goto(f"{base}/en/accounts/login/")
    form = page.locator("main form")
    form.locator("[name=login]").fill(user.email)
    form.locator("[name=password]").fill(PASSWORD)
    form.get_by_role("button", name="Sign In").click()
    page.wait_for_url(f"{base}/en/account/")


def accessible(page):
    """axe-core finds no serious or critical violation on the page as it is now."""
    blocking = axe_violations(page)
    assert not blocking, describe_violations(blocking)
