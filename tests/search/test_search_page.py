"""The search page answers every query with a page, never a server error."""

import pytest

from search.views import MAX_QUERY_LENGTH, clean_query
from tests.citypages.factories import CityPageFactory, CooperationProjectPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(network_tree):
    city = CityPageFactory(parent=network_tree.city_index, title="Cuneo", slug="cuneo")
    return CooperationProjectPageFactory(parent=city, title="Bicycle lanes between schools", slug="bicycle-lanes")


def test_finds_a_project_by_a_word_of_its_title(client, project):
    response = client.get("/en/search/", {"q": "bicycle"})
    assert response.status_code == 200
    assert "Bicycle lanes between schools" in response.content.decode()


def test_empty_query_shows_the_form(client, project):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert 'role="search"' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "((((", "a AND OR NOT", "NEAR(x y)", "* ^ : -", "'; DROP TABLE wagtailcore_page; --",
     "bi\x00cycle", "\x07\x1b[31m", "🚲🚌", "自行车 bicycle велосипед", "x" * 10_000],
)  # fmt: skip
def test_bad_input_gets_a_page_not_an_error(client, project, query):
    assert client.get("/en/search/", {"q": query}).status_code == 200


@pytest.mark.parametrize("page", ["0", "-3", "999", "abc", ""])
def test_any_page_number_is_answered(client, project, page):
    assert client.get("/en/search/", {"q": "bicycle", "page": page}).status_code == 200


def test_queries_are_cleaned_and_cut():
    assert clean_query("bi\x00cycle\n lanes") == "bi cycle lanes"
    assert len(clean_query("x" * 10_000)) == MAX_QUERY_LENGTH
