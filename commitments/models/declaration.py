"""Declarations: joint texts the member cities sign, each a list of commitments and its signatory cities.

A declaration is a network-level page (the network office runs it, translators localise it), so it lives in every
language tree like the rest, with revisions, moderation and wagtail-localize. Its commitments are translatable
child objects, translated with the page; projects point at a commitment by its translation key (``project_links.py``).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from citypages.blocks import BodyStreamBlock
from citypages.models.lineage import in_locale
from citypages.models.mixins import localized_pages
from cms.pages import CityNetPage
from commitments.admin_forms import DeclarationPageForm
from commitments.tracker import declaration_progress, declaration_totals


class DeclarationIndexPage(CityNetPage):
    """The network's declarations, newest first (one per language tree)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["commitments.DeclarationPage"]
    max_count_per_parent = 1
    template = "commitments/declaration_index_page.html"

    class Meta:
        verbose_name = _("declaration index")
        verbose_name_plural = _("declaration indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        declarations = list(
            DeclarationPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-date", "title")
            .prefetch_related("commitments", "signatories")
        )
        totals = declaration_totals(declarations)
        for declaration in declarations:
            declaration.project_total = totals.get(declaration.pk, 0)
        context["declarations"] = declarations
        return context


class DeclarationPage(CityNetPage):
    date = models.DateField(_("date signed"))
    place = models.CharField(_("place signed"), max_length=200, help_text=_("E.g. “Santiago de Querétaro, Mexico”."))
    conference = models.ForeignKey(
        "citypages.EventPage",
        verbose_name=_("conference"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_network_conference": True},
        help_text=_("The network conference where it was signed, if any."),
    )
    summary = models.TextField(_("summary"), max_length=400, help_text=_("One or two sentences shown in listings."))
    body = StreamField(BodyStreamBlock(), verbose_name=_("text of the declaration"))
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL, verbose_name=_("signed text"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("The declaration as signed (a PDF in the documents library), offered for download on its page."),
    )  # fmt: skip

    base_form_class = DeclarationPageForm  # commitments and signatories that projects rely on are not removed
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("date"), FieldPanel("place")]), FieldPanel("conference")],
            heading=_("Signature"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("document"),
        InlinePanel("commitments", label=_("Commitment"), heading=_("Commitments"), min_num=1),
        InlinePanel("signatories", label=_("Signatory city"), heading=_("Signatory cities"), min_num=1),
    ]
    api_fields = [APIField(name) for name in ["date", "place", "summary", "body"]]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["commitments.DeclarationIndexPage"]
    subpage_types = []
    template = "commitments/declaration_page.html"

    class Meta:
        verbose_name = _("declaration")
        verbose_name_plural = _("declarations")

    def signatory_cities(self):
        """The signatory cities' live copies in this page's language, by name (one query)."""
        return localized_pages(self.signatories.values_list("city__translation_key", flat=True), self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["progress"] = declaration_progress(self)
        if self.conference_id:
            context["conference"] = in_locale(self.conference, self.locale_id)
        return context


class Commitment(TranslatableMixin, Orderable):
    """One commitment of a declaration; its number is its position in the declaration."""

    page = ParentalKey(DeclarationPage, on_delete=models.CASCADE, related_name="commitments")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=1000)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self):
        return self.title


class DeclarationSignatory(Orderable):
    page = ParentalKey(DeclarationPage, on_delete=models.CASCADE, related_name="signatories")
    city = models.ForeignKey(
        "citypages.CityPage", verbose_name=_("city"), on_delete=models.CASCADE, related_name="signed_declarations"
    )

    panels = [FieldPanel("city")]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory city")
        verbose_name_plural = _("signatory cities")

    def __str__(self):
        return str(self.city)
