"""Parts of pages that read a whole language tree are computed once per content change (issue 16)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from citypages.models import NewsPage
from pagecache import generation
from pagecache.context_processors import kept_fragments
from pagecache.generation import GENERATION_KEY, bump, current_generation, request_scope
from tests.citypages.admin_data import project_form
from tests.citypages.factories import CityPageFactory, CooperationProjectPageFactory
from tests.commitments.factories import serve

pytestmark = pytest.mark.django_db
CITY = "/en/cities/clermont-ferrand/"


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_city_page_reuses_its_suggestions_commitments_and_navigation(client, network, settings):
    settings.PAGE_CACHE_ENABLED = False  # every request rendered: only the fragments are kept
    first, html = queries_for(client, CITY)
    second, again = queries_for(client, CITY)
    assert again == html
    assert second <= first - 15  # 41 and 18 when written


def commitments_section(html):
    start = html.index('<section class="city-commitments"')
    return html[start : html.index("</section>", start)]


def test_a_change_refreshes_the_kept_fragments(client, network, settings):
    settings.PAGE_CACHE_ENABLED = False
    _queries, html = queries_for(client, CITY)
    assert "no project of the city serves it yet" in commitments_section(html)
    serve(network.project, network.declaration.commitments.get())
    _queries, html = queries_for(client, CITY)
    assert "Electric buses" in commitments_section(html)


def test_fragments_are_computed_each_time_when_switched_off(client, network, settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.PAGE_FRAGMENTS_CACHED = False
    first, _html = queries_for(client, CITY)
    second, _html = queries_for(client, CITY)
    assert second >= first - 2


def test_the_home_page_keeps_its_figures_listings_and_map_until_a_change(client, network, settings):
    settings.PAGE_CACHE_ENABLED = False
    first, html = queries_for(client, "/en/")
    second, again = queries_for(client, "/en/")
    assert again == html
    assert second <= first - 8  # the counts, listings, themes and map's cities are kept
    CityPageFactory(parent=network.tree.city_index, title="Shenyang", slug="shenyang", country="CN")
    _queries, html = queries_for(client, "/en/")
    assert "Shenyang" in html  # on the map and in the figures
    assert ">3</dd>" in html  # three member cities now


def test_the_city_map_of_the_index_follows_its_filters(client, network, settings):
    settings.PAGE_CACHE_ENABLED = False
    everywhere = client.get("/en/cities/").content.decode()
    in_china = client.get("/en/cities/?country=CN").content.decode()
    assert "Clermont-Ferrand" in everywhere and "Anshan" in everywhere
    assert '"Clermont-Ferrand"' not in in_china.split('id="city-map-')[1].split("</script>")[0]


def test_a_preview_shows_the_drafts_commitments_not_the_kept_ones(client, office, network, settings):
    settings.PAGE_CACHE_ENABLED = False
    project_url = "/en/cities/clermont-ferrand/electric-buses/"
    for _view in range(2):  # the project's commitments, kept: it serves none yet
        assert "Zero-emission public transport" not in client.get(project_url).content.decode()
    commitment = network.declaration.commitments.get()
    form = project_form(network.project, network.theme, commitments=[commitment.translation_key])
    del form["action-publish"]
    preview = f"/admin/pages/{network.project.pk}/edit/preview/"
    assert office.post(preview, form).json()["is_valid"]
    assert "Zero-emission public transport" in office.get(preview).content.decode()
    assert "Zero-emission public transport" not in client.get(project_url).content.decode()


def test_the_city_pages_card_sections_follow_the_content(client, network, settings):
    settings.PAGE_CACHE_ENABLED = False
    city = "/en/cities/clermont-ferrand/"
    for _view in range(2):
        assert "Tram line" not in client.get(city).content.decode()
    CooperationProjectPageFactory(parent=network.clermont, title="Tram line", slug="tram-line")
    assert "Tram line" in client.get(city).content.decode()
    NewsPage.objects.get(pk=network.news.pk).unpublish()
    assert "Buses arrive" not in client.get(city).content.decode()


def test_kept_parts_are_never_kept_for_a_preview_or_without_the_cache(rf, db, settings):
    request = rf.get("/")
    version = kept_fragments(request)["kept"]["version"]
    assert kept_fragments(request)["kept"]["timeout"] > 0
    bump()
    assert kept_fragments(request)["kept"]["version"] != version
    request.is_preview = True
    assert kept_fragments(request)["kept"]["timeout"] == 0
    settings.PAGE_FRAGMENTS_CACHED = False
    assert kept_fragments(rf.get("/"))["kept"]["timeout"] == 0


class CountingPageCache:
    """The page cache, counting the reads of the generation."""

    def __init__(self, pages):
        self.pages, self.generation_reads = pages, 0

    def get(self, key, *args, **kwargs):
        self.generation_reads += key == GENERATION_KEY
        return self.pages.get(key, *args, **kwargs)

    def get_many(self, keys, *args, **kwargs):
        self.generation_reads += GENERATION_KEY in keys
        return self.pages.get_many(keys, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.pages, name)


@pytest.mark.parametrize("page_cache_enabled", [True, False])
def test_a_request_reads_the_generation_once_whatever_its_page_keeps(client, network, settings, page_cache_enabled):
    settings.PAGE_CACHE_ENABLED = page_cache_enabled
    client.get(CITY)  # the city page keeps a dozen parts: navigation, languages, cards, suggestions, commitments
    bump()  # rendered again, each part read or kept anew
    counting = CountingPageCache(generation.page_cache())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(generation, "page_cache", lambda: counting)
        if page_cache_enabled:
            patch.setattr("pagecache.middleware.page_cache", lambda: counting)
        assert client.get(CITY).status_code == 200
    assert counting.generation_reads == 1


def test_a_change_made_in_a_request_is_seen_by_what_it_renders_next(db):
    with request_scope():
        before = current_generation()
        assert current_generation() == before
        bump()
        assert current_generation() != before
        assert current_generation() == generation.page_cache().get(GENERATION_KEY)
    bump()  # outside a request, every read asks the cache
    assert current_generation() == generation.page_cache().get(GENERATION_KEY)
