"""The facets are declared once (search/facets.py); every part of the search reads that declaration."""

import pytest

from search import elasticsearch
from search.facets import FACET_NAMES, FACETS
from search.models import FacetSignature, SearchEntry


@pytest.mark.parametrize("facet", FACETS, ids=lambda facet: facet.name)
def test_each_facet_is_stored_signed_and_mapped(facet):
    assert SearchEntry._meta.get_field(facet.field)
    assert FacetSignature._meta.get_field(facet.field)
    (unique,) = FacetSignature._meta.constraints
    assert facet.field in unique.fields
    mapping = elasticsearch.index_settings()["mappings"]["properties"]
    assert mapping[facet.field] == {"type": "keyword"}


def test_the_elasticsearch_query_filters_and_counts_every_facet():
    filters = {facet.name: {"x"} for facet in FACETS}
    body = elasticsearch.query_body(["word"], "word", "en", filters)
    assert {f"facet_{name}" for name in FACET_NAMES} <= body["aggs"].keys()
    assert len(body["post_filter"]["bool"]["filter"]) == len(FACETS)


@pytest.mark.django_db
def test_the_search_page_offers_every_facet_as_a_filter(client, network_tree):
    response = client.get("/en/search/", dict.fromkeys(FACET_NAMES, "zz-unknown"))
    assert response.status_code == 200
    dropped = response.context["response"].request.dropped
    assert set(dropped) == set(FACET_NAMES) - {"theme"}  # a theme slug of that form is valid, and matches nothing
