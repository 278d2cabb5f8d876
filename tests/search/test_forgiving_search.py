"""A query with a typo, without its accents or cut short still leads somewhere: the last word completed when
nothing matches as typed, and "did you mean" from the words the index holds, in the visitor's language."""

import pytest

from search import elasticsearch
from search.service import SearchRequest, search
from search.spelling import correction, did_you_mean, edit_distance

pytestmark = pytest.mark.django_db


def test_edit_distance_counts_a_swap_as_one_edit_and_stops_past_its_limit():
    assert edit_distance("mobility", "mobilty", 2) == 1
    assert edit_distance("regensburg", "regensbrug", 2) == 1  # two letters swapped
    assert edit_distance("zalau", "lodz", 1) == 2  # past the limit: limit + 1


def test_correction_prefers_fewest_edits_then_the_commonest_word():
    words = {"tramways": (3, "tramways"), "trams": (9, "trams"), "transport": (1, "transport")}
    assert correction("tramz", words) == "trams"
    assert correction("tramwys", words) == "tramways"
    assert correction("xylophone", words) is None


def test_did_you_mean_replaces_only_the_words_the_index_lacks(searchable):
    assert did_you_mean("autobuses electricso", "es") == "autobuses eléctricos"  # written as the site writes it
    assert did_you_mean("Queretaro", "es") is None  # accents are folded, not corrected
    assert did_you_mean("Querétaro", "es") is None
    assert did_you_mean("Qeretaro", "es") == "Querétaro"


def test_search_page_offers_the_correction_with_its_count(client, searchable):
    html = client.get("/es/search/", {"q": "autobuses electricso"}).content.decode()
    assert "0 resultados" in html or "0 results" in html
    assert 'href="?q=autobuses+el%C3%A9ctricos"' in html


def test_no_correction_when_the_query_finds_enough(client, searchable):
    assert "did-you-mean" not in client.get("/es/search/", {"q": "autobuses"}).content.decode()


def test_the_last_word_is_completed_when_nothing_matches_as_typed(client, searchable):
    response = search(SearchRequest(query="Autobuses eléctr", language="es"))
    assert response.last_word_completed and "Autobuses eléctricos para Querétaro" in [r.title for r in response.results]
    assert not search(SearchRequest(query="el", language="es")).last_word_completed  # too short to mean one word
    html = client.get("/es/search/", {"q": "Quer"}).content.decode()
    assert "Querétaro" in html


def test_the_api_says_what_it_completed_and_what_it_suggests(client, searchable):
    data = client.get("/api/v1/search/", {"q": "Zala", "lang": "ro"}).json()
    assert data["last_word_completed"] is True and data["count"] >= 1
    data = client.get("/api/v1/search/", {"q": "Qeretaro", "lang": "es"}).json()
    assert data["did_you_mean"]["query"] == "Querétaro" and data["did_you_mean"]["count"] >= 1
    assert client.get("/api/v1/search/", {"q": "Zalău", "lang": "ro"}).json()["did_you_mean"] is None


def test_elasticsearch_completes_the_last_word_in_titles_and_texts():
    body = elasticsearch.query_body([("autobuses",), ("electr",)], "autobuses electr", "es", {}, last_word_prefix=True)
    first, last = body["query"]["bool"]["must"]
    assert first["multi_match"]["type"] == "phrase"
    assert last["multi_match"] == {
        "query": "electr",
        "type": "phrase_prefix",
        "fields": ["tokens_title^5", "tokens_body"],
    }
