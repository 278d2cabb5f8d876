"""The network's home page: one per language tree, the root of that language's site."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from citypages.blocks import BodyStreamBlock
from citypages.lifecycle import derived_status_expression, statuses_in_order
from citypages.models import CityIndexPage, CityPage, CooperationProjectPage, EventPage, NewsPage, Theme
from pagecache.restrictions import KnownViewRestrictionsMixin
from translations.permissions import TranslatorAwarePermissionsMixin

from .routes import NetworkRoutesMixin
from .routing import DirectRouteMixin

LATEST_COUNT = 6


class HomePage(NetworkRoutesMixin, DirectRouteMixin, TranslatorAwarePermissionsMixin, KnownViewRestrictionsMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("about the network"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["citypages.CityIndexPage", "commitments.DeclarationIndexPage"]
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("network home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        in_tree = {"locale_id": self.locale_id}
        context["city_index"] = CityIndexPage.objects.live().filter(**in_tree).first()
        context["map_cities"] = CityPage.objects.live().filter(**in_tree).order_by("title")
        cities = CityPage.objects.live().filter(**in_tree)
        projects = CooperationProjectPage.objects.live().filter(**in_tree)
        shown_status = derived_status_expression(timezone.localdate())
        by_status = dict(
            projects.order_by().annotate(shown=shown_status).values_list("shown").annotate(total=models.Count("pk"))
        )
        context["key_figures"] = {
            "cities": cities.count(),
            "countries": cities.values("country").distinct().count(),
            "projects": sum(by_status.values()),
        }
        context["projects_by_status"] = [
            (label, by_status[value])
            for value, label in statuses_in_order(CooperationProjectPage.Status.choices)
            if by_status.get(value)
        ]
        context["next_conference"] = (
            EventPage.objects.live()
            .filter(is_network_conference=True, end__gte=timezone.now(), **in_tree)
            .with_city()
            .with_original_language()
            .order_by("start")
            .first()
        )
        context["latest_projects"] = (
            CooperationProjectPage.objects.live()
            .filter(**in_tree)
            .with_city()
            .with_original_language()
            .order_by("-first_published_at", "-pk")[:LATEST_COUNT]
        )
        context["latest_news"] = (
            NewsPage.objects.live()
            .filter(**in_tree)
            .with_city()
            .with_original_language()
            .order_by("-date", "-pk")[:LATEST_COUNT]
        )
        context["upcoming_events"] = (
            EventPage.objects.live()
            .filter(end__gte=timezone.now(), **in_tree)
            .with_city()
            .with_original_language()
            .order_by("start")[:4]
        )
        context["themes"] = Theme.objects.filter(**in_tree).order_by("name")
        return context
