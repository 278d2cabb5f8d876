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
from cms.pages import CityNetPage
from home.browse import BrowseRoutesMixin
from home.routes import NetworkRoutesMixin
from home.routing import DirectRouteMixin
from pagecache.fragments import for_generation

LATEST_COUNT = 6


class HomePage(
    NetworkRoutesMixin,
    BrowseRoutesMixin,
    DirectRouteMixin,
    CityNetPage,
):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("about the network"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["citypages.CityIndexPage", "commitments.DeclarationIndexPage", "home.NetworkPage"]
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("network home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Counts and listings of the whole language tree: kept for the content generation (pagecache.fragments),
        # and for the hour, as "upcoming" moves with the clock. The map's cities are read only when it is drawn.
        hour = timezone.now().replace(minute=0, second=0, microsecond=0)
        context.update(for_generation("home-summary", (self.pk, hour.isoformat()), self.network_summary))
        context["map_cities"] = CityPage.objects.live().filter(locale_id=self.locale_id).order_by("title")
        return context

    def network_summary(self):
        """What the home page shows of its language tree: key figures, projects by status, the next conference,
        the latest projects and news, upcoming events and the themes, read from the database."""
        in_tree = {"locale_id": self.locale_id}
        cities = CityPage.objects.live().filter(**in_tree)
        projects = CooperationProjectPage.objects.live().filter(**in_tree)
        shown_status = derived_status_expression(timezone.localdate())
        by_status = dict(
            projects.order_by().annotate(shown=shown_status).values_list("shown").annotate(total=models.Count("pk"))
        )
        city_figures = cities.order_by().aggregate(
            cities=models.Count("pk"), countries=models.Count("country", distinct=True)
        )
        live_in_tree = {"live": True, **in_tree}
        return {
            "city_index": CityIndexPage.objects.live().filter(**in_tree).first(),
            "key_figures": {**city_figures, "projects": sum(by_status.values())},
            "projects_by_status": [
                (label, by_status[value])
                for value, label in statuses_in_order(CooperationProjectPage.Status.choices)
                if by_status.get(value)
            ],
            "next_conference": (
                EventPage.objects.filter(is_network_conference=True, end__gte=timezone.now(), **live_in_tree)
                .with_city()
                .with_original_language()
                .order_by("start")
                .first()
            ),
            "latest_projects": list(
                CooperationProjectPage.objects.filter(**live_in_tree)
                .with_city()
                .with_original_language()
                .order_by("-first_published_at", "-pk")[:LATEST_COUNT]
            ),
            "latest_news": list(
                NewsPage.objects.filter(**live_in_tree)
                .with_city()
                .with_original_language()
                .order_by("-date", "-pk")[:LATEST_COUNT]
            ),
            "upcoming_events": list(
                EventPage.objects.filter(end__gte=timezone.now(), **live_in_tree)
                .with_city()
                .with_original_language()
                .order_by("start")[:4]
            ),
            "themes": list(Theme.objects.filter(**in_tree).order_by("name")),
        }
