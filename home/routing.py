"""Finding the page a URL names in two queries, whatever its depth."""

from django.http import Http404
from wagtail.models import Page


class DirectRouteMixin:
    """Routes a URL below this page with one query for the pages it names and one for the last one's own fields.

    What Wagtail lacks: ``Page.route()`` walks the tree a segment at a time, and each step costs two queries (the
    child by its slug, then its specific instance): six for ``/en/cities/clermont-ferrand/electric-buses/``, on
    every page view the page cache does not answer. Here the pages of every segment are read at once (by slug, an
    indexed column, below this page and at the depths the URL allows), checked to form one line of descent, and only
    the last one is made specific. A page whose type routes its own sub-paths (a routable page, or any type that
    overrides ``route()``) is handed the rest of the URL, so every type keeps Wagtail's routing rules.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        candidates = Page.objects.filter(
            path__startswith=self.path,
            depth__gt=self.depth,
            depth__lte=self.depth + len(path_components),
            slug__in=set(path_components),
        ).order_by("depth")
        by_place = {(page.depth, page.slug, page.path[: -Page.steplen]): page for page in candidates}
        parent = self
        for position, slug in enumerate(path_components):
            page = by_place.get((parent.depth + 1, slug, parent.path))
            if page is None:
                raise Http404
            page._cached_parent_obj = parent  # Wagtail's own walk leaves the parent too (treebeard reads it)
            model = page.specific_class
            if model is None:  # a page whose type's code is gone: Wagtail's walk cannot serve it either
                raise Http404
            if model.route is not Page.route:
                return page.specific.route(request, path_components[position + 1 :])
            parent = page
        return parent.specific.route(request, [])
