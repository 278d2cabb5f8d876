"""What we send to Elasticsearch, checked without a server; and the live suite when ELASTICSEARCH_URL is set."""

import os

import pytest
from django.core.management import call_command

from search import elasticsearch
from search.facets import FACET_NAMES
from search.models import SearchEntry
from search.normalise import query_terms
from search.service import SearchRequest, search

pytestmark = pytest.mark.django_db
LIVE = os.environ.get("ELASTICSEARCH_URL")


def test_every_language_has_its_analyzer():
    settings = elasticsearch.index_settings()
    fields = settings["mappings"]["properties"]
    assert fields["title_zh_hans"]["analyzer"] == "cjk" and fields["body_th"]["analyzer"] == "thai"
    assert fields["title_fr"]["analyzer"] == "french" and fields["title_hu"]["analyzer"] == "hungarian"
    assert fields["title_pl"]["analyzer"] == "folded_standard"  # no built-in Polish analyzer: folded standard
    assert "asciifolding" in settings["settings"]["analysis"]["analyzer"]["folded_standard"]["filter"]
    assert {f"title_{code.replace('-', '_')}" for code in elasticsearch.LANGUAGE_ANALYZERS} <= set(fields)
    assert settings["mappings"]["dynamic"] == "strict"


def test_documents_carry_the_shared_normalisers_tokens(searchable):
    entry = SearchEntry.objects.get(page=searchable["campus"])
    document = elasticsearch.document(entry)
    assert document["title_zh_hans"] == entry.title and "title_en" not in document
    assert {"米其", "其林", "鞍山"} <= set(document["tokens_title"].split())
    polish = elasticsearch.document(SearchEntry.objects.get(page=searchable["lodz"]))
    assert "lodz" in polish["tokens_title"].split()
    assert set(elasticsearch.index_settings()["mappings"]["properties"]) >= set(document)


def test_query_body_requires_every_term_as_a_phrase_and_ranks_with_the_language_analyzers():
    body = elasticsearch.query_body(query_terms("米其林 QUERÉTARO"), "米其林 QUERÉTARO", "fr", {})
    must = body["query"]["bool"]["must"]
    assert {
        "multi_match": {"query": "queretaro", "type": "phrase", "fields": ["tokens_title^5", "tokens_body"]}
    } in must
    assert any(clause["multi_match"]["query"] == "米其 其林" for clause in must)
    ranking = body["query"]["bool"]["should"][0]["multi_match"]
    assert "title_zh_hans" in ranking["fields"] and "body_th" in ranking["fields"]


def test_query_body_collapses_items_counts_facets_per_item_and_highlights():
    filters = {"type": {"project"}, "city": {"abc"}}
    body = elasticsearch.query_body([("bus",)], "bus", "en", filters, page=3, per_page=20)
    assert body["collapse"] == {"field": "translation_key"}
    assert body["from"] == 40 and body["size"] == 20
    city = body["aggs"]["facet_city"]
    assert city["aggs"]["values"]["terms"]["size"] >= 1000  # every city gets its bucket, not the first ten
    assert city["aggs"]["values"]["aggs"]["items"] == {"cardinality": {"field": "translation_key"}}
    # A facet's counts ignore its own filter (to switch value), not the others'.
    assert {"terms": {"kind": ["project"]}} in city["filter"]["bool"]["filter"]
    assert {"terms": {"city_key": ["abc"]}} not in city["filter"]["bool"]["filter"]
    assert {"terms": {"city_key": ["abc"]}} in body["post_filter"]["bool"]["filter"]
    assert body["highlight"]["pre_tags"] == ["<mark>"]


def test_query_body_for_browsing_and_typing():
    browse = elasticsearch.query_body([], "", "en", {}, sort="relevance")
    assert browse["query"]["bool"]["must"] == [{"match_all": {}}] and browse["sort"][0]["date"]["order"] == "desc"
    typing = elasticsearch.query_body([("quer",)], "quer", "en", {}, as_you_type=True)
    assert typing["query"]["bool"]["must"] == [{"match_phrase_prefix": {"tokens_title": "quer"}}]


def test_facet_counts_read_the_language_the_visitor_gets():
    aggregations = {f"facet_{name}": {"values": {"buckets": []}} for name in FACET_NAMES}
    aggregations["facet_type"] = {"values": {"buckets": [{"key": "news", "items": {"value": 3}}]}}
    aggregations["facet_language"] = {
        "visitors": {"items": {"value": 2}},
        "originals": {"values": {"buckets": [{"key": "zh-hans", "items": {"value": 1}}]}},
    }
    counts = elasticsearch.facet_counts(aggregations, "fr")
    assert counts["type"] == {"news": 3} and counts["language"] == {"fr": 2, "zh-hans": 1}


def test_unreachable_elasticsearch_falls_back_to_the_database(searchable, settings, caplog):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    settings.ELASTICSEARCH_TIMEOUT = 0.5
    with caplog.at_level("WARNING", logger="citynet.search"):
        response = search(SearchRequest(query="querétaro", language="es"))
    assert "Autobuses eléctricos para Querétaro" in [result.title for result in response.results]
    assert "Elasticsearch unavailable" in caplog.text


@pytest.mark.elasticsearch
@pytest.mark.skipif(not LIVE, reason="set ELASTICSEARCH_URL to run against a live Elasticsearch")
@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [("en", "queretaro", "Querétaro"), ("en", "ZALAU", "Zalău"), ("en", "lodz", "Łódź"),
     ("zh-hans", "米其林", "鞍山钢铁集团与米其林合作建设绿色校园"), ("th", "มิชลิน", "การประชุมเครือข่ายเมืองมิชลินที่แหลมฉบัง"),
     ("en", "autobuses", "Electric buses for Querétaro")],
)  # fmt: skip
def test_live_relevance(searchable, settings, language, query, expected):
    settings.ELASTICSEARCH_URL = LIVE
    call_command("update_index", "--network-only", "--no-progress", verbosity=0)
    titles = [result.title for result in search(SearchRequest(query=query, language=language)).results]
    assert expected in titles[:3]
