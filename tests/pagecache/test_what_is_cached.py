"""What visitors get from the page cache, and what is never cached (issue 16)."""

import pytest
from django.core.cache import caches
from django.test import Client

from pagecache import keys

from .conftest import cached

pytestmark = pytest.mark.django_db
PUBLIC_PAGES = [
    "/en/",
    "/en/cities/",
    "/en/cities/clermont-ferrand/",
    "/en/cities/clermont-ferrand/electric-buses/",
    "/en/cities/clermont-ferrand/buses-arrive/",
    "/en/themes/mobility/",
    "/en/declarations/queretaro/",
    "/en/feeds/latest.rss",
    "/en/feeds/events.ics",
    "/en/partners/",
    "/en/conferences/",
    "/sitemap.xml",
    "/api/v2/pages/?type=citypages.CityPage&fields=title",
]


def stored_entries():
    return sum(1 for key in caches["pages"]._cache if ":pagecache:page:" in key)


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_are_served_from_the_cache_with_revalidation_headers(visitor, network, url):
    first = visitor.get(url)
    assert first.status_code == 200, url
    assert "X-Page-Cache" not in first
    second = visitor.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    for response in (first, second):
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"
        assert response["ETag"] == first["ETag"] and len(first["ETag"]) == 42
        assert "Cookie" in response["Vary"]


def test_a_browser_revalidating_gets_a_304_on_a_miss_and_on_a_hit(visitor, network):
    url = "/en/cities/clermont-ferrand/"
    etag = visitor.get(url)["ETag"]
    caches["pages"].clear()
    miss = visitor.get(url, headers={"If-None-Match": etag})
    hit = visitor.get(url, headers={"If-None-Match": etag})
    assert (miss.status_code, hit.status_code) == (304, 304)
    assert hit["X-Page-Cache"] == "hit" and hit.content == b""
    assert visitor.get(url, headers={"If-None-Match": '"another"'}).status_code == 200


def test_head_is_answered_from_the_cache_without_a_body(visitor, network):
    cached(visitor, "/en/cities/")
    response = visitor.head("/en/cities/")
    assert response["X-Page-Cache"] == "hit" and response.content == b""


def test_each_language_has_its_own_entry(visitor, network):
    english, french = cached(visitor, "/en/cities/"), cached(visitor, "/fr/cities/")
    assert '<html lang="en">' in english and '<html lang="fr">' in french


def test_filters_are_keyed_exactly(visitor, network):
    asia = cached(visitor, "/en/cities/?continent=asia")
    europe = cached(visitor, "/en/cities/?continent=europe")
    assert "Anshan" in asia and "Clermont-Ferrand" not in asia.split("<table")[1]
    assert "Clermont-Ferrand" in europe.split("<table")[1] and "Anshan" not in europe.split("<table")[1]


def test_not_found_and_errors_are_answered_but_not_stored(visitor, network):
    before = stored_entries()
    for path in ("/en/cities/atlantis/", "/en/cities/?continent=atlantis"):
        for _ in range(2):
            response = visitor.get(path)
            assert response.status_code in (400, 404) and "X-Page-Cache" not in response
    assert stored_entries() == before  # random paths cannot fill the cache either


def test_signed_in_editors_never_get_or_fill_the_cache(visitor, office, network):
    url = "/en/cities/clermont-ferrand/"
    anonymous = cached(visitor, url)
    for _ in range(2):
        response = office.get(url)
        assert "X-Page-Cache" not in response
        assert set(response["Cache-Control"].split(", ")) == {"no-cache", "private"}
    assert office.get(url).content.decode() != anonymous or "userbar" not in anonymous
    before = stored_entries()
    office.get("/en/cities/anshan/")
    assert stored_entries() == before


def test_a_form_with_its_token_and_what_follows_a_post_are_never_cached(visitor, network):
    network.clermont.contact_email = "mayor@clermont.example"
    network.clermont.save_revision().publish()
    url = f"/en/contact/{network.clermont.pk}/"
    for _ in range(2):
        response = visitor.get(url)
        assert response.status_code == 200 and "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
    assert visitor.post(url, {}).status_code in (200, 400)
    assert "X-Page-Cache" not in visitor.post(url, {})


def test_a_response_that_sets_a_cookie_is_not_stored(visitor, network):
    visitor.get(f"/en/contact/{network.clermont.pk}/")  # a form: the CSRF cookie is set
    before = stored_entries()
    visitor.get("/en/cities/anshan/")  # the visitor now has a csrftoken cookie: harmless, the page is still cached
    assert stored_entries() == before + 1


def test_a_visitor_with_messages_waiting_is_not_served_from_the_cache(visitor, network):
    cached(visitor, "/en/cities/")
    visitor.cookies["messages"] = "a-signed-message"
    assert "X-Page-Cache" not in visitor.get("/en/cities/")


def test_search_and_the_admin_are_never_cached(visitor, office, network):
    for _ in range(2):
        assert "X-Page-Cache" not in visitor.get("/en/search/", {"q": "buses"})
        assert "X-Page-Cache" not in office.get("/admin/")
    preview = office.get(f"/admin/pages/{network.project.pk}/edit/preview/")
    assert "X-Page-Cache" not in preview


def test_random_query_strings_do_not_fill_the_cache(visitor, network):
    before = stored_entries()
    for number in range(50):
        response = visitor.get("/en/cities/", {f"utm_{number}": "x", "continent": "asia"})
        assert response.status_code == 200 and "X-Page-Cache" not in response
    assert visitor.get("/en/cities/?" + "&".join(f"p{n}=v" for n in range(10_000))).status_code in (200, 400)
    assert visitor.get("/en/cities/", {"page": "9" * 600}).status_code in (200, 404)
    assert stored_entries() == before


def test_an_entry_of_another_release_is_never_served(visitor, network, monkeypatch):
    cached(visitor, "/en/cities/")
    keys.release.cache_clear()
    monkeypatch.setenv("CITYNET_RELEASE", "the-next-deploy")
    try:
        assert "X-Page-Cache" not in visitor.get("/en/cities/")
        assert visitor.get("/en/cities/")["X-Page-Cache"] == "hit"
    finally:
        keys.release.cache_clear()


def test_the_release_follows_the_code(monkeypatch):
    monkeypatch.delenv("CITYNET_RELEASE", raising=False)
    keys.release.cache_clear()
    try:
        assert len(keys.release()) == 16
        assert keys.release() == keys.release()
    finally:
        keys.release.cache_clear()


def test_the_cache_can_be_switched_off(visitor, network, settings):
    settings.PAGE_CACHE_ENABLED = False
    for _ in range(2):
        response = Client().get("/en/cities/")
        assert "X-Page-Cache" not in response and "private" in response["Cache-Control"]
