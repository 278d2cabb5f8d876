"""Error pages speak the visitor's language and keep a way on: navigation and a search box."""

from unittest import mock

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_search(client):
    client.raise_request_exception = False
    with mock.patch("search.views.search", side_effect=RuntimeError("index exploded")):
        yield client


def test_server_error_page_in_the_visitors_language_with_navigation_and_search(failing_search, network_tree):
    response = failing_search.get("/fr/search/", {"q": "vélo"})
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Une erreur s’est produite de notre côté" in html
    assert 'role="search"' in html and 'action="/fr/search/"' in html
    assert 'href="/fr/"' in html and "index exploded" not in html


def test_server_error_page_without_a_database_still_answers(failing_search, network_tree):
    with mock.patch("home.context_processors._navigation", side_effect=RuntimeError("database gone")):
        response = failing_search.get("/zh-hans/search/", {"q": "米其林"})
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="zh-hans">' in html and 'href="/zh-hans/"' in html and 'role="search"' in html


def test_not_found_page_in_the_visitors_language(client, network_tree):
    response = client.get("/th/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="th">' in html and 'role="search"' in html and 'action="/th/search/"' in html
