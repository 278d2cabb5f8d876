"""The versioned JSON search API and the suggestions endpoint."""

import pytest

pytestmark = pytest.mark.django_db


def test_api_answers_with_results_facets_and_pagination(client, searchable):
    response = client.get("/api/v1/search/", {"q": "autobuses", "lang": "en"})
    assert response.status_code == 200
    data = response.json()
    assert data["version"] == 1 and data["count"] == 1 and data["pages"] == 1
    result = data["results"][0]
    assert result["title"] == "Electric buses for Querétaro" and result["type"] == "project"
    assert result["url"] == "http://testserver/en/cities/queretaro/autobuses/"
    assert result["original_language"] is None
    assert {facet["value"] for facet in data["facets"]["type"]} == {"project"}


def test_api_labels_untranslated_results(client, searchable):
    data = client.get("/api/v1/search/", {"q": "米其林", "lang": "th"}).json()
    assert data["results"][0]["original_language"] == "zh-hans"
    assert "<mark>米其林</mark>" in data["results"][0]["snippet_html"]


@pytest.mark.parametrize(
    ("params", "field"),
    [({"lang": "xx"}, "lang"), ({"page": "0"}, "page"), ({"page": "abc"}, "page"), ({"type": "ufo"}, "type"),
     ({"city": "x"}, "city"), ({"year": "1"}, "year"), ({"sort": "best"}, "sort")],
)  # fmt: skip
def test_api_refuses_bad_parameters_with_a_400(client, searchable, params, field):
    response = client.get("/api/v1/search/", {"q": "bus", **params})
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field


@pytest.mark.parametrize("query", ['"(', "x" * 10_000, "\x00", "NEAR*", "🚲"])
def test_api_answers_any_query(client, searchable, query):
    assert client.get("/api/v1/search/", {"q": query}).status_code == 200


def test_suggestions_as_you_type(client, searchable):
    data = client.get("/en/search/suggest/", {"q": "quer"}).json()
    labels = [item["label"] for item in data["suggestions"]]
    assert "Querétaro" in labels and "Electric buses for Querétaro" in labels
    assert client.get("/en/search/suggest/", {"q": "mobil"}).json()["suggestions"][0]["type"] == "theme"
    assert client.get("/zh-hans/search/suggest/", {"q": "鞍"}).json()["suggestions"][0]["label"] == "鞍山"
    assert client.get("/en/search/suggest/", {"q": "q"}).json()["suggestions"] == []
