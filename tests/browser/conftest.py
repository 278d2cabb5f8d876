"""Browser suite: Debian's Chromium driven by Playwright against the seeded network served by gunicorn.

Run with ``make test-browser``. Chromium must be the system's (``/usr/bin/chromium``, Debian's package): the
suite never downloads a browser. ``BROWSER_SITE_DIR`` keeps the served site's directory between runs (seeding
is idempotent, so a second run starts in seconds); ``BROWSER_REPORT_DIR`` (default ``var/browser-report``)
receives the screenshots and the accessibility report.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests.browser import served_site
from tests.browser.report import BrowserReport
from tests.browser.site_map import discover_public_pages

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
REPORT_DIR = Path(os.environ.get("BROWSER_REPORT_DIR", served_site.ROOT / "var" / "browser-report"))
SUMMARY = pytest.StashKey[list]()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    kept = os.environ.get("BROWSER_SITE_DIR")
    var_dir = Path(kept) if kept else tmp_path_factory.mktemp("served-site")
    try:
        served = served_site.start(var_dir)
    except served_site.SiteError as error:
        pytest.fail(str(error), pytrace=False)
    yield served
    served_site.stop(served)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's package (apt-get install chromium).", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, site):
    context = browser.new_context(base_url=site.base_url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    errors, refused = [], []
    tab = context.new_page()
    tab.on("pageerror", lambda error: errors.append(str(error)))
    # What the Content-Security-Policy blocks is reported on the console (cms/security.py): none may be.
    tab.on("console", lambda message: "Content Security Policy" in message.text and refused.append(message.text))
    yield tab
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"
    assert not refused, f"Refused by the Content-Security-Policy: {refused}"


@pytest.fixture(scope="session")
def public_pages(site):
    return discover_public_pages(site)


@pytest.fixture(scope="session")
def report(site, request):
    if REPORT_DIR.exists():
        shutil.rmtree(REPORT_DIR)
    collected = BrowserReport(REPORT_DIR)
    yield collected
    collected.write(site.log_path)
    request.config.stash[SUMMARY] = collected.summary_lines()


def pytest_terminal_summary(terminalreporter):
    lines = terminalreporter.config.stash.get(SUMMARY, None)
    if lines:
        terminalreporter.section("accessibility and server times")
        for line in lines:
            terminalreporter.write_line(line)
