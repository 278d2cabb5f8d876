"""``?search=`` on the API v2 listings, validated and bounded before any index sees it.

Wagtail's ``SearchFilter`` hands the raw parameter to its search backend: quotes and NUL bytes reached SQLite's
FTS5 or PostgreSQL as syntax (a 500), an unknown ``search_operator`` raised a ValueError (a 500), and every term
grew the backend's query (50 terms took 49 s on the production page index, 200 overflowed Python's recursion
limit). Here the query is refused with a 400 naming the parameter when it cannot be searched, pages are searched
through the network search (``search.service``, its own fast index), and images and documents through Wagtail's
backend with the query reduced to its plain words, as many as the network search takes.
"""

import re
import uuid

from django.conf import settings
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext as _
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.utils import BadRequestError, page_models_from_string

from search.extract import INDEXED_TYPES
from search.facets import LANGUAGE_NAMES
from search.service import MAX_QUERY_LENGTH, SearchRequest, clean_query, search

MAX_SEARCH_WORDS = 50
# The text search of the pages API finds at most this many items (each in every language it was asked for);
# further filters (child_of, descendant_of...) narrow them, offset and limit page through them.
MAX_SEARCH_ITEMS = 100
# What Wagtail's backends take as syntax is left out: only runs of letters and digits are searched.
PLAIN_WORD = re.compile(r"[^\W_]+")
INDEXED_KINDS = {indexed.model: str(indexed.kind) for indexed in INDEXED_TYPES}


class ParameterError(BadRequestError):
    """A query parameter the API cannot take: a 400 whose JSON names it (``opendata.api.GuardedEndpoint``; Wagtail's
    own errors carry a message only)."""

    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def searched_text(request):
    """The ``search`` parameter, refused when longer than the network search takes or of too many words.
    (Control characters in any parameter were refused before: ``GuardedEndpoint.initial``.)"""
    query = request.GET["search"]
    if len(query) > MAX_QUERY_LENGTH or len(query.split()) > MAX_SEARCH_WORDS:
        raise ParameterError(
            "search",
            _("The search may have at most %(characters)d characters and %(words)d words.")
            % {"characters": MAX_QUERY_LENGTH, "words": MAX_SEARCH_WORDS},
        )
    return query


def _operator_is_one_of(request, allowed):
    # Absent or empty: the backend's default. Wagtail compares without case.
    operator = (request.GET.get("search_operator") or "").lower()
    return not operator or operator in allowed


class NetworkSearchFilter(BaseFilterBackend):
    """``?search=`` on the pages listing finds what the network search finds (``search.service.search``): the
    pages of the items (projects, news, events, cities) it finds, best first, at most ``MAX_SEARCH_ITEMS`` of
    them, in every language tree unless ``?locale=`` picks one.

    Pages of the types the network search does not index (the home page, index pages, declarations) are
    never found by a text search. The network search matches every word of the query, so
    ``search_operator`` can only be ``and`` (the default). With ``?order=`` the found pages keep that order.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            return SearchFilter().filter_queryset(request, queryset, view)  # Wagtail's own answer: disabled
        query = clean_query(searched_text(request))
        if not _operator_is_one_of(request, {"and"}):
            raise ParameterError(
                "search_operator",
                _("The network search finds the pages containing every word: %(parameter)s can only be “and”.")
                % {"parameter": "search_operator"},
            )
        kinds = self.kinds(request)
        if not query or kinds == set():
            return queryset.none()
        language = request.GET.get("locale")
        response = search(
            SearchRequest(
                query=query,
                language=language if language in LANGUAGE_NAMES else settings.LANGUAGE_CODE,
                filters={"type": kinds} if kinds else {},
                per_page=MAX_SEARCH_ITEMS,
            )
        )
        if not response.has_words:  # only punctuation: the network search would list everything
            return queryset.none()
        keys = [uuid.UUID(result.translation_key) for result in response.results]
        found = queryset.filter(translation_key__in=keys)
        if "order" in request.GET:
            return found
        rank = Case(
            *(When(translation_key=key, then=Value(place)) for place, key in enumerate(keys)),
            default=Value(len(keys)),
            output_field=IntegerField(),
        )
        return found.order_by(rank, "pk")

    @staticmethod
    def kinds(request):
        """The network search's item types among the page types of ``?type=`` (empty: none is indexed); None
        when every indexed type is wanted. (``?type=`` was validated when the listing was built.)"""
        if not request.GET.get("type"):
            return None
        wanted = page_models_from_string(request.GET["type"])
        kinds = {kind for model, kind in INDEXED_KINDS.items() if issubclass(model, wanted)}
        return None if kinds == set(INDEXED_KINDS.values()) else kinds


class _SearchParameters:
    """What Wagtail's ``SearchFilter`` reads of a request, its ``GET``, with the search reduced to plain words."""

    def __init__(self, request, words):
        self.GET = request.GET.copy()
        self.GET["search"] = words


class PlainWordsSearchFilter(SearchFilter):
    """Wagtail's search (images, documents) given the query's distinct plain words only, so that no character
    is taken as its backend's syntax, and no more words than the network search takes."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        words = list(dict.fromkeys(PLAIN_WORD.findall(searched_text(request))))
        if not _operator_is_one_of(request, {"and", "or"}):
            raise ParameterError(
                "search_operator", _("%(parameter)s must be “and” or “or”.") % {"parameter": "search_operator"}
            )
        if not words:
            return queryset.none()
        return super().filter_queryset(_SearchParameters(request, " ".join(words)), queryset, view)
