"""Listing pages cost the same number of queries whatever the size of the network."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.citypages.factories import (
    CityPageFactory,
    CooperationProjectPageFactory,
    EventPageFactory,
    NewsPageFactory,
)

# Scale checks with 5 and 40 cities: in make test and CI, not in the edit-test loop (make test-quick).
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def add_cities(tree, count):
    for _ in range(count):
        city = CityPageFactory(parent=tree.city_index)
        CooperationProjectPageFactory(parent=city)
        NewsPageFactory(parent=city)
        EventPageFactory(parent=city)
    return city


def queries_for(client, path):
    client.get(path)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", ["/en/", "/en/cities/"])
def test_network_pages_do_not_grow_with_the_number_of_cities(client, network_tree, path, uncached):
    add_cities(network_tree, 5)
    with_5 = queries_for(client, path)
    add_cities(network_tree, 35)
    assert queries_for(client, path) == with_5


def test_city_page_does_not_grow_with_its_content_or_the_network(
    client, network_tree, django_assert_max_num_queries, uncached
):
    city = add_cities(network_tree, 5)
    path = city.url
    with_5 = queries_for(client, path)
    add_cities(network_tree, 35)
    for _ in range(10):
        CooperationProjectPageFactory(parent=city)
        NewsPageFactory(parent=city)
    assert queries_for(client, path) == with_5
    with django_assert_max_num_queries(with_5):
        client.get(path)
