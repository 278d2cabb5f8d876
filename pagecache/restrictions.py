"""Which pages are private, read once per content change instead of on every page view and listing.

Wagtail reads the view restrictions on every page view (two queries: the page's ancestors, then their restrictions)
and again for every ``public()`` listing, though a network's pages are almost never private. Restrictions change the
content generation (``pagecache.signals``), so the list is kept under it; with none anywhere, there is nothing to
read, and with some, Wagtail's own checks run as before.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from .fragments import for_generation


def restricted_page_paths():
    """The tree paths of the pages that carry a view restriction (their sections are private)."""
    return for_generation(
        "view-restrictions", (), lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
    )


class KnownViewRestrictionsMixin:
    """For page types: no query for the page's view restrictions when no page of the site has any."""

    def get_view_restrictions(self):
        if not restricted_page_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def private_sections_q():
    """``PageQuerySet.private_q()`` from the kept paths: the restricted pages and everything below them."""
    condition = Q(pk__in=[])
    for path in restricted_page_paths():
        condition |= Q(path__startswith=path)
    return condition
