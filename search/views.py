"""The public search page, search-as-you-type suggestions and the JSON search API, all over ``search.service``.

None of them writes to the database on a GET: a search can neither block nor fail on a locked table.
"""

from dataclasses import replace

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .autocomplete import suggestions
from .facets import FACET_NAMES, FACETS_BY_NAME, LANGUAGE_NAMES
from .service import (
    MAX_QUERY_LENGTH,
    InvalidSearch,
    SearchRequest,
    clean_query,
    search,
)
from .spelling import did_you_mean

API_VERSION = 1
FEW_RESULTS = 3  # below this, a query with a misspelt word is offered its correction


def _language(request):
    return get_language() or "en"


def _url(params, **changes):
    """The search URL with some parameters changed (None removes one); facet values stay lists."""
    merged = {key: list(values) for key, values in params.items()}
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value if isinstance(value, list) else [value]
    return "?" + urlencode([(key, value) for key, values in merged.items() for value in values])


def _correction(search_request, response):
    """{"query", "count"} of the query with its misspelt words corrected, when that finds more; else None."""
    if not search_request.query or response.total >= FEW_RESULTS:
        return None
    corrected = did_you_mean(search_request.query, search_request.language)
    if corrected is None:
        return None
    found = search(replace(search_request, query=corrected, page=1, per_page=1)).total
    return {"query": corrected, "count": found} if found > response.total else None


@require_GET
def search_page(request):
    search_request = SearchRequest.from_params(request.GET, _language(request))
    response = search(search_request)
    params = {key: request.GET.getlist(key) for key in ("q", "sort", *FACET_NAMES) if request.GET.getlist(key)}
    params["q"] = [search_request.query] if search_request.query else []
    facets = []
    for name in FACET_NAMES:
        values = []
        for facet in response.facets[name]:
            chosen = set(search_request.filters.get(name, ()))
            toggled = sorted(chosen - {facet.value} if facet.selected else chosen | {facet.value})
            values.append({"facet": facet, "url": _url(params, **{name: toggled or None, "page": None})})
        if values:
            declared = FACETS_BY_NAME[name]
            facets.append(
                {"name": name, "label": declared.label, "values": values, "languages": declared.shown_language}
            )
    context = {
        "search_query": search_request.query,
        "response": response,
        "facets": facets,
        "sort": search_request.sort,
        "sort_urls": {sort: _url(params, sort=sort, page=None) for sort in ("relevance", "date")},
        "previous_url": _url(params, page=str(response.page - 1)) if response.page > 1 else None,
        "next_url": _url(params, page=str(response.page + 1)) if response.page < response.pages else None,
        "dropped": search_request.dropped,
        "query_was_cut": len(" ".join(request.GET.get("q", "").split())) > MAX_QUERY_LENGTH,
        "max_query_length": MAX_QUERY_LENGTH,
    }
    correction = _correction(search_request, response)
    if correction:
        context["did_you_mean"] = {**correction, "url": _url(params, q=correction["query"], page=None)}
    return TemplateResponse(request, "search/search.html", context)


@require_GET
def suggest(request):
    query = clean_query(request.GET.get("q", ""))
    return JsonResponse({"query": query, "suggestions": suggestions(query, _language(request))})


def _error(message, field=None, status=400):
    return JsonResponse({"error": {"message": message, "field": field}}, status=status)


@require_GET
def search_api(request):
    """``GET /api/v1/search/?q=…&lang=fr&type=project&city=…&page=2``: the search page's results as JSON."""
    language = request.GET.get("lang") or "en"
    if language not in LANGUAGE_NAMES:
        return _error(_("Unknown language."), "lang")
    try:
        search_request = SearchRequest.from_params(request.GET, language, strict=True)
    except InvalidSearch as error:
        return _error(_("Invalid value."), error.field)
    response = search(search_request)
    return JsonResponse(
        {
            "version": API_VERSION,
            "query": search_request.query,
            "language": language,
            "count": response.total,
            "page": response.page,
            "pages": response.pages,
            "sort": search_request.sort,
            "last_word_completed": response.last_word_completed,
            "did_you_mean": _correction(search_request, response),
            "results": [
                {
                    "type": result.kind,
                    "title": result.title,
                    "url": request.build_absolute_uri(result.url) if result.url else None,
                    "language": result.language,
                    "original_language": result.original_language,
                    "city": result.city,
                    "date": result.date.isoformat() if result.date else None,
                    "snippet_html": str(result.snippet),
                }
                for result in response.results
            ],
            "facets": {
                name: [
                    {"value": facet.value, "label": facet.label, "count": facet.count, "selected": facet.selected}
                    for facet in values
                ]
                for name, values in response.facets.items()
            },
        },
        json_dumps_params={"ensure_ascii": False},
    )
