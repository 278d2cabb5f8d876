"""While the database does not answer, every URL says so: 503 with Retry-After, JSON under /api/, HTML in the
visitor's language elsewhere; and an API's server error is JSON too."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(client):
    client.raise_request_exception = False
    refused = OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=refused):
        yield client


@pytest.mark.parametrize("path", ["/api/v1/search/?q=x", "/api/v2/pages/"])
def test_the_apis_answer_503_in_json(database_down, path):
    response = database_down.get(path)
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": {"message": "The site is temporarily unavailable"}}


@pytest.mark.parametrize(
    "path",
    [
        "/en/",  # the page view
        "/nowhere/",  # a 404 that Wagtail's redirect middleware looks up
    ],
)
def test_pages_answer_503_in_html(database_down, path):
    response = database_down.get(path)
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "The site is temporarily unavailable" in response.content.decode()


def test_the_503_page_speaks_the_visitors_language(database_down):
    response = database_down.get("/fr/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    html = response.content.decode()
    assert '<html lang="fr">' in html and 'href="/fr/">Accueil</a>' in html


def test_an_api_server_error_is_json(client):
    client.raise_request_exception = False
    with mock.patch("search.views.search", side_effect=RuntimeError("index exploded")):
        response = client.get("/api/v1/search/", {"q": "x"})
    assert response.status_code == 500 and "Retry-After" not in response
    assert response.json() == {"error": {"message": "Something went wrong on our side"}}
