"""A visitor's paths through the network: languages, search, the map and the list of cities, the feeds."""

import re
import urllib.parse
import xml.etree.ElementTree as ElementTree

import pytest
from PIL import Image
from playwright.sync_api import expect

ATOM = "{http://www.w3.org/2005/Atom}"


def test_switching_language_stays_on_the_same_page(page, public_pages):
    page.goto(public_pages[("project", "en")])
    switcher = page.get_by_role("navigation", name="Languages")

    switcher.locator('a[hreflang="fr"]').click()
    expect(page).to_have_url(re.compile(re.escape(public_pages[("project", "fr")]) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    page.get_by_role("navigation", name="Langues").locator('a[hreflang="zh-hans"]').click()
    expect(page).to_have_url(re.compile(re.escape(public_pages[("project", "zh-hans")]) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")


def test_language_switcher_is_reachable_by_keyboard(page, public_pages):
    page.goto(public_pages[("city", "en")])
    french = page.locator('.language-switcher a[hreflang="fr"]')
    for _ in range(40):
        page.keyboard.press("Tab")
        if french.evaluate("link => link === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reached the French link of the language switcher")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(public_pages[("city", "fr")]) + "$"))


def results_count(page):
    summary = page.locator(".search-summary").inner_text()
    return int(re.search(r"\d+", summary.replace("\u202f", "").replace("\xa0", "")).group())


def test_search_in_french_with_a_facet_then_open_a_result(page):
    page.goto("/fr/search/")
    box = page.get_by_role("combobox", name="Rechercher des projets, actualités, événements et villes")
    box.fill("mobilité")
    box.press("Enter")
    expect(page.locator(".search-summary")).to_contain_text("mobilité")
    everything = results_count(page)
    assert everything > 1

    facet = page.locator(".facet").first.locator("a").first
    facet_label = facet.inner_text()
    facet.click()
    expect(page.locator(".facet--selected", has_text=facet_label)).to_be_visible()
    narrowed = results_count(page)
    assert 0 < narrowed <= everything

    first = page.locator(".results .card__title a").first
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(title)


def test_search_in_chinese_from_the_footer_then_open_a_result(page):
    page.goto("/zh-hans/")
    box = page.locator("#footer-q")
    box.fill("交通")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/zh-hans/search/\?q="))
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["q"] == ["交通"]
    assert results_count(page) > 0
    first = page.locator(".results .card__title a").first
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")


def test_a_city_is_reached_from_the_map(page, public_pages):
    """By keyboard: a group of nearby cities zooms in with Enter, a city opens its popup with Enter."""
    page.goto(public_pages[("city index", "en")])
    city_marker = page.locator(".leaflet-marker-icon.city-marker").first
    for _ in range(10):
        if city_marker.is_visible():
            break
        page.locator(".leaflet-marker-icon.city-cluster").first.focus()
        page.keyboard.press("Enter")
        page.wait_for_timeout(600)  # the zoom animation
    else:
        raise AssertionError("Zooming into groups of cities never showed a single city")
    name = city_marker.get_attribute("title")
    city_marker.focus()
    page.keyboard.press("Enter")
    popup_link = page.locator(".leaflet-popup-content a")
    expect(popup_link).to_have_text(name)
    popup_link.click()
    expect(page.locator("h1")).to_have_text(name)


def test_the_network_map_shows_every_city_of_the_list(page, public_pages):
    page.goto(public_pages[("city index", "en")])
    rows = page.locator(".city-table tbody tr").count()
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    shown = page.evaluate(
        """() => [...document.querySelectorAll(".leaflet-marker-icon")].reduce((total, icon) => total + (
            icon.classList.contains("city-cluster") ? Number(icon.querySelector("[aria-hidden]").textContent) : 1
        ), 0)"""
    )
    assert shown == rows > 30
    label = page.locator(".city-cluster .visually-hidden").first.inner_text()
    assert label.startswith("Cities grouped here:")


def map_colours(page, selector, report, name):
    """The share of the map's pixels in the sea's and the land's colours (citynet.css), from its screenshot."""
    path = report.screenshot_dir / f"{name}.png"
    page.locator(selector).first.screenshot(path=path)
    image = Image.open(path).convert("RGB")
    counts = {colour: count for count, colour in image.getcolors(maxcolors=image.width * image.height)}
    pixels = image.width * image.height
    return counts.get((0xCF, 0xE0, 0xEE), 0) / pixels, counts.get((0xF3, 0xF0, 0xE7), 0) / pixels


@pytest.mark.parametrize("kind", ["home", "project"])
def test_without_a_tile_server_the_maps_show_land_and_sea(page, public_pages, report, kind):
    page.goto(public_pages[(kind, "en")])
    expect(page.locator(".city-map__canvas path.city-map__land").first).to_be_attached()
    expect(page.locator(".city-map__canvas path.city-map__border").first).to_be_attached()
    page.wait_for_timeout(300)  # the markers' fade-in
    sea, land = map_colours(page, ".city-map__canvas", report, f"map-{kind}-en")
    assert sea > 0.05 and land > 0.05, (sea, land)
    expect(page.locator(".leaflet-control-attribution")).to_contain_text("Natural Earth")


def test_zoomed_in_on_a_country_the_map_draws_finer_outlines(page, public_pages):
    page.goto(public_pages[("home", "en")])
    expect(page.locator(".city-map__canvas path.city-map__land").first).to_be_attached()
    with page.expect_response(re.compile(r"/vendor/world-atlas/countries-50m")) as finer:
        for _ in range(4):
            page.locator(".leaflet-control-zoom-in").first.click()
            page.wait_for_timeout(400)  # the zoom animation
    assert finer.value.ok
    expect(page.locator(".city-map__canvas path.city-map__land").first).to_be_attached()


def test_a_city_is_reached_from_the_list(page, public_pages):
    page.goto(public_pages[("city index", "fr")])
    page.locator(".city-table").get_by_role("link", name="Anshan").click()
    expect(page).to_have_url(re.compile(re.escape(public_pages[("city", "fr")]) + "$"))


def test_the_project_map_joins_the_lead_city_to_its_partners(page, public_pages):
    page.goto(public_pages[("project", "en")])
    expect(page.locator(".city-marker--lead")).to_have_count(1)
    partners = page.locator(".leaflet-marker-icon:not(.city-marker--lead)").count()
    expect(page.locator("path.city-map__link")).to_have_count(partners)


def test_feed_links_lead_to_valid_xml(page, public_pages):
    page.goto(public_pages[("city", "fr")])
    rss = page.locator('link[rel="alternate"][type="application/rss+xml"]').first.get_attribute("href")
    atom = page.locator('link[rel="alternate"][type="application/atom+xml"]').first.get_attribute("href")

    rss_response = page.request.get(rss)
    assert rss_response.ok
    assert "xml" in rss_response.headers["content-type"]
    channel = ElementTree.fromstring(rss_response.body()).find("channel")
    assert channel.find("language").text.startswith("fr")
    assert len(channel.findall("item")) > 0

    atom_response = page.request.get(atom)
    assert atom_response.ok
    feed = ElementTree.fromstring(atom_response.body())
    assert feed.tag == f"{ATOM}feed"
    assert len(feed.findall(f"{ATOM}entry")) > 0


def test_a_visitor_writes_to_a_projects_contact_person_without_seeing_the_address(page, public_pages):
    page.goto(public_pages[("project", "fr")])
    assert "@anshan.example" not in page.content()
    page.get_by_role("link", name="Écrire à la personne à contacter").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.get_by_label("Votre nom").fill("Camille Martin")
    page.get_by_label("Votre adresse e-mail").fill("camille@example.org")
    page.get_by_label("Votre message").fill("Bonjour, notre ville aimerait rejoindre ce projet l’an prochain.")
    page.wait_for_timeout(3_100)  # a form sent back within 3 s is refused as a bot's
    page.get_by_role("button", name="Envoyer").click()
    expect(page.get_by_role("status")).to_contain_text("Merci")
    assert "@anshan.example" not in page.content()
