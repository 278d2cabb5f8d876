"""The member cities: the index of all cities and one page per city, root of that city's section."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Collection, Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from citypages.admin_forms import CityPageForm
from citypages.blocks import BodyStreamBlock
from citypages.countries import country_choices, country_name
from citypages.permissions import CityPagePermissionTester
from cms.pages import CityNetPage
from pagecache.fragments import for_generation

from .event import EventPage
from .mixins import live_count_by_city
from .news import NewsPage
from .partnering import in_page_language
from .project import CooperationProjectPage


class CityIndexPage(CityNetPage):
    """All member cities of the network (one per language tree)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["citypages.CityPage"]
    max_count_per_parent = 1
    template = "citypages/city_index_page.html"

    class Meta:
        verbose_name = _("city index")
        verbose_name_plural = _("city indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from citypages.forms import CityFilterForm  # noqa: PLC0415  (the form's choices read CityPage)

        # The tree's cities and their counts, kept for the content generation. Filters by continent, country and
        # role (?continent=europe&country=FR&role=founder) take their options and counts from them, and filter
        # them here, with no further query.
        cities = for_generation("city-index", (self.pk,), self.cities_with_counts, request=request)
        filter_form = CityFilterForm(request.GET, cities=cities)
        shown = filter_form.filter(cities)
        context.update(
            cities=shown, city_total=len(cities), filter_form=filter_form, filtered=bool(filter_form.filters)
        )
        return context

    def cities_with_counts(self):
        """The live cities of this index, each with the number of its live projects, news items and events."""
        cities = list(CityPage.objects.child_of(self).live().order_by("title"))
        projects, news, events = (
            live_count_by_city(model, self.locale_id) for model in (CooperationProjectPage, NewsPage, EventPage)
        )
        for city in cities:
            city.project_count = projects.get(city.path, 0)
            city.news_count = news.get(city.path, 0)
            city.event_count = events.get(city.path, 0)
        return cities

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # A filter value outside its domain (a mistyped or forged address): the page, with the form's error and
        # every city, as a client error rather than a success.
        form = (getattr(response, "context_data", None) or {}).get("filter_form")
        if form is not None and form.errors:
            response.status_code = 400
        return response


class CityPage(CityNetPage):
    """One member city: its profile, and the root of its section (projects, news, events)."""

    class Role(models.TextChoices):
        FOUNDER = "founder", _("Founder")
        MEMBER = "member", _("Member city")
        PARTNER = "partner", _("Partner city")

    class MichelinSite(models.TextChoices):
        NONE = "", _("None")
        PLANT = "plant", _("Plant")
        RESEARCH_CENTRE = "research_centre", _("Research centre")
        PLANT_AND_RESEARCH = "plant_and_research_centre", _("Plant and research centre")
        HEADQUARTERS = "headquarters", _("Group headquarters and research centre")
        REGIONAL_HEADQUARTERS = "regional_headquarters", _("Regional headquarters")

    local_name = models.CharField(
        _("local name"), max_length=120, help_text=_("The city's name in its own language, e.g. 鞍山.")
    )
    english_name = models.CharField(_("English name"), max_length=120)
    country = models.CharField(_("country"), max_length=2, choices=country_choices)
    region = models.CharField(_("region"), max_length=120, blank=True, help_text=_("State, province or region."))
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    role = models.CharField(_("role in the network"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    michelin_site = models.CharField(
        _("Michelin site"),
        max_length=40,
        choices=MichelinSite.choices,
        blank=True,
        help_text=_("Partner (twin) cities usually have none."),
    )
    member_since = models.PositiveSmallIntegerField(
        _("member since"), validators=[MinValueValidator(2017), MaxValueValidator(2100)], help_text=_("Year.")
    )
    representative = models.CharField(
        _("representative"), max_length=200, blank=True, help_text=_("Role of the city's representative.")
    )
    working_languages = ParentalManyToManyField(
        "wagtailcore.Locale", verbose_name=_("working languages"), blank=True, related_name="+"
    )
    website = models.URLField(_("website"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField(_("introduction"), help_text=_("One or two sentences shown in listings."))
    body = StreamField(BodyStreamBlock(), verbose_name=_("profile"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("Never shown publicly; visitors write through a contact form.")
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("media collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the city's images and documents are kept; created with the city."),
    )

    base_form_class = CityPageForm  # an offered project must be one of the city's own
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("local_name"), FieldPanel("english_name")]),
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("population"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("role"), FieldPanel("member_since")]),
                FieldPanel("michelin_site"),
                FieldPanel("representative"),
                FieldPanel("working_languages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("website"),
            ],
            heading=_("In the network"),
        ),
        InlinePanel("twinnings", label=_("Twin cities"), heading=_("Twin cities")),
        InlinePanel(
            "offers",
            label=_("Offer"),
            heading=_("What the city offers"),
            help_text=_("Per theme: what other cities can come to you for."),
        ),
        InlinePanel(
            "needs", label=_("Need"), heading=_("What the city seeks"), help_text=_("Per theme: what you look for.")
        ),
        FieldPanel(
            "hero_image",
            help_text=_("Its description in Images is its alt text, required: say what the image shows."),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("collection", read_only=True)]

    # Exposed by the pages API (/api/v2/pages/); contact details never are.
    api_fields = [
        APIField(name)
        for name in (
            "local_name",
            "english_name",
            "country",
            "region",
            "latitude",
            "longitude",
            "population",
            "role",
            "michelin_site",
            "member_since",
            "website",
            "intro",
        )
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("local_name"),
        index.SearchField("english_name"),
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("country"),
        index.FilterField("role"),
    ]
    override_translatable_fields = [
        SynchronizedField("local_name"),
        SynchronizedField("english_name"),
        TranslatableField("region"),  # a province is written in each language: 辽宁省, Liaoning
        TranslatableField("representative"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
    ]

    parent_page_types = ["citypages.CityIndexPage"]
    subpage_types = ["citypages.CooperationProjectPage", "citypages.NewsPage", "citypages.EventPage"]
    template = "citypages/city_page.html"

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def save(self, *args, **kwargs):
        # Each city keeps its images and documents in a collection of its own, made with the city;
        # translations and aliases share the source's collection.
        if self.collection_id is None and self.alias_of_id is None:
            self.collection = city_collection(self.english_name or self.title)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        # The hero image's alt text is its description (Wagtail's default alt text), which Wagtail never requires:
        # a city page showing an image without one is refused (in the admin on save, submit and publish; in code
        # whenever a live page is saved, as Wagtail validates only live pages there).
        if self.hero_image_id and not self.hero_image.description.strip():
            raise ValidationError(
                {
                    "hero_image": _(
                        "Give this image alt text (its description) in Images: say what it shows, for readers who "
                        "cannot see it."
                    )
                }
            )

    def permissions_for_user(self, user):
        return CityPagePermissionTester(user, self)

    @property
    def country_name(self):
        return country_name(self.country)

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        # The city's section and partnerships, kept for the content generation (a draft's preview reads them).
        context.update(for_generation("city-section", (self.pk,), self.section_content, request=request))
        return context

    def section_content(self):
        """The city's projects, latest news and events, twin cities, offers and needs, as lists."""
        return {
            "projects": list(
                CooperationProjectPage.objects.child_of(self).live().with_original_language().order_by("title")
            ),
            "news_items": list(NewsPage.objects.child_of(self).live().with_original_language().order_by("-date")[:10]),
            "events": list(EventPage.objects.child_of(self).live().with_original_language().order_by("-start")[:10]),
            "twin_cities": list(self.twin_cities()),
            "offers": list(in_page_language(self, self.offers.select_related("theme", "project"))),
            "needs": list(in_page_language(self, self.needs.select_related("theme"))),
        }

    def twin_cities(self):
        """Twin cities in this page's language, whichever side recorded the twinning, in one query."""
        key = self.translation_key
        twin_keys = CityPage.objects.filter(
            models.Q(twinnings__twin_city__translation_key=key) | models.Q(twinned_with__city__translation_key=key)
        ).values("translation_key")
        return CityPage.objects.live().filter(locale_id=self.locale_id, translation_key__in=twin_keys).order_by("title")


def city_collection(name):
    """The collection named after a city, created under the root collection if it does not exist yet."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=name).first() or root.add_child(name=name)


class CityTwinning(Orderable):
    """A twinning between two member cities (recorded on one side, shown on both)."""

    city = ParentalKey(CityPage, on_delete=models.CASCADE, related_name="twinnings")
    twin_city = models.ForeignKey(
        CityPage, verbose_name=_("twin city"), on_delete=models.CASCADE, related_name="twinned_with"
    )

    panels = [FieldPanel("twin_city")]

    class Meta(Orderable.Meta):
        verbose_name = _("twin city")
