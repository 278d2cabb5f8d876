"""Open Graph and schema.org JSON-LD on pages, as link previews and search engines read them."""

import json
import re

import pytest

pytestmark = pytest.mark.django_db


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1, blocks
    return json.loads(blocks[0])


def og(html):
    return dict(re.findall(r'<meta property="([^"]+)" content="([^"]*)">', html))


def test_news_is_a_news_article_in_the_language_of_its_text(client, clermont):
    html = client.get("/en/cities/clermont-ferrand/fete-du-velo/").content.decode()
    data = json_ld(html)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Fête du vélo" and data["inLanguage"] == "fr"  # an untranslated item
    assert data["datePublished"] == "2026-09-01"
    assert data["contentLocation"]["@type"] == "City" and data["contentLocation"]["name"] == "Clermont-Ferrand"
    assert data["url"] == "http://localhost/en/cities/clermont-ferrand/fete-du-velo/"
    translated = json_ld(client.get("/en/cities/clermont-ferrand/bus-hydrogene/").content.decode())
    assert translated["headline"] == "A hydrogen bus line" and translated["inLanguage"] == "en"


def test_event_has_dates_and_a_place_in_its_city(client, clermont):
    data = json_ld(client.get("/fr/cities/clermont-ferrand/forum/").content.decode())
    assert data["@type"] == "Event" and data["name"] == "Forum des mobilités"
    assert data["startDate"] == clermont["event"].start.isoformat()
    assert data["location"] == {
        "@type": "Place",
        "name": "Polydome, Clermont-Ferrand",
        "containedInPlace": {
            "@type": "City",
            "name": "Clermont-Ferrand",
            "url": "http://localhost/fr/cities/clermont-ferrand/",
            "address": {"@type": "PostalAddress", "addressCountry": "FR"},
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": float(clermont["city"].latitude),
                "longitude": float(clermont["city"].longitude),
            },
        },
    }


def test_city_profile_is_a_place_with_coordinates(client, clermont):
    data = json_ld(client.get("/fr/cities/clermont-ferrand/").content.decode())
    assert data["@type"] == "City" and data["address"]["addressCountry"] == "FR"
    assert data["geo"]["latitude"] == float(clermont["city"].latitude)


def test_open_graph_describes_the_page_for_link_previews(client, clermont):
    tags = og(client.get("/en/cities/clermont-ferrand/bus-hydrogene/").content.decode())
    assert tags["og:title"] == "A hydrogen bus line"
    assert tags["og:type"] == "article"
    assert tags["og:url"] == "http://localhost/en/cities/clermont-ferrand/bus-hydrogene/"
    assert tags["og:locale"] == "en_GB"
    assert tags["og:description"] == "The bus runs."
    assert og(client.get("/zh-hans/").content.decode())["og:locale"] == "zh_CN"


def test_json_ld_cannot_close_its_script_element(client, clermont):
    news = clermont["untranslated"]
    news.title = "Vélo </script><script>alert(1)</script>"
    news.save_revision().publish()
    html = client.get("/fr/cities/clermont-ferrand/fete-du-velo/").content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["headline"] == "Vélo </script><script>alert(1)</script>"


def test_home_page_describes_the_network(client, clermont):
    data = json_ld(client.get("/fr/").content.decode())
    assert data["@type"] == "Organization" and data["inLanguage"] == "fr"
