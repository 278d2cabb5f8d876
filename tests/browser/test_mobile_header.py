"""The header on a phone: the menu and the languages behind a Menu button, usable by keyboard (issue 17)."""

from playwright.sync_api import expect

from tests.browser import axe

PHONE = {"width": 390, "height": 844}


def test_on_a_phone_the_content_starts_near_the_top(page, public_pages, report):
    page.set_viewport_size(PHONE)
    page.goto(public_pages[("city", "fr")])
    button = page.locator(".menu-button")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator(".language-switcher")).to_be_hidden()
    assert page.locator(".site-header").bounding_box()["height"] < 100
    assert page.locator("main h1").bounding_box()["y"] < 200
    page.screenshot(path=report.screenshot_dir / "mobile-header--fr--390px-folded.png")


def test_the_menu_opens_and_closes_from_the_keyboard_and_passes_the_audit(page, public_pages, report):
    page.set_viewport_size(PHONE)
    page.goto(public_pages[("city", "fr")])
    button = page.locator(".menu-button")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".site-nav")).to_be_visible()
    english = page.get_by_role("navigation", name="Langues").locator('a[hreflang="en"]')
    expect(english).to_be_visible()
    page.screenshot(path=report.screenshot_dir / "mobile-header--fr--390px-open.png")
    blocking = axe.blocking(axe.audit(page))
    assert not blocking, axe.describe(blocking)

    page.keyboard.press("Tab")  # into the menu
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()

    button.click()
    english.click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_on_a_wide_screen_everything_is_shown_and_the_button_hidden(page, public_pages):
    page.goto(public_pages[("city", "en")])
    expect(page.locator(".menu-button")).to_be_hidden()
    expect(page.locator(".site-nav")).to_be_visible()
    expect(page.locator(".language-switcher")).to_be_visible()
    page.set_viewport_size(PHONE)  # turning a tablet, resizing a window
    expect(page.locator(".menu-button")).to_be_visible()
    expect(page.locator(".site-nav")).to_be_hidden()
