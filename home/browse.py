"""The network's browse pages: all news, all events and all themes of a language tree.

Routes of each language's home page, like the theme pages (``home.routes``): ``/<lang>/news/``, ``/<lang>/events/``
and ``/<lang>/themes/`` exist in every language with the same fallback as pages, as every page of every city is in
every language tree (a translation or an alias of its original). Filter options and their counts are kept for the
content generation; a listing reads one page of items and their total.
"""

from django.db import models
from django.db.models.functions import ExtractYear
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import path
from wagtail.models import Page

from citypages.models import CityPage, CooperationProjectPage, EventPage, NewsPage, Theme
from citypages.models.mixins import live_count_by_city
from cms.paging import page_links, page_of
from library.listing import documents_library
from pagecache.fragments import for_generation

from .browse_forms import EventYearForm, NewsFilterForm

LISTING_PAGE_SIZE = 12


def themes_in_language(locale_id):
    """Every theme once, in this language where it is translated, else in its first language (marked by its
    ``locale``), sorted by name."""
    chosen = {}
    for theme in Theme.objects.select_related("locale").order_by("pk"):
        if theme.slug not in chosen or theme.locale_id == locale_id:
            chosen[theme.slug] = theme
    return sorted(chosen.values(), key=lambda theme: theme.name.casefold())


def count_by_theme(queryset):
    """{theme slug: number of pages of ``queryset`` on that theme}, in one grouped query."""
    rows = queryset.order_by().values("page_themes__theme__slug").annotate(total=models.Count("pk", distinct=True))
    return {row["page_themes__theme__slug"]: row["total"] for row in rows if row["page_themes__theme__slug"]}


class BrowseRoutesMixin:
    """Routes of ``HomePage`` (a ``RoutablePageMixin``), which also gives ``_in_tree()``."""

    def _browse_context(self, request, heading):
        # Page.get_context, not the home page's own: none of its listings.
        return {**Page.get_context(self, request), "browse_title": heading}

    def _respond(self, request, template, context, form):
        response = TemplateResponse(request, template, context)
        if form.errors:
            response.status_code = 400  # the list unfiltered, with the form's error, as a client error
        return response

    # All news

    @path("news/", name="news")
    def news_view(self, request):
        summary = for_generation("browse-news", (self.pk,), self.news_summary, request=request)
        form = NewsFilterForm(request.GET, options=summary["options"], domains=summary["domains"])
        filters = form.filters
        news = self._in_tree(NewsPage)
        if "city" in filters:
            news = news.filter(path__startswith=summary["city_paths"].get(filters["city"], "-"))
        if "theme" in filters:
            news = news.filter(page_themes__theme__slug=filters["theme"]).distinct()
        if "year" in filters:
            news = news.filter(date__year=filters["year"])
        listing = page_of(news.order_by("-date", "-pk"), form.page_number, LISTING_PAGE_SIZE)
        context = {
            **self._browse_context(request, _("News")),
            "filter_form": form,
            "filtered": bool(filters),
            "listing": listing,
            "news_total": summary["total"],
            **page_links(request, listing),
        }
        return self._respond(request, "home/news_index.html", context, form)

    def news_summary(self):
        """The filters' options with their counts: cities, themes and years that hold news in this tree."""
        news = NewsPage.objects.live().public().filter(locale_id=self.locale_id)
        cities = list(CityPage.objects.live().filter(locale_id=self.locale_id).order_by("title"))
        by_city = live_count_by_city(NewsPage, self.locale_id)
        by_theme = count_by_theme(news)
        by_year = dict(
            news.order_by().annotate(year=ExtractYear("date")).values_list("year").annotate(total=models.Count("pk"))
        )
        themes = themes_in_language(self.locale_id)
        return {
            "total": sum(by_year.values()),
            "city_paths": {city.slug: city.path for city in cities},
            "domains": {"city": [city.slug for city in cities], "theme": [theme.slug for theme in themes]},
            "options": {
                "city": [(city.slug, city.title, by_city[city.path]) for city in cities if by_city.get(city.path)],
                "theme": [(theme.slug, theme.name, by_theme[theme.slug]) for theme in themes if theme.slug in by_theme],
                "year": [(year, year, by_year[year]) for year in sorted(by_year, reverse=True)],
            },
        }

    # All events

    @path("events/", name="events")
    def events_view(self, request):
        now = timezone.now()
        hour = now.replace(minute=0, second=0, microsecond=0)  # "upcoming" moves with the clock
        summary = for_generation("browse-events", (self.pk, hour.isoformat()), self.events_summary, request=request)
        form = EventYearForm(request.GET, options=summary["options"])
        year = form.filters.get("year")
        events = self._in_tree(EventPage)
        if year:
            events = events.filter(start__year=year).order_by("start", "pk")
        else:
            events = events.filter(end__gte=now).order_by("start", "pk")
        listing = page_of(events, form.page_number, LISTING_PAGE_SIZE)
        context = {
            **self._browse_context(request, _("Events")),
            "filter_form": form,
            "year": year,
            "listing": listing,
            "past_years": summary["options"]["year"],
            **page_links(request, listing),
        }
        return self._respond(request, "home/event_index.html", context, form)

    def events_summary(self):
        """The years that hold events in this tree, newest first, with their counts."""
        events = EventPage.objects.live().public().filter(locale_id=self.locale_id)
        by_year = dict(
            events.order_by().annotate(year=ExtractYear("start")).values_list("year").annotate(total=models.Count("pk"))
        )
        return {"options": {"year": [(year, year, by_year[year]) for year in sorted(by_year, reverse=True)]}}

    # The documents library

    @path("documents/", name="documents")
    def documents_view(self, request):
        return documents_library(request, self)

    # All themes

    @path("themes/", name="themes")
    def themes_view(self, request):
        hour = timezone.now().replace(minute=0, second=0, microsecond=0)
        themes = for_generation("browse-themes", (self.pk, hour.isoformat()), self.themes_with_counts, request=request)
        context = {**self._browse_context(request, _("Themes")), "themes": themes}
        return TemplateResponse(request, "home/theme_index.html", context)

    def themes_with_counts(self):
        """Every theme in this language (or its first one), with its live projects, news and upcoming events."""
        in_tree = {"locale_id": self.locale_id}
        projects = count_by_theme(CooperationProjectPage.objects.live().public().filter(**in_tree))
        news = count_by_theme(NewsPage.objects.live().public().filter(**in_tree))
        events = count_by_theme(EventPage.objects.live().public().filter(end__gte=timezone.now(), **in_tree))
        themes = themes_in_language(self.locale_id)
        for theme in themes:
            theme.project_count = projects.get(theme.slug, 0)
            theme.news_count = news.get(theme.slug, 0)
            theme.event_count = events.get(theme.slug, 0)
        return themes
