"""Pages the network office writes: the About section (history, governance, how to join, the office) and the legal
notice and privacy pages. Translated like every page; city teams cannot edit them (their rights stop at their own
city's section)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from citypages.blocks import BodyStreamBlock
from cms.pages import CityNetPage
from cms.tree import SECTION_INDEX_DEPTH
from pagecache.fragments import for_generation


class NetworkPage(CityNetPage):
    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences shown under the title."))
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    api_fields = [APIField("intro"), APIField("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.NetworkPage"]
    subpage_types = ["home.NetworkPage"]
    template = "home/network_page.html"

    class Meta:
        verbose_name = _("network page")
        verbose_name_plural = _("network pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["section"] = for_generation("network-section", (self.pk,), self.section, request=request)
        return context

    def section(self):
        """The section this page belongs to (its top page right under the home page) and that top page's live
        pages, for the section's menu."""
        top = (
            self
            if self.depth <= SECTION_INDEX_DEPTH
            else self.get_ancestors().filter(depth=SECTION_INDEX_DEPTH).first()
        )
        return {"top": top, "pages": list(top.get_children().live().public().only("title", "url_path", "path"))}
