"""Feeds in each language (inside the language prefix); robots.txt, the sitemap and the pages API (outside it)."""

from django.urls import path

from .api import api_router
from .calendars import events_calendar
from .feeds import NetworkAtomFeed, NetworkFeed
from .views import robots_txt, sitemap

rss, atom = NetworkFeed(), NetworkAtomFeed()

language_urlpatterns = [
    path("feeds/latest.rss", rss, name="feed_network_rss"),
    path("feeds/latest.atom", atom, name="feed_network_atom"),
    path("feeds/cities/<slug:city>.rss", rss, name="feed_city_rss"),
    path("feeds/cities/<slug:city>.atom", atom, name="feed_city_atom"),
    path("feeds/themes/<slug:theme>.rss", rss, name="feed_theme_rss"),
    path("feeds/themes/<slug:theme>.atom", atom, name="feed_theme_atom"),
    path("feeds/events.ics", events_calendar, name="calendar_network"),
    path("feeds/cities/<slug:city>/events.ics", events_calendar, name="calendar_city"),
]

urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("api/v2/", api_router.urls),
]
