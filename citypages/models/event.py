"""Events of a member city, including the network's biennial conferences."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from citypages.blocks import BodyStreamBlock, ProgrammeItemBlock
from cms.pages import CityNetPage

from .mixins import CitySectionMixin, CitySectionPageManager, ThemeLink


class EventPage(CitySectionMixin, CityNetPage):
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    summary = models.TextField(_("summary"), max_length=400, help_text=_("One or two sentences shown in listings."))
    venue = models.CharField(_("venue"), max_length=200)
    host_city = models.ForeignKey(
        "citypages.CityPage",
        verbose_name=_("host city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the event takes place, if not in the city that publishes it."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("description"), blank=True)
    programme = StreamField([("item", ProgrammeItemBlock())], verbose_name=_("programme"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    is_network_conference = models.BooleanField(
        _("network conference"), default=False, help_text=_("One of the network's biennial conferences.")
    )
    conference_number = models.PositiveSmallIntegerField(
        _("conference number"), null=True, blank=True, help_text=_("1 for the first conference, and so on.")
    )

    objects = CitySectionPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("venue"),
                FieldPanel("host_city"),
                FieldPanel("registration_url"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [FieldPanel("is_network_conference"), FieldPanel("conference_number")], heading=_("Network conference")
        ),
        InlinePanel("page_themes", label=_("Theme"), heading=_("Themes"), max_num=3),
        FieldPanel("body"),
        FieldPanel("programme"),
    ]
    # Exposed by the pages API (/api/v2/pages/); contact details never are.
    api_fields = [
        APIField(name)
        for name in (
            "start",
            "end",
            "summary",
            "venue",
            "registration_url",
            "is_network_conference",
            "conference_number",
            "body",
        )
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("start"),
        index.FilterField("is_network_conference"),
    ]
    override_translatable_fields = [SynchronizedField("conference_number")]

    parent_page_types = ["citypages.CityPage"]
    subpage_types = []
    template = "citypages/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})
        if self.is_network_conference and not self.conference_number:
            raise ValidationError({"conference_number": _("Give the conference's number.")})
        if self.conference_number and not self.is_network_conference:
            raise ValidationError({"is_network_conference": _("Only network conferences have a number.")})

    @property
    def venue_city(self):
        """The city hosting the event: the chosen host city, else the city that publishes it."""
        return (self.host_city.localized if self.host_city_id else None) or self.city

    def related_content(self):
        return {**super().related_content(), "venue_city": self.venue_city}


class EventTheme(ThemeLink):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="page_themes")
