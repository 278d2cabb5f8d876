"""iCalendar (RFC 5545) files of the network's events, for the whole network or one city, in each language:
calendar applications subscribe to them. Written with the ``icalendar`` library (escaping, line folding)."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from citypages.models import EventPage

from .scope import FeedScope, page_language

PAST_DAYS = 365  # a subscribed calendar keeps last year's events; older ones are archive, not agenda


def _calendar(request, scope):
    calendar = Calendar()
    calendar.add("prodid", "-//CityNet//Network of Michelin cities//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = scope.city.title if scope.city is not None else _("Events of the network")
    calendar.add("x-wr-calname", f"{name} · CityNet")
    since = timezone.now() - datetime.timedelta(days=PAST_DAYS)
    events = (
        scope.restrict(EventPage.objects.all())
        .filter(end__gte=since)
        .with_city()
        .with_original_language()
        .select_related("locale")
        .order_by("start", "pk")
    )
    for page in events:
        event = Event()
        event.add("uid", f"{page.translation_key}@citynet")  # the same event in every language's calendar
        event.add("dtstamp", page.last_published_at or timezone.now())
        event.add("dtstart", page.start)
        event.add("dtend", page.end)
        event.add("summary", page.title)
        event.add("description", page.summary)
        event.add("location", page.venue)
        event.add("url", request.build_absolute_uri(page.get_url(request)))
        if page.last_published_at:
            event.add("last-modified", page.last_published_at)
        event.add("categories", [page.city_title] if page.city_title else [])
        language = page_language(page)
        event["summary"].params["language"] = language
        calendar.add_component(event)
    return calendar


def events_calendar(request, city=None):
    scope = FeedScope.from_request(request, city_slug=city)
    response = HttpResponse(_calendar(request, scope).to_ical(), content_type="text/calendar; charset=utf-8")
    filename = f"citynet-{scope.city.slug if scope.city else 'network'}-{scope.locale.language_code}.ics"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
