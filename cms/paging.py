"""Paging of the public listings (the browse pages, the documents library): one page of a queryset, and the
addresses of its neighbours with the rest of the query string kept."""

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.utils.http import urlencode


def page_of(queryset, number, size):
    """Page ``number`` of ``queryset`` in pages of ``size`` (404 beyond the last one, as an address to nothing)."""
    try:
        return Paginator(queryset, size).page(number)
    except EmptyPage as error:
        raise Http404("No such page of this listing") from error


def page_links(request, listing):
    """The addresses of the previous and next pages, keeping every other (non-empty) parameter of the query."""

    def link(number):
        query = {key: value for key, value in request.GET.items() if key != "page" and value}
        if number > 1:
            query["page"] = number
        return "?" + urlencode(query) if query else request.path

    return {
        "previous_url": link(listing.previous_page_number()) if listing.has_previous() else None,
        "next_url": link(listing.next_page_number()) if listing.has_next() else None,
    }
