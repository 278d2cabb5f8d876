"""The public search page: pages of every city, in the visitor's language tree."""

import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from citypages.models import CityPage, CooperationProjectPage, EventPage, NewsPage

MAX_QUERY_LENGTH = 200  # longer queries are cut, never refused
RESULTS_PER_PAGE = 20
SEARCHABLE_TYPES = (CooperationProjectPage, NewsPage, EventPage, CityPage)


def clean_query(raw):
    """Strip control characters (null bytes included) and cut to ``MAX_QUERY_LENGTH``."""
    printable = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def search_terms(query):
    """The words of a query, without the punctuation that backends read as operators (quotes, *, :, ^...)."""
    return " ".join(re.sub(r"[^\w]+", " ", query).split())


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results_page = None
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
        pages = Page.objects.live().filter(locale=locale).type(*SEARCHABLE_TYPES).specific()
        terms = search_terms(query)
        paginator = Paginator(pages.search(terms) if terms else Page.objects.none(), RESULTS_PER_PAGE)
        try:
            results_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results_page = paginator.page(1)
        except EmptyPage:
            results_page = paginator.page(paginator.num_pages)
    return TemplateResponse(request, "search/search.html", {"search_query": query, "results": results_page})
