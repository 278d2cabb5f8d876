"""RSS and Atom feeds: for the network, a city and a theme, in each language with the listings' fallback."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def rss_items(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, {item.findtext("title"): item for item in channel.iter("item")}


def test_network_rss_in_english_uses_translations_and_falls_back_to_originals(client, clermont):
    channel, items = rss_items(client.get("/en/feeds/latest.rss"))
    assert channel.findtext("language") == "en"
    assert set(items) == {"A hydrogen bus line", "Fête du vélo", "Covoiturage entre villes jumelles"}
    assert (
        items["A hydrogen bus line"].findtext("link") == "http://testserver/en/cities/clermont-ferrand/bus-hydrogene/"
    )
    assert items["A hydrogen bus line"].findtext("description") == "The bus runs."
    # Newest first: the news of October, then September's.
    titles = [item.findtext("title") for item in channel.iter("item")]
    assert titles.index("A hydrogen bus line") < titles.index("Fête du vélo")


def test_network_feed_in_french_shows_the_french_text(client, clermont):
    _channel, items = rss_items(client.get("/fr/feeds/latest.rss"))
    assert "Une ligne de bus à hydrogène" in items and "A hydrogen bus line" not in items


def test_atom_marks_entries_not_in_the_feeds_language(client, clermont):
    response = client.get("/en/feeds/latest.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = {entry.findtext(f"{ATOM}title"): entry for entry in feed.iter(f"{ATOM}entry")}
    assert entries["Fête du vélo"].get(XML_LANG) == "fr"
    assert entries["A hydrogen bus line"].get(XML_LANG) is None
    assert entries["Fête du vélo"].findtext(f"{ATOM}author/{ATOM}name") == "Clermont-Ferrand"


def test_city_feed_has_only_that_citys_items(client, clermont, network_tree):
    from tests.citypages.factories import CityPageFactory, NewsPageFactory

    other = CityPageFactory(parent=network_tree.city_index, title="Greenville", slug="greenville", country="US")
    NewsPageFactory(parent=other, title="Greenville news", slug="greenville-news")
    channel, items = rss_items(client.get("/en/feeds/cities/clermont-ferrand.rss"))
    assert "Greenville news" not in items and "A hydrogen bus line" in items
    assert "Clermont-Ferrand" in channel.findtext("title")
    _channel, items = rss_items(client.get("/en/feeds/cities/greenville.rss"))
    assert set(items) == {"Greenville news"}


def test_theme_feed_has_only_that_themes_items(client, clermont):
    channel, items = rss_items(client.get("/fr/feeds/themes/mobility.rss"))
    assert set(items) == {"Covoiturage entre villes jumelles"}
    assert "Mobility" in channel.findtext("title")


@pytest.mark.parametrize(
    "url",
    ["/en/feeds/cities/atlantis.rss", "/en/feeds/themes/no-such-theme.atom", "/en/feeds/cities/atlantis/events.ics"],
)
def test_unknown_city_or_theme_is_a_404(client, clermont, url):
    assert client.get(url).status_code == 404


def test_pages_link_to_their_feeds(client, clermont):
    html = client.get("/en/cities/clermont-ferrand/").content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/en/feeds/latest.rss"' in html
    assert 'href="/en/feeds/cities/clermont-ferrand.atom"' in html
    assert 'href="/en/feeds/cities/clermont-ferrand/events.ics"' in html
    home = client.get("/en/").content.decode()
    assert 'href="/en/feeds/latest.atom"' in home and "feeds/cities/" not in home
