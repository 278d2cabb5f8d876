"""Keyboard use (skip link, visible focus, search suggestions) and a project page on paper."""

import re

from playwright.sync_api import expect

FOCUS_STOPS = 30


def focus_is_visible(page):
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
            return outlined || style.boxShadow !== "none";
        }"""
    )


def focused_element(page):
    return page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")


def test_the_skip_link_comes_first_and_leads_to_the_content(page, public_pages):
    page.goto(public_pages[("project", "fr")])
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_every_focus_stop_is_visibly_marked(page, public_pages):
    page.goto(public_pages[("home", "en")])
    unmarked = []
    for _ in range(FOCUS_STOPS):
        page.keyboard.press("Tab")
        if not focus_is_visible(page):
            unmarked.append(focused_element(page))
    assert not unmarked, "focus not visible on:\n" + "\n".join(unmarked)


def test_search_suggestions_work_from_the_keyboard(page):
    page.goto("/en/search/")
    box = page.locator("#q")
    box.focus()
    page.keyboard.type("mobil", delay=50)
    options = page.locator("#q-suggestions [role=option]")
    expect(options.first).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    target = options.first.get_attribute("data-url")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))


def test_a_project_page_prints_its_text_and_facts_without_navigation(page, public_pages, report):
    page.goto(public_pages[("project", "en")])
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".city-map", ".language-switcher"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".facts")).to_be_visible()
    pdf = page.pdf(path=str(report.directory / "project--en--print.pdf"), format="A4")
    assert pdf.startswith(b"%PDF")
