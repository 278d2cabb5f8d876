"""Network-wide views that are not pages of their own: one page per theme, and the conferences' timeline.

They hang off each language's home page (Wagtail's routable pages), so they live in every language tree at
``/<lang>/themes/<slug>/`` and ``/<lang>/conferences/`` with the same navigation, language switcher and fallback as
pages; editors have nothing to create or translate for them beyond the themes themselves.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from citypages.models import CooperationProjectPage, EventPage, NewsPage, Theme
from matching.views import find_partners
from pagecache.fragments import for_generation

THEME_LISTING_LENGTH = 12


def localized_theme(slug, locale_id):
    """The theme in this language, else in any (its translation may not exist yet); 404 if there is none."""
    themes = Theme.objects.filter(slug=slug)
    theme = themes.filter(locale_id=locale_id).first() or themes.order_by("pk").first()
    if theme is None:
        raise Http404("No such theme")
    return theme


class NetworkRoutesMixin(RoutablePageMixin):
    def _in_tree(self, model):
        return model.objects.live().public().filter(locale_id=self.locale_id).with_city().with_original_language()

    @path("themes/<slug:slug>/", name="theme")
    def theme_view(self, request, slug):
        theme = localized_theme(slug, self.locale_id)
        # Kept for the content generation, and for the hour ("upcoming" moves with the clock).
        hour = timezone.now().replace(minute=0, second=0, microsecond=0)
        listings = for_generation(
            "theme-listings", (self.pk, slug, hour.isoformat()), lambda: self.theme_listings(slug), request=request
        )
        context = {**Page.get_context(self, request), "theme": theme, **listings}  # not the home page's own listings
        return TemplateResponse(request, "home/theme.html", context)

    def theme_listings(self, slug):
        """The theme's latest projects, news and upcoming events in this tree, their counts and their cities'."""
        on_theme = {"page_themes__theme__slug": slug}
        projects = self._in_tree(CooperationProjectPage).filter(**on_theme).distinct()
        news = self._in_tree(NewsPage).filter(**on_theme).distinct()
        events = self._in_tree(EventPage).filter(end__gte=timezone.now(), **on_theme).distinct()
        return {
            "projects": list(projects.order_by("-first_published_at", "-pk")[:THEME_LISTING_LENGTH]),
            "project_count": projects.count(),
            "news_items": list(news.order_by("-date", "-pk")[:THEME_LISTING_LENGTH]),
            "news_count": news.count(),
            "upcoming_events": list(events.order_by("start")[:THEME_LISTING_LENGTH]),
            "city_count": len(
                {*projects.values_list("city_title", flat=True), *news.values_list("city_title", flat=True)}
            ),
        }

    @path("partners/", name="find_partners")
    def find_partners_view(self, request):
        return find_partners(request, self)

    @path("conferences/", name="conferences")
    def conferences_view(self, request):
        conferences = list(self._in_tree(EventPage).filter(is_network_conference=True).order_by("start", "pk"))
        now = timezone.now()
        upcoming = [conference for conference in conferences if conference.end >= now]
        context = {
            **Page.get_context(self, request),
            "past_conferences": [conference for conference in conferences if conference.end < now][::-1],
            "next_conference": upcoming[0] if upcoming else None,
            "later_conferences": upcoming[1:],
        }
        return TemplateResponse(request, "home/conferences.html", context)
