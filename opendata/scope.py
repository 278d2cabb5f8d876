"""What a feed or calendar covers: the whole network, one city or one theme, in the reader's language tree.

Every item has a copy in every language tree (its translation, or an alias showing the original), so a feed in
one language lists every item once, translated when it is, with its original language otherwise: the same
fallback as the listings.
"""

from dataclasses import dataclass

from django.http import Http404, HttpRequest
from django.utils.translation import get_language
from wagtail.models import Locale

from citypages.models import CityPage, Theme


@dataclass
class FeedScope:
    request: HttpRequest
    locale: Locale
    city: CityPage | None = None
    theme: Theme | None = None

    @classmethod
    def from_request(cls, request, city_slug=None, theme_slug=None):
        """The scope of a feed URL; 404 for a city or theme the network does not have."""
        try:
            locale = Locale.objects.get_for_language(get_language())
        except Locale.DoesNotExist as missing:
            raise Http404("No such language") from missing
        scope = cls(request=request, locale=locale)
        if city_slug is not None:
            scope.city = _city_in(locale, city_slug)
        if theme_slug is not None:
            themes = Theme.objects.filter(slug=theme_slug)
            scope.theme = themes.filter(locale=locale).first() or themes.first()
            if scope.theme is None:
                raise Http404("No such theme")
        return scope

    def restrict(self, pages):
        """``pages`` (a queryset of one page type) cut to this scope, in its language tree."""
        pages = pages.live().public().filter(locale=self.locale)
        if self.city is not None:
            pages = pages.descendant_of(self.city)
        if self.theme is not None:
            pages = pages.filter(page_themes__theme__slug=self.theme.slug).distinct()
        return pages


def _city_in(locale, slug):
    """The city with this slug in this language tree; a slug of another tree's copy also finds it."""
    city = CityPage.objects.live().filter(locale=locale, slug=slug).first()
    if city is None:
        other = CityPage.objects.live().filter(slug=slug).first()
        if other is not None:
            city = CityPage.objects.live().filter(locale=locale, translation_key=other.translation_key).first()
    if city is None:
        raise Http404("No such city")
    return city


def page_language(page):
    """The language of the text a listed copy shows (its original's when not translated)."""
    return getattr(page, "original_language", None) or page.locale.language_code
