"""The network index in Elasticsearch 8/9, used when ``ELASTICSEARCH_URL`` is set.

modelsearch's Elasticsearch backend indexes each model with one analyzer for every language, caps facets at ten
buckets (the network has 40+ cities), cannot group an item's translations, and rebuilds in place. Here the same
entries the database backends hold are sent as documents with, per language, the built-in analyzer of that
language (``cjk`` for Chinese, ``thai`` for Thai; Polish, which has no built-in one, gets a folding standard
analyzer), plus the shared normaliser's tokens (so accents, case, Chinese and Thai behave exactly as on the
databases). Results are collapsed by item, facets are counted per item with buckets for every city, matches are
highlighted, and rebuilds fill a new index and swap an alias at once. When Elasticsearch cannot be reached the
service answers from the database (``search.service``) and logs a warning.

Every request of the site passes a circuit breaker (``search.breaker``) in the client's transport, so no call
(search, suggestions, facets, indexing, deletions) can wait on an Elasticsearch that keeps failing. Only
``update_index``'s rebuild bypasses it: an operator asks for a real attempt and the real error.
"""

import logging
import time
import uuid

from django.conf import settings
from elastic_transport import Transport, TransportError

from .breaker import CircuitBreaker
from .facets import FACETS, FACETS_BY_NAME
from .normalise import index_tokens

logger = logging.getLogger("citynet.search")
breaker = CircuitBreaker("Elasticsearch", "ELASTICSEARCH_BREAKER_FAILURES", "ELASTICSEARCH_BREAKER_COOLDOWN")

ALIAS = "citynet-search"
FACET_SIZE = 1000  # more buckets than cities, countries, themes or years will ever be
LANGUAGE_ANALYZERS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "de": "german",
    "it": "italian",
    "pl": "folded_standard",
    "ro": "romanian",
    "hu": "hungarian",
    "zh-hans": "cjk",
    "th": "thai",
}


def field_suffix(language):
    return language.replace("-", "_")


def index_settings():
    """Settings and mappings of a network index."""
    text_fields = {}
    for language, analyzer in LANGUAGE_ANALYZERS.items():
        for name in ("title", "body"):
            text_fields[f"{name}_{field_suffix(language)}"] = {"type": "text", "analyzer": analyzer}
    return {
        "settings": {
            "number_of_shards": 1,
            "analysis": {
                "analyzer": {
                    "folded_standard": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", "asciifolding"],
                    },
                    # Our tokens are already split and folded: only spaces separate them.
                    "normalised_tokens": {"type": "custom", "tokenizer": "whitespace"},
                }
            },
        },
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "translation_key": {"type": "keyword"},
                "language": {"type": "keyword"},
                "original_language": {"type": "keyword"},
                **{facet.field: {"type": "keyword"} for facet in FACETS},
                "date": {"type": "date"},
                "tokens_title": {"type": "text", "analyzer": "normalised_tokens", "position_increment_gap": 100},
                "tokens_body": {"type": "text", "analyzer": "normalised_tokens", "position_increment_gap": 100},
                **text_fields,
            },
        },
    }


def _document_value(facet, stored):
    """A facet's value in the document: a list for a facet of several values, None for none."""
    if isinstance(stored, uuid.UUID):
        stored = stored.hex
    values = facet.values_of(str(stored) if stored else "")
    return list(values) if facet.several else (values[0] if values else None)


def document(entry):
    """The document of one SearchEntry (with ``extra_text`` when it was just built)."""
    suffix = field_suffix(entry.language)
    body = " ".join(filter(None, [entry.summary, entry.text, getattr(entry, "extra_text", "")]))
    return {
        "translation_key": entry.translation_key.hex,
        "language": entry.language,
        "original_language": entry.original_language,
        **{facet.field: _document_value(facet, getattr(entry, facet.field)) for facet in FACETS},
        "date": entry.date.isoformat() if entry.date else None,
        "tokens_title": " ".join(index_tokens(entry.title)),
        "tokens_body": " ".join(index_tokens(body)),
        f"title_{suffix}": entry.title,
        f"body_{suffix}": body,
    }


def _filter_clauses(filters, language, skip=None):
    clauses = []
    for name, values in filters.items():
        if name == skip:
            continue
        facet = FACETS_BY_NAME[name]
        field = facet.field
        if facet.shown_language:
            # An item is read in the visitor's language when it has it, else in its original language.
            shown = [{"term": {field: language}}] if language in values else []
            original = {
                "bool": {
                    "must_not": {"term": {field: language}},
                    "filter": {"terms": {"original_language": sorted(values)}},
                }
            }
            clauses.append({"bool": {"should": [*shown, original], "minimum_should_match": 1}})
        else:
            clauses.append({"terms": {field: sorted(values)}})
    return clauses


def query_body(
    terms, query, language, filters, sort="relevance", page=1, per_page=20, as_you_type=False, last_word_prefix=False
):
    """The search request body: every term must match (phrases of normalised tokens), the language analyzers
    add recall and ranking, each item appears once (collapse), facets count items with buckets for every
    value, and matches are highlighted. ``as_you_type``: titles only, the last term a prefix;
    ``last_word_prefix``: the last term a prefix in titles and texts."""
    must = []
    for number, term in enumerate(terms, start=1):
        phrase = " ".join(term)
        last = number == len(terms)
        if as_you_type and last:
            must.append({"match_phrase_prefix": {"tokens_title": phrase}})
            continue
        fields = ["tokens_title"] if as_you_type else ["tokens_title^5", "tokens_body"]
        kind = "phrase_prefix" if last_word_prefix and last else "phrase"
        must.append({"multi_match": {"query": phrase, "type": kind, "fields": fields}})
    should = []
    if query and not as_you_type:
        language_fields = [f"{name}_{field_suffix(code)}" for code in LANGUAGE_ANALYZERS for name in ("title", "body")]
        should.append({"multi_match": {"query": query, "fields": language_fields, "type": "best_fields"}})
    # Within an item, the copy in the visitor's language comes first.
    should.append({"term": {"language": {"value": language, "boost": 0.01}}})
    aggregations = {"items": {"cardinality": {"field": "translation_key"}}}
    items = {"items": {"cardinality": {"field": "translation_key"}}}
    for facet in FACETS:
        name, field = facet.name, facet.field
        if facet.shown_language:  # the language an item is shown in: the visitor's if it has it, else its original
            aggregations[f"facet_{name}"] = {
                "filter": {"bool": {"filter": _filter_clauses(filters, language, skip=name)}},
                "aggs": {
                    "visitors": {"filter": {"term": {field: language}}, "aggs": items},
                    "originals": {
                        "filter": {"bool": {"must_not": {"term": {field: language}}}},
                        "aggs": {
                            "values": {"terms": {"field": "original_language", "size": FACET_SIZE}, "aggs": items}
                        },
                    },
                },
            }
            continue
        aggregations[f"facet_{name}"] = {
            "filter": {"bool": {"filter": _filter_clauses(filters, language, skip=name)}},
            "aggs": {"values": {"terms": {"field": field, "size": FACET_SIZE},
                                "aggs": {"items": {"cardinality": {"field": "translation_key"}}}}},
        }  # fmt: skip
    body = {
        "query": {"bool": {"must": must or [{"match_all": {}}], "should": should}},
        "post_filter": {"bool": {"filter": _filter_clauses(filters, language)}},
        "collapse": {"field": "translation_key"},
        "aggs": aggregations,
        "highlight": {
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "encoder": "html",
            "fields": {
                "title_*": {"number_of_fragments": 0},
                "body_*": {"fragment_size": 200, "number_of_fragments": 1},
            },
        },
        "from": (page - 1) * per_page,
        "size": per_page,
        "track_total_hits": True,
    }
    if sort == "date" or not terms:
        body["sort"] = [{"date": {"order": "desc", "missing": "_last"}}, "_score"]
    return body


def facet_counts(aggregations, language):
    """{facet name: {value: number of items}} from a response's aggregations."""
    counts = {}
    for declared in FACETS:
        name = declared.name
        facet = aggregations[f"facet_{name}"]
        if declared.shown_language:
            values = {language: facet["visitors"]["items"]["value"]} if facet["visitors"]["items"]["value"] else {}
            for bucket in facet["originals"]["values"]["buckets"]:
                values[bucket["key"]] = values.get(bucket["key"], 0) + bucket["items"]["value"]
        else:
            values = {str(bucket["key"]): bucket["items"]["value"] for bucket in facet["values"]["buckets"]}
        counts[name] = values
    return counts


def search(terms, request):
    """(item keys with scores in order, facet counts, total items) for a SearchRequest."""
    body = query_body(
        terms, request.query, request.language, request.filters, request.sort, request.page, request.per_page,
        request.as_you_type, request.last_word_prefix,
    )  # fmt: skip
    response = client().search(index=ALIAS, **body)
    keys = [(hit["_source"]["translation_key"], hit["_score"] or 0.0) for hit in response["hits"]["hits"]]
    total = response["aggregations"]["items"]["value"]
    return keys, facet_counts(response["aggregations"], request.language), total


class CircuitOpen(TransportError):
    """Not sent: Elasticsearch failed repeatedly and its breaker is open (already logged when it opened)."""


class GuardedTransport(Transport):
    """elasticsearch-py's transport behind the breaker: a request is sent only when the breaker allows it; no
    answer, or a server error (5xx), is a failure; any other answer (a 404 included) shows Elasticsearch works."""

    def perform_request(self, *args, **kwargs):
        if not breaker.allow():
            raise CircuitOpen("Elasticsearch circuit breaker open")
        try:
            response = super().perform_request(*args, **kwargs)
        except TransportError:
            breaker.record_failure()
            raise
        if response.meta.status >= 500:
            breaker.record_failure()
        else:
            breaker.record_success()
        return response


def client(guarded=True):
    from elasticsearch import Elasticsearch  # noqa: PLC0415  (loaded only where Elasticsearch is configured)

    return Elasticsearch(
        settings.ELASTICSEARCH_URL, request_timeout=settings.ELASTICSEARCH_TIMEOUT,
        transport_class=GuardedTransport if guarded else Transport,
    )  # fmt: skip


def rebuild(entries_batches):
    """Fill a new index from batches of entries, then point the alias at it in one step and drop the old one."""
    from elasticsearch.helpers import bulk  # noqa: PLC0415  (as above)

    es = client(guarded=False)
    name = f"{ALIAS}-{time.strftime('%Y%m%d%H%M%S')}"
    es.indices.create(index=name, **index_settings())
    written = 0
    for entries in entries_batches:
        bulk(es, ({"_index": name, "_id": entry.pk, "_source": document(entry)} for entry in entries))
        written += len(entries)
    es.indices.refresh(index=name)
    old = list(es.indices.get_alias(name=ALIAS).keys()) if es.indices.exists_alias(name=ALIAS) else []
    actions = [{"remove": {"index": index, "alias": ALIAS}} for index in old]
    actions.append({"add": {"index": name, "alias": ALIAS}})
    es.indices.update_aliases(actions=actions)
    for index in old:
        es.indices.delete(index=index)
    return written


def replace(keys, entries):
    """Make the index hold exactly ``entries`` for the items with these translation keys: index them, then drop
    the items' other documents (copies deleted, unpublished or no longer readable). True when Elasticsearch took
    the change; False when it was not reached, failed or was overloaded (the caller keeps the items queued)."""
    from elasticsearch.helpers import bulk  # noqa: PLC0415  (as above)

    es = client()
    kept = [str(entry.pk) for entry in entries]
    stale = {"bool": {
        "filter": {"terms": {"translation_key": sorted(uuid.UUID(str(key)).hex for key in keys)}},
        "must_not": {"ids": {"values": kept}},
    }}  # fmt: skip
    try:
        if entries:
            # require_alias: before the first update_index, a write must not create an index by the alias's name.
            _sent, errors = bulk(
                es, ({"_index": ALIAS, "_id": entry.pk, "_source": document(entry)} for entry in entries),
                raise_on_error=False, require_alias=True,
            )  # fmt: skip
            if errors:
                logger.error("Elasticsearch refused %d documents: %s", len(errors), errors[:3])
            # Overloaded (429) or failing (5xx): sent again later. Refused as invalid (other 4xx): it would be again.
            if any(next(iter(error.values())).get("status", 500) >= 429 for error in errors):
                return False
        # The refresh makes the new documents searchable too, as soon as this returns.
        es.delete_by_query(index=ALIAS, query=stale, conflicts="proceed", refresh=True)
    except CircuitOpen:
        return False
    except Exception as error:  # noqa: BLE001  (any transport or server failure: the items stay queued)
        logger.warning("Elasticsearch index not updated (%s); the items stay queued.", error)
        return False
    return True
