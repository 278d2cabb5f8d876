"""The network search service: every view and the API ask it, so the backend can change without touching them.

``search(SearchRequest)`` matches the query against every readable copy of every item (so a query in any
language finds an item through any of its translations), groups the matches by item, shows each item once in the
visitor's language when it can be read in it (else in its original language), filters and counts facets (the
database returns one count per facet signature, ``search.ranking``; the service spreads them over the seven
facets), and fetches titles, snippets and URLs for the requested page of results only.
"""

import logging
import math
import uuid
from collections import Counter
from dataclasses import dataclass, field, replace

from django.conf import settings
from wagtail.models import Page

from . import elasticsearch
from .facets import FACET_NAMES, FACETS
from .facets import city_names as facet_city_names
from .highlight import snippet
from .models import FacetSignature, SearchEntry
from .normalise import highlight_terms, query_terms
from .ranking import RankedItem, ranked_items

MAX_QUERY_LENGTH = 200  # longer queries are cut (documented in the README), never refused
RESULTS_PER_PAGE = 20
MIN_COMPLETED_PREFIX = 3  # a shorter start of a word matches too many words to mean one
MAX_PAGE = 1000
SORTS = ("relevance", "date")
logger = logging.getLogger("citynet.search")


class InvalidSearch(ValueError):
    """A parameter has a value the search cannot take; ``field`` names it."""

    def __init__(self, field, value):
        super().__init__(f"{field}: {value!r}")
        self.field = field
        self.value = value


def clean_query(raw):
    """Control characters (null bytes included) become spaces; the query is cut to ``MAX_QUERY_LENGTH``."""
    printable = "".join(ch if ch.isprintable() else " " for ch in raw or "")
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


@dataclass
class SearchRequest:
    query: str = ""
    language: str = "en"
    filters: dict = field(default_factory=dict)  # facet name -> set of values
    sort: str = "relevance"
    page: int = 1
    per_page: int = RESULTS_PER_PAGE
    as_you_type: bool = False  # the last word is a prefix, and only titles are searched
    last_word_prefix: bool = False  # the last word is a prefix (titles and texts): a query that found nothing
    dropped: list = field(default_factory=list)  # parameters left out as invalid (the page says so)

    @classmethod
    def from_params(cls, params, language, strict=False):
        """From request parameters (a QueryDict). Invalid values raise InvalidSearch when ``strict`` (the API),
        else are dropped and listed in ``dropped`` (the page says so)."""
        dropped = []
        filters = {}
        for facet in FACETS:
            name, values = facet.name, set()
            for raw in params.getlist(name):
                value = facet.clean(raw.strip()[:100])
                if value is None:
                    if strict:
                        raise InvalidSearch(name, raw)
                    dropped.append(name)
                else:
                    values.add(value)
            if values:
                filters[name] = values
        sort = params.get("sort") or "relevance"
        if sort not in SORTS:
            if strict:
                raise InvalidSearch("sort", sort)
            dropped.append("sort")
            sort = "relevance"
        raw_page = params.get("page") or "1"
        page = int(raw_page) if raw_page.isdigit() and 1 <= int(raw_page) <= MAX_PAGE else None
        if page is None:
            if strict:
                raise InvalidSearch("page", raw_page)
            dropped.append("page")
            page = 1
        return cls(
            query=clean_query(params.get("q", "")), language=language, filters=filters, sort=sort, page=page,
            dropped=dropped,
        )  # fmt: skip


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResult:
    translation_key: str
    kind: str
    kind_label: str
    title: str
    url: str
    language: str  # the language of the text shown
    original_language: str | None  # set when not the visitor's language (a label says so)
    city: str
    date: object
    snippet: str


@dataclass
class SearchResponse:
    request: SearchRequest
    total: int
    results: list
    facets: dict
    has_words: bool
    # Nothing held every word as typed; these results hold the last one as the start of a word ("clermon").
    last_word_completed: bool = False

    @property
    def pages(self):
        return max(1, math.ceil(self.total / self.request.per_page))

    @property
    def page(self):
        return min(self.request.page, self.pages)


# A signature row holds the facets' fields in FACETS order, then the original language. How each part is read is
# worked out once here, not per row: a search reads every signature (hundreds) on each request.
SIGNATURE_FIELDS = tuple(facet.field for facet in FACETS)
KIND_AT, CITY_AT, LANGUAGES_AT = (SIGNATURE_FIELDS.index(name) for name in ("kind", "city_key", "languages"))
EMPTY: frozenset[str] = frozenset()


def _one_value(stored):
    return frozenset((stored,)) if stored else EMPTY


def _several_values(stored):
    return frozenset(stored.split())


# None for the language facet: its value is the language the visitor reads the item in, not a stored field.
SIGNATURE_READERS = tuple(
    None if facet.shown_language else _several_values if facet.several else _one_value for facet in FACETS
)


class _Signature:
    """Per facet (in FACETS order) the values of the items sharing a FacetSignature, for one visitor language."""

    __slots__ = ("values", "kind", "city", "language", "original_language")

    def __init__(self, row, language):
        original = row[-1]
        self.kind, self.city, self.original_language = row[KIND_AT], row[CITY_AT], original
        self.language = language if f" {language} " in row[LANGUAGES_AT] else original
        shown = frozenset((self.language,))
        # The row's last item, the original language, has no reader: zip stops before it.
        self.values = tuple(
            shown if read is None else read(stored) for stored, read in zip(row, SIGNATURE_READERS, strict=False)
        )

    def failing(self, active):
        """The positions of the active filters (position, wanted values) this signature does not pass."""
        return [position for position, wanted in active if not self.values[position] & wanted]


FACET_INDEX = {name: position for position, name in enumerate(FACET_NAMES)}


def _signatures(language):
    fields = ("pk", *SIGNATURE_FIELDS, "original_language")
    return {row[0]: _Signature(row[1:], language) for row in FacetSignature.objects.values_list(*fields)}


def _active(filters):
    return [(FACET_INDEX[name], values) for name, values in filters.items()]


def _passing(signatures, filters):
    """The signatures passing every filter; None when nothing is filtered."""
    if not filters:
        return None
    active = _active(filters)
    return {pk for pk, signature in signatures.items() if not signature.failing(active)}


def _count(signature_counts, signatures, filters):
    """Per facet, the counts of its values among the items passing every *other* filter (so choosing a value
    gives as many results as its count said), from the number of matched items per signature; and the number
    of items passing every filter."""
    counters = [Counter() for _facet in FACETS]
    active = _active(filters)
    total = 0
    for signature_id, count in signature_counts.items():
        values = signatures[signature_id].values
        failing = signatures[signature_id].failing(active)
        if not failing:
            total += count
            for counter, item_values in zip(counters, values, strict=True):
                for value in item_values:
                    counter[value] += count
        elif len(failing) == 1:
            for value in values[failing[0]]:
                counters[failing[0]][value] += count
    return total, dict(zip(FACET_NAMES, counters, strict=True))


def search(request):
    """The results of ``request``; when no item holds every word as typed, the items holding its last word as the
    start of a word (a name typed in part), marked ``last_word_completed``."""
    response = _search(request)
    if response.total or request.as_you_type or request.last_word_prefix or not _completable(request.query):
        return response
    completed = _search(replace(request, last_word_prefix=True))
    if not completed.total:
        return response
    completed.last_word_completed = True
    return completed


def _completable(query):
    terms = query_terms(query)
    return bool(terms) and len(terms[-1]) == 1 and len(terms[-1][0]) >= MIN_COMPLETED_PREFIX


def _search(request):
    terms = query_terms(request.query)
    if settings.ELASTICSEARCH_URL:
        try:
            return _search_elasticsearch(request, terms)
        except elasticsearch.CircuitOpen:
            pass  # it kept failing: the breaker said so once, and the database answers without waiting
        except Exception as error:  # noqa: BLE001  (any transport or server failure: answer from the database)
            logger.warning("Elasticsearch unavailable (%s); searching the database index.", error)
    return _search_database(request, terms)


def _search_elasticsearch(request, terms):
    keys, counts, total = elasticsearch.search(terms, request)
    signatures = _signatures(request.language)
    by_key = dict(
        SearchEntry.objects.filter(translation_key__in=[uuid.UUID(key) for key, _score in keys]).values_list(
            "translation_key", "signature_id"
        )
    )
    items = [RankedItem(key, score, by_key[uuid.UUID(key)], None) for key, score in keys if uuid.UUID(key) in by_key]
    response = SearchResponse(
        request=request, total=total, results=[], facets={}, has_words=bool(terms) or not request.query
    )
    response.results = _results(items, signatures, request)
    response.facets = _facet_values({name: Counter(values) for name, values in counts.items()}, request)
    return response


def _search_database(request, terms):
    signatures = _signatures(request.language)
    passing = _passing(signatures, request.filters)
    sort = "date" if request.sort == "date" or not terms else "relevance"
    # The page is clamped to the last one once the total is known, which needs the counts first: ask for the
    # requested page, and ask again in the rare case it lies past the end.
    counts, page = ranked_items(
        terms, passing=passing, sort=sort, offset=(request.page - 1) * request.per_page, limit=request.per_page,
        prefix=request.as_you_type or request.last_word_prefix, title_only=request.as_you_type,
    )  # fmt: skip
    total, facets = _count(counts, signatures, request.filters)
    response = SearchResponse(
        request=request, total=total, results=[], facets={}, has_words=bool(terms) or not request.query
    )
    if response.page != request.page and total:
        _counts, page = ranked_items(
            terms, passing=passing, sort=sort, offset=(response.page - 1) * request.per_page,
            limit=request.per_page, prefix=request.as_you_type or request.last_word_prefix,
            title_only=request.as_you_type,
        )  # fmt: skip
    response.results = _results(page, signatures, request)
    response.facets = _facet_values(facets, request)
    return response


def _results(items, signatures, request):
    """Titles, snippets and URLs for one page of items: a few queries."""
    if not items:
        return []
    keys = [uuid.UUID(item.key) for item in items]
    entries = {
        (entry.translation_key.hex, entry.language): entry
        for entry in SearchEntry.objects.filter(translation_key__in=keys)
    }
    # The copy in the visitor's tree (a translation, or the alias that shows the original with a notice).
    pages = {
        page.translation_key.hex: page
        for page in Page.objects.live().filter(translation_key__in=keys, locale__language_code=request.language)
    }
    city_names = facet_city_names({signatures[item.signature].city for item in items}, request.language)
    terms = highlight_terms(request.query)
    results = []
    for item in items:
        signature = signatures[item.signature]
        key = uuid.UUID(item.key).hex
        entry = entries.get((key, signature.language)) or entries.get((key, signature.original_language))
        if entry is None:
            continue
        page = pages.get(key) or entry.page
        results.append(
            SearchResult(
                translation_key=key,
                kind=signature.kind,
                kind_label=str(SearchEntry.Kind(signature.kind).label),
                title=entry.title,
                url=page.get_url() or "",
                language=entry.language,
                original_language=entry.language if entry.language != request.language else None,
                city=city_names.get(signature.city, ""),
                date=entry.date,
                snippet=snippet(" ".join(filter(None, [entry.summary, entry.text])), terms),
            )
        )
    return results


def _facet_values(counts, request):
    facets = {}
    for facet in FACETS:
        labels = facet.value_labels(set(counts[facet.name]), request.language)
        values = [
            FacetValue(
                value=value,
                label=str(labels.get(value, value)),
                count=count,
                selected=value in request.filters.get(facet.name, ()),
            )
            for value, count in counts[facet.name].items()
        ]
        if facet.newest_first:
            values.sort(key=lambda value: value.value, reverse=True)
        else:
            values.sort(key=lambda value: (-value.count, value.label))
        facets[facet.name] = values
    return facets
