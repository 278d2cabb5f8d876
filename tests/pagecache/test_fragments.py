"""Parts of pages that read a whole language tree are computed once per content change (issue 16)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
