"""News published by a member city."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from citypages.blocks import BodyStreamBlock
from cms.pages import CityNetPage

from .mixins import CitySectionMixin, CitySectionPageManager, ThemeLink, localized_pages
from .project import CooperationProjectPage


class NewsPage(CitySectionMixin, CityNetPage):
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), max_length=400, help_text=_("One or two sentences shown in listings."))
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))

    objects = CitySectionPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("page_themes", label=_("Theme"), heading=_("Themes"), max_num=3),
        InlinePanel("related_cities", label=_("Related city"), heading=_("Related cities")),
        InlinePanel("related_projects", label=_("Related project"), heading=_("Related projects")),
    ]
    # Exposed by the pages API (/api/v2/pages/); contact details never are.
    api_fields = [APIField(name) for name in ["date", "summary", "body"]]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["citypages.CityPage"]
    subpage_types = []
    template = "citypages/news_page.html"

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def related_content(self):
        city_keys = self.related_cities.values_list("city__translation_key", flat=True)
        project_keys = self.related_projects.values_list("project__translation_key", flat=True)
        return {
            **super().related_content(),
            "related_city_pages": list(localized_pages(city_keys, self.locale_id)),
            "related_project_pages": list(
                CooperationProjectPage.objects.live().filter(locale_id=self.locale_id, translation_key__in=project_keys)
            ),
        }


class NewsTheme(ThemeLink):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="page_themes")


class NewsRelatedCity(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_cities")
    city = models.ForeignKey("citypages.CityPage", verbose_name=_("city"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("city")]


class NewsRelatedProject(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_projects")
    project = models.ForeignKey(
        "citypages.CooperationProjectPage", verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("project", "citypages.CooperationProjectPage")]
