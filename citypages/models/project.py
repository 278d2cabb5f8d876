"""Cooperation projects: what member cities do together. A project is led by the city it sits under."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from citypages.admin_forms import CooperationProjectPageForm
from citypages.blocks import BodyStreamBlock, KeyFigureBlock
from citypages.lifecycle import TO_BE_CONFIRMED, derived_status, status_label
from citypages.panels import LifecycleNoticePanel
from cms.pages import CityNetPage

from .lineage import ProjectLineageMixin
from .mixins import CitySectionMixin, CitySectionPageManager, ThemeLink, localized_pages

MAX_THEMES = 3


class CooperationProjectPage(CitySectionMixin, ProjectLineageMixin, CityNetPage):
    class Status(models.TextChoices):
        IDEA = "idea", _("Idea")
        SEEKING_PARTNERS = "seeking_partners", _("Seeking partners")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")

    class Origin(models.TextChoices):
        CONFERENCE = "conference", _("Network conference")
        CALL = "call", _("Call for proposals")
        DECLARATION = "declaration", _("Declaration")
        LOCAL = "local", _("City initiative")

    summary = models.TextField(_("summary"), max_length=400, help_text=_("One or two sentences shown in listings."))
    body = StreamField(BodyStreamBlock(), verbose_name=_("description"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IDEA)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Leave empty if open-ended."))
    sdgs = ParentalManyToManyField(
        "citypages.SustainableDevelopmentGoal",
        verbose_name=_("sustainable development goals"),
        blank=True,
        related_name="projects",
    )
    origin = models.CharField(_("origin"), max_length=20, choices=Origin.choices, default=Origin.LOCAL)
    origin_conference = models.ForeignKey(
        "citypages.EventPage",
        verbose_name=_("conference"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_network_conference": True},
        help_text=_("The network conference the project came from or was presented at."),
    )
    origin_declaration = models.ForeignKey(
        "commitments.DeclarationPage",
        verbose_name=_("declaration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The declaration the project answers."),
    )
    origin_detail = models.CharField(
        _("origin details"), max_length=200, blank=True, help_text=_("E.g. the call for proposals.")
    )
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("based on"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Another city's project that this one reuses or adapts."),
    )
    results = StreamField(BodyStreamBlock(), verbose_name=_("results"), blank=True)
    key_figures = StreamField([("figure", KeyFigureBlock())], verbose_name=_("key figures"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_role = models.CharField(_("contact person's role"), max_length=200, blank=True)
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("Never shown publicly; visitors write through a contact form.")
    )

    objects = CitySectionPageManager()
    base_form_class = CooperationProjectPageForm  # a project seeking partners must list its needs

    content_panels = [
        LifecycleNoticePanel(template="citypages/admin/lifecycle_notice.html", heading=_("Status to be confirmed")),
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")])],
            heading=_("Status and dates"),
        ),
        InlinePanel(
            "needs",
            label=_("Need"),
            heading=_("Partners sought"),
            help_text=_("Required while the project is seeking partners: who you look for, and until when."),
        ),
        InlinePanel("page_themes", label=_("Theme"), heading=_("Themes"), min_num=1, max_num=MAX_THEMES),
        InlinePanel(
            "served_commitments",
            label=_("Commitment"),
            heading=_("Commitments served"),
            help_text=_("The commitments of declarations signed by your city that this project helps to keep."),
        ),
        FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        InlinePanel("partner_cities", label=_("Partner city"), heading=_("Partner cities")),
        InlinePanel("partner_organisations", label=_("Partner organisation"), heading=_("Partner organisations")),
        MultiFieldPanel(
            [
                FieldPanel("origin"),
                FieldPanel("origin_conference"),
                FieldPanel("origin_declaration"),
                FieldPanel("origin_detail"),
                FieldPanel("based_on"),
            ],
            heading=_("Where the project comes from"),
        ),
        FieldPanel("results"),
        FieldPanel("key_figures"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_role"), FieldPanel("contact_email")],
            heading=_("Contact"),
        ),
    ]
    # Exposed by the pages API (/api/v2/pages/); contact details never are.
    api_fields = [APIField(name) for name in ["summary", "status", "start_date", "end_date", "body", "results"]]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("results"),
        index.FilterField("status"),
        index.FilterField("start_date"),
    ]
    override_translatable_fields = [
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
        SynchronizedField("sdgs"),
    ]

    parent_page_types = ["citypages.CityPage"]
    subpage_types = []
    template = "citypages/cooperation_project_page.html"

    class Meta:
        verbose_name = _("cooperation project")
        verbose_name_plural = _("cooperation projects")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.status == self.Status.COMPLETED and not self.end_date:
            raise ValidationError({"end_date": _("A completed project needs an end date.")})
        if self.origin == self.Origin.CONFERENCE and not self.origin_conference_id:
            raise ValidationError({"origin_conference": _("Choose the conference the project comes from.")})
        if self.origin == self.Origin.DECLARATION and not self.origin_declaration_id:
            raise ValidationError({"origin_declaration": _("Choose the declaration the project comes from.")})
        if self.based_on_id and self.based_on.translation_key == self.translation_key:
            raise ValidationError({"based_on": _("A project cannot be based on itself.")})

    @property
    def current_status(self):
        """The status readers and owners see: the stored one, unless the dates contradict it (``lifecycle.py``)."""
        return derived_status(self.status, self.end_date, timezone.localdate())

    def get_current_status_display(self):
        return status_label(self.current_status, self.Status.choices)

    @property
    def awaits_confirmation(self):
        return self.current_status == TO_BE_CONFIRMED

    @property
    def lead_city(self):
        return self.city

    def partner_city_pages(self):
        """Partner cities in this page's language (one query)."""
        keys = self.partner_cities.values_list("city__translation_key", flat=True)
        return localized_pages(keys, self.locale_id)

    def related_content(self):
        """The lead and partner cities, partner organisations, themes, partner needs and lineage, as lists."""
        return {
            **super().related_content(),
            "lead_city": self.lead_city,
            "partner_city_pages": list(self.partner_city_pages()),
            "partner_organisations": list(self.partner_organisations.select_related("organisation")),
            "partner_needs": list(self.needs.all()),
            "lineage": self.lineage(),
        }


class ProjectTheme(ThemeLink):
    page = ParentalKey(CooperationProjectPage, on_delete=models.CASCADE, related_name="page_themes")


class ProjectPartnerCity(Orderable):
    page = ParentalKey(CooperationProjectPage, on_delete=models.CASCADE, related_name="partner_cities")
    city = models.ForeignKey(
        "citypages.CityPage", verbose_name=_("city"), on_delete=models.CASCADE, related_name="partner_in_projects"
    )

    panels = [FieldPanel("city")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner city")

    def clean(self):
        super().clean()
        if self.city_id and self.page_id and self.city.translation_key == self.page.city.translation_key:
            raise ValidationError({"city": _("The lead city cannot also be a partner city.")})


class ProjectPartnerOrganisation(Orderable):
    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        SCIENTIFIC = "scientific", _("Scientific partner")
        INDUSTRIAL = "industrial", _("Industrial partner")
        CIVIL_SOCIETY = "civil_society", _("Civil society partner")
        PUBLIC = "public", _("Public partner")
        CULTURAL = "cultural", _("Cultural partner")
        FUNDER = "funder", _("Funder")

    page = ParentalKey(CooperationProjectPage, on_delete=models.CASCADE, related_name="partner_organisations")
    organisation = models.ForeignKey(
        "citypages.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner organisation")
