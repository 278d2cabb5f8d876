"""iCalendar files of events, for the network and a city, in each language."""

import pytest
from icalendar import Calendar

pytestmark = pytest.mark.django_db


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_network_calendar_lists_the_events_with_their_place_and_link(client, clermont):
    (event,) = events(client.get("/en/feeds/events.ics"))
    assert str(event["summary"]) == "Forum des mobilités"
    assert event["summary"].params["language"] == "fr"  # not translated into English yet
    assert str(event["location"]) == "Polydome, Clermont-Ferrand"
    assert str(event["url"]) == "http://testserver/en/cities/clermont-ferrand/forum/"
    assert event.decoded("dtstart") == clermont["event"].start.replace(microsecond=0)
    assert str(event["uid"]) == f"{clermont['event'].translation_key}@citynet"


def test_the_same_event_keeps_its_uid_in_every_language(client, clermont):
    (english,) = events(client.get("/en/feeds/events.ics"))
    (chinese,) = events(client.get("/zh-hans/feeds/events.ics"))
    assert str(english["uid"]) == str(chinese["uid"])
    assert str(chinese["url"]).startswith("http://testserver/zh-hans/")


def test_city_calendar_and_an_empty_one(client, clermont, network_tree):
    from tests.citypages.factories import CityPageFactory

    assert len(events(client.get("/fr/feeds/cities/clermont-ferrand/events.ics"))) == 1
    CityPageFactory(parent=network_tree.city_index, title="Greenville", slug="greenville", country="US")
    assert events(client.get("/en/feeds/cities/greenville/events.ics")) == []
