"""The network index (search/extract.py) and Wagtail's own search (the models' ``search_fields``, the admin's
search) find a page type by the same text fields, so a field added to one and not the other is caught here."""

import pytest
from wagtail.search import index

from search.extract import INDEXED_TYPES


def wagtail_search_fields(model):
    return {field.field_name for field in model.search_fields if isinstance(field, index.SearchField)}


@pytest.mark.parametrize("indexed", INDEXED_TYPES, ids=lambda indexed: indexed.model.__name__)
def test_the_network_index_reads_the_text_fields_wagtail_searches(indexed):
    network_text = {indexed.summary, *indexed.text_streams, *indexed.extra_streams}
    missing = network_text - wagtail_search_fields(indexed.model)
    assert not missing, f"{indexed.model.__name__}: {sorted(missing)} indexed for the network but not in search_fields"
