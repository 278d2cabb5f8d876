"""Wagtail's page view, with the site and the page a URL names found from what this content generation knows.

On every page view Wagtail finds the site (a query), the home page of the visitor's language (one or two) and the
page itself (two, with ``home.routing.DirectRouteMixin``). None of that changes between two content changes, so the
answer is kept under the generation (``pagecache.fragments``, the rule of the page cache) and the next views cost
one query, for the page itself. An address that a routable page answers itself (a theme's, under the home page) is
kept as that page's: every theme's address then costs one query, and random addresses add nothing to the cache.

What Wagtail lacks is a way to look the route up from elsewhere; what it offers is to keep both answers on the
request (``request._wagtail_site`` and ``request._wagtail_route_for_request``, as ``Site.find_for_request`` and
``Page.route_for_request`` say), which its own page view then uses. This view fills them in and hands over to it,
so every hook and check of Wagtail's view still runs.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from .fragments import keep, kept


@dataclass(frozen=True)
class KeptRoute:
    site: Site
    page_pk: int
    content_type_id: int
    routable: bool  # the page answers addresses below its own (and is kept under its own address for them)


def _components(path):
    return [component for component in path.split("/") if component]


def _parts(request, components):
    return (request.get_host(), get_language(), "/".join(components))


def _kept_route(request, components):
    """The route kept for the address, else for the nearest routable page above it; with what is left to route."""
    route = kept("route", _parts(request, components))
    if route is not None:
        return route, []
    for length in range(len(components) - 1, -1, -1):
        route = kept("route", _parts(request, components[:length]))
        if route is not None:
            return (route, components[length:]) if route.routable else (None, [])
    return None, []


def _keep(request, components, route):
    """Keep Wagtail's answer: under the address when the page is the one it names, else under the routable page's."""
    site = getattr(request, "_wagtail_site", None)
    if route is None or site is None:
        return
    page = route[0]
    consumed = page.depth - site.root_page.depth
    routable = type(page).route is not Page.route
    if consumed == len(components) or routable:
        kept_route = KeptRoute(site, page.pk, page.content_type_id, routable)
        keep("route", _parts(request, components[:consumed]), kept_route)


def _route_from(request, kept_route, rest):
    model = ContentType.objects.get_for_id(kept_route.content_type_id).model_class()
    page = model.objects.filter(pk=kept_route.page_pk).first() if model is not None else None
    if page is None:
        return False
    request._wagtail_site = kept_route.site
    try:
        request._wagtail_route_for_request = page.route(request, rest)
    except Http404:
        request._wagtail_route_for_request = None
    return True


def serve(request, path):
    if request.method in ("GET", "HEAD") and not hasattr(request, "_wagtail_route_for_request"):
        components = _components(path)
        kept_route, rest = _kept_route(request, components)
        if kept_route is None or not _route_from(request, kept_route, rest):
            _keep(request, components, Page.route_for_request(request, path))
        elif rest and request._wagtail_route_for_request is not None:
            found = request._wagtail_route_for_request[0]
            if found.pk != kept_route.page_pk:  # a page below the routable one: kept under its own address
                _keep(request, components, request._wagtail_route_for_request)
    return wagtail_serve(request, path)
