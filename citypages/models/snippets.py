"""Shared vocabularies of the network: themes, organisations, the UN Sustainable Development Goals."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A theme the member cities voted to work on (mobility, energy, culture...)."""

    ICONS = [
        ("bus", _("Bus")),
        ("scooter", _("Scooter")),
        ("wind", _("Wind")),
        ("sun", _("Sun")),
        ("recycle", _("Recycling")),
        ("tree", _("Tree")),
        ("graduation-cap", _("Graduation cap")),
        ("chip", _("Chip")),
        ("home", _("House")),
        ("palette", _("Palette")),
        ("running", _("Runner")),
        ("users", _("People")),
        ("megaphone", _("Megaphone")),
        ("map", _("Map")),
        ("landmark", _("Landmark")),
    ]

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, help_text=_("Used in addresses; the same in every language."))
    description = models.TextField(_("description"), blank=True)
    icon = models.CharField(_("icon"), max_length=20, choices=ICONS, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("icon")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("icon"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_per_locale")]

    def __str__(self):
        return self.name


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A university, company, association, public body or artists' collective taking part in projects."""

    class OrganisationType(models.TextChoices):
        UNIVERSITY = "university", _("University or research centre")
        COMPANY = "company", _("Company")
        ASSOCIATION = "association", _("Association")
        PUBLIC_BODY = "public_body", _("Public body")
        ARTISTS_COLLECTIVE = "artists_collective", _("Artists' collective")

    name = models.CharField(_("name"), max_length=200)
    organisation_type = models.CharField(_("type"), max_length=30, choices=OrganisationType.choices)
    city = models.ForeignKey(
        "citypages.CityPage",
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The member city where the organisation is based, if any."),
    )
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("organisation_type"), FieldPanel("city"), FieldPanel("website")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("organisation_type"),
        SynchronizedField("city"),
        SynchronizedField("website"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


SDG_NAMES = {
    1: _("No poverty"),
    2: _("Zero hunger"),
    3: _("Good health and well-being"),
    4: _("Quality education"),
    5: _("Gender equality"),
    6: _("Clean water and sanitation"),
    7: _("Affordable and clean energy"),
    8: _("Decent work and economic growth"),
    9: _("Industry, innovation and infrastructure"),
    10: _("Reduced inequalities"),
    11: _("Sustainable cities and communities"),
    12: _("Responsible consumption and production"),
    13: _("Climate action"),
    14: _("Life below water"),
    15: _("Life on land"),
    16: _("Peace, justice and strong institutions"),
    17: _("Partnerships for the goals"),
}


class SustainableDevelopmentGoal(models.Model):
    """One of the 17 UN goals; the rows are created by a migration, names come from the UI catalogues."""

    number = models.PositiveSmallIntegerField(primary_key=True)

    class Meta:
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.name}"

    @property
    def name(self):
        return SDG_NAMES.get(self.number, "")
