"""Template context every public page needs: the network's navigation in the active language."""

from django.contrib.contenttypes.models import ContentType
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from pagecache.fragments import for_generation


def _navigation():
    from citypages.models import CityIndexPage
    from commitments.models import DeclarationIndexPage
    from home.models import HomePage

    try:
        locale = Locale.objects.get_for_language(get_language())
    except Locale.DoesNotExist:
        locale = Locale.get_default()
    # The network's index pages sit right under the home page; one query finds them all (links need no more than
    # a plain Page).
    indexes = {}
    for index in Page.objects.live().filter(locale=locale, depth=3).type(CityIndexPage, DeclarationIndexPage):
        indexes.setdefault(index.content_type_id, index)
    types = ContentType.objects.get_for_models(CityIndexPage, DeclarationIndexPage)
    return {
        "home": HomePage.objects.live().filter(locale=locale).first(),
        "cities": indexes.get(types[CityIndexPage].pk),
        "declarations": indexes.get(types[DeclarationIndexPage].pk),
    }


def navigation():
    """The navigation of the active language's tree, kept for the content generation (``pagecache.fragments``)."""
    return for_generation("navigation", (get_language(),), _navigation)


def network_navigation(request):
    # Lazy, so admin views and error pages that never show the navigation never query for it.
    return {"network_navigation": SimpleLazyObject(navigation)}
