"""sitemap.xml lists every page in every language it is really written or translated in, with alternates;
robots.txt points to it."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap_urls(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext(f"{SITEMAP}loc"): {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        for url in root.iter(f"{SITEMAP}url")
    }


def test_sitemap_lists_originals_and_translations_not_aliases(client, clermont):
    urls = sitemap_urls(client)
    news = "http://localhost/fr/cities/clermont-ferrand/bus-hydrogene/"
    english = "http://localhost/en/cities/clermont-ferrand/bus-hydrogene/"
    assert news in urls and english in urls
    assert urls[news] == {"fr": news, "en": english, "x-default": english}
    # The untranslated item is listed once, in French; its aliases in other trees are not.
    assert "http://localhost/fr/cities/clermont-ferrand/fete-du-velo/" in urls
    assert "http://localhost/en/cities/clermont-ferrand/fete-du-velo/" not in urls
    assert urls["http://localhost/fr/cities/clermont-ferrand/fete-du-velo/"] == {}
    assert "http://localhost/zh-hans/" in urls  # the home pages are translations


def test_sitemap_leaves_out_unpublished_pages(client, clermont):
    clermont["untranslated"].unpublish()
    assert "http://localhost/fr/cities/clermont-ferrand/fete-du-velo/" not in sitemap_urls(client)


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
