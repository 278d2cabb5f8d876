"""Every public page in a few queries, as many with 40 cities as with 5 (issue 16, part 2).

Two cases, both without the page cache: a page right after a content change, when every part of it is worked out
again (``uncached``: no kept fragment, route or view restriction either), which must not grow with the network;
and the next views of it, with what the content generation keeps, which must also stay within ``QUERY_BUDGET``.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.citypages.factories import (
    CityPageFactory,
    CooperationProjectPageFactory,
    EventPageFactory,
    NewsPageFactory,
)
from tests.pagecache.conftest import build_network

# Scale checks with 5 and 40 cities: in make test and CI, not in the edit-test loop (make test-quick).
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

QUERY_BUDGET = 12


def page_urls(network):
    event = EventPageFactory(
        parent=network.clermont, title="Summit", slug="summit", is_network_conference=True, conference_number=9
    )
    return {
        "home": "/en/",
        "city index": "/en/cities/",
        "city": network.clermont.url,
        "project": network.project.url,
        "news": network.news.url,
        "event": event.url,
        "theme": "/en/themes/mobility/",
        "conferences": "/en/conferences/",
        "find partners": "/en/partners/",
        "all news": "/en/news/",
        "all news, filtered": "/en/news/?theme=mobility&year=2024",
        "all events": "/en/events/",
        "all themes": "/en/themes/",
        "documents": "/en/documents/",
        "declarations": network.declaration.get_parent().url,
        "declaration": network.declaration.url,
        "home in French": "/fr/",
        "city index in French": "/fr/cities/",
    }


def grow(network, cities):
    for _ in range(cities):
        city = CityPageFactory(parent=network.tree.city_index)
        CooperationProjectPageFactory(parent=city, themes=[network.theme])
        NewsPageFactory(parent=city)
        EventPageFactory(parent=city)
    for _ in range(10):  # the city page's own section grows too
        CooperationProjectPageFactory(parent=network.clermont, themes=[network.theme])
        NewsPageFactory(parent=network.clermont)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured]


def measure(client, settings, urls):
    """{page: (queries right after a change, queries of the next views)}."""
    measured = {}
    for name, url in urls.items():
        settings.PAGE_FRAGMENTS_CACHED = False
        client.get(url)  # per-process caches (content types, site root paths), as on a running server
        after_a_change = queries(client, url)
        settings.PAGE_FRAGMENTS_CACHED = True
        client.get(url)  # the first view after a change keeps what the next ones reuse
        measured[name] = (after_a_change, queries(client, url))
    return measured


def test_every_public_page_in_a_few_queries_whatever_the_network_size(client, db, settings):
    settings.PAGE_CACHE_ENABLED = False
    network = build_network()
    urls = page_urls(network)
    grow(network, 4)
    with_5 = measure(client, settings, urls)
    grow(network, 35)
    with_40 = measure(client, settings, urls)
    report = "\n".join(
        f"{name}: after a change {len(with_5[name][0])} → {len(with_40[name][0])}, "
        f"next views {len(with_5[name][1])} → {len(with_40[name][1])}"
        for name in urls
    )
    for name in urls:
        assert len(with_40[name][0]) == len(with_5[name][0]), report
        assert len(with_40[name][1]) == len(with_5[name][1]), report
        assert len(with_40[name][1]) <= QUERY_BUDGET, report + "\n\n" + "\n".join(sql[:150] for sql in with_40[name][1])
