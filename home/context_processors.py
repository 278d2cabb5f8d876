"""Template context every public page needs: the network's navigation in the active language."""

from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.models import Locale


def _navigation():
    from citypages.models import CityIndexPage
    from home.models import HomePage

    try:
        locale = Locale.objects.get_for_language(get_language())
    except Locale.DoesNotExist:
        locale = Locale.get_default()
    return {
        "home": HomePage.objects.live().filter(locale=locale).first(),
        "cities": CityIndexPage.objects.live().filter(locale=locale).first(),
    }


def network_navigation(request):
    # Lazy, so admin views and error pages that never show the navigation never query for it.
    return {"network_navigation": SimpleLazyObject(_navigation)}
