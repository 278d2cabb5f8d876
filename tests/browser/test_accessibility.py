"""Every public page type in English, French and Chinese: no serious or critical axe violation, usable 360 px
wide (nothing wider than the screen), and a screenshot at 360 and 1280 px for the report."""

import pytest

from tests.browser import axe
from tests.browser.site_map import LANGUAGES

PAGE_KINDS = (
    "home",
    "city index",
    "city",
    "project",
    "news",
    "event",
    "theme",
    "conferences",
    "all news",
    "all events",
    "all themes",
    "documents",
    "about",
    "declarations",
    "declaration",
    "search",
    "partners",
    "contact",
)
PHONE, DESKTOP = 360, 1280


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_is_accessible_on_phone_and_desktop(page, public_pages, report, kind, language):
    path = public_pages[(kind, language)]
    response = page.goto(path, wait_until="load")
    assert response.status == 200, f"{path} answered {response.status}"
    assert page.locator("html").get_attribute("lang") == language

    violations = axe.audit(page)
    shots = []
    for width in (DESKTOP, PHONE):
        page.set_viewport_size({"width": width, "height": 900})
        shot = report.screenshot_path(kind, language, width)
        page.screenshot(path=str(shot), full_page=True)
        shots.append(shot)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    report.record(kind, language, path, violations, shots)

    assert not axe.blocking(violations), f"{path}:\n{axe.describe(axe.blocking(violations))}"
    assert overflow <= 0, f"{path} is {overflow} px wider than a {PHONE} px screen"
