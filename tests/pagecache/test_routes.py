"""Pages found from the kept route: the same page, status and checks as Wagtail's own routing (issue 16)."""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from tests.citypages.factories import CooperationProjectPageFactory

pytestmark = pytest.mark.django_db
PROJECT = "/en/cities/clermont-ferrand/electric-buses/"


@pytest.fixture(autouse=True)
def _rendered_each_time(settings):
    settings.PAGE_CACHE_ENABLED = False  # only the kept routes, fragments and restrictions


def fragment_keys():
    return {key for key in cache._cache if ":pagecache:fragment:route:" in key}


@pytest.mark.parametrize(
    "url",
    [
        "/en/cities/anshan/electric-buses/",  # a project slug, under another city
        "/en/electric-buses/",  # a deep page's slug, right under the home page
        "/en/cities/clermont-ferrand/electric-buses/more/",
        "/en/cities/clermont-ferrand/nothing-here/",
    ],
)
def test_an_address_that_names_no_page_is_a_404_before_and_after_its_neighbours_are_kept(client, network, url):
    assert client.get(PROJECT).status_code == 200
    assert client.get(PROJECT).status_code == 200
    assert client.get(url).status_code == 404
    assert client.get(url).status_code == 404


def test_addresses_that_name_no_page_keep_nothing(client, network):
    client.get("/en/")
    before = fragment_keys()
    for number in range(50):
        assert client.get(f"/en/cities/nowhere-{number}/").status_code == 404
        assert client.get(f"/en/themes/no-theme-{number}/").status_code == 404
    assert fragment_keys() == before


def test_a_kept_route_still_checks_view_restrictions(client, network):
    assert client.get(PROJECT).status_code == 200
    assert client.get(PROJECT).status_code == 200  # the route is kept
    PageViewRestriction.objects.create(page=network.clermont, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(PROJECT)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert "Electric buses" not in client.get("/en/cities/clermont-ferrand/").content.decode()


def test_a_page_moved_or_unpublished_after_its_route_was_kept(client, network):
    assert client.get(PROJECT).status_code == 200
    network.project.unpublish()
    assert client.get(PROJECT).status_code == 404
    other = CooperationProjectPageFactory(parent=network.anshan, title="Shared bikes", slug="shared-bikes")
    assert client.get(other.url).status_code == 200
    other.move(network.clermont, pos="last-child")
    old_address = client.get("/en/cities/anshan/shared-bikes/")  # Wagtail's redirect from where it was
    assert old_address.status_code == 301 and old_address["Location"] == "/en/cities/clermont-ferrand/shared-bikes/"
    assert client.get("/en/cities/clermont-ferrand/shared-bikes/").status_code == 200


def test_a_theme_page_is_routed_from_the_kept_home_page(client, network, django_assert_max_num_queries):
    assert client.get("/en/").status_code == 200
    client.get("/en/themes/mobility/")
    with django_assert_max_num_queries(12):
        response = client.get("/en/themes/mobility/")
    assert response.status_code == 200 and "Electric buses" in response.content.decode()
