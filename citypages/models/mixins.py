"""Pieces shared by the page types of a city section."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, Page, PageManager, PageQuerySet

from cms.tree import CITY_PAGE_DEPTH, city_path_expression
from pagecache.fragments import for_generation
from pagecache.restrictions import private_sections_q
from translations.state import original_language

from .snippets import Theme


class CitySectionQuerySet(PageQuerySet):
    def private_q(self):
        # Wagtail's reads every view restriction on each call (each public() listing); these are kept.
        return private_sections_q()

    def with_city(self):
        """Annotate each page with its city's title and URL path, in the same query.

        Every page of a section sits below its ``CityPage``; Wagtail's materialised path gives the city's
        path as a prefix, so no per-item parent lookup is needed in listings.
        """
        city_path = city_path_expression(models.OuterRef("path"))
        city = Page.objects.filter(path=city_path)
        return self.annotate(
            city_title=models.Subquery(city.values("title")[:1]),
            city_url_path=models.Subquery(city.values("url_path")[:1]),
        )

    def with_original_language(self):
        """Annotate ``original_language``: the language of the text a copy shows when it is not yet translated
        into its tree's language (an alias, or a translation not published yet), else None. Same query."""
        return self.annotate(original_language=original_language())


CitySectionPageManager = PageManager.from_queryset(CitySectionQuerySet)


def in_city_section(city_key, path_field="path"):
    """A condition matching every page of a city's section (its city page included) in every locale, given the
    city page's translation key; ``path_field`` names the page path from another model (``page__path``)."""
    condition = models.Q(pk__in=[])
    for path in Page.objects.filter(translation_key=city_key).values_list("path", flat=True):
        condition |= models.Q(**{f"{path_field}__startswith": path})
    return condition


def live_count_by_city(model, locale_id):
    """{city page path: number of live ``model`` pages in that city's section}, in one grouped query."""
    city_path = city_path_expression()
    rows = (
        model.objects.live()
        .filter(locale_id=locale_id, depth__gt=CITY_PAGE_DEPTH)
        .order_by()
        .values(city_path=city_path)
        .annotate(total=models.Count("pk"))
    )
    return {row["city_path"]: row["total"] for row in rows}


class CitySectionMixin:
    """A page that belongs to one city's section; its city is the ``CityPage`` above it.

    Each type names in ``related_content()`` the other pages and rows it shows (its city, partners, themes...);
    they are kept for the content generation (``pagecache.fragments``), read again for a draft's preview.
    """

    @cached_property
    def city(self):
        from .city import CityPage  # noqa: PLC0415  (city.py imports this module)

        return CityPage.objects.filter(path=self.city_section_path).first()

    def related_content(self):
        return {"city": self.city, "themes": list(self.localized_themes())}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        related = for_generation("section-page-related", (self.pk,), self.related_content, request=request)
        self.city = related["city"]  # the structured data of the page read it too
        context.update(related)
        return context

    def localized_themes(self):
        """The page's themes in its own locale, in one query (theme links point at one locale's copy)."""
        keys = self.page_themes.values_list("theme__translation_key", flat=True)
        return Theme.objects.filter(locale_id=self.locale_id, translation_key__in=keys).order_by("name")


class ThemeLink(Orderable):
    """A link from a page to one of the network's themes; subclasses add the ParentalKey."""

    theme = models.ForeignKey("citypages.Theme", on_delete=models.CASCADE, related_name="+", verbose_name=_("theme"))

    panels = [FieldPanel("theme")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return str(self.theme)


def localized_pages(translation_keys, locale_id):
    """Live ``CityPage`` copies in one locale for translation keys (a subquery, or a list for a preview, whose child
    objects are in memory).

    Relations between pages are synchronised across locales (wagtail-localize keeps page links pointing at
    the source copy), so listings resolve them to the reader's locale by translation key, in one query.
    """
    from .city import CityPage  # noqa: PLC0415  (city.py imports this module)

    return CityPage.objects.live().filter(locale_id=locale_id, translation_key__in=translation_keys).order_by("title")
