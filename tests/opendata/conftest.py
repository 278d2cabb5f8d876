"""A city written in French with a news item translated into English, a project, an event and a theme."""

import datetime

import pytest
from django.utils import timezone

from citypages.synctree import alias_into_every_locale
from tests.citypages.factories import (
    CityPageFactory,
    CooperationProjectPageFactory,
    EventPageFactory,
    NewsPageFactory,
    ThemeFactory,
)


@pytest.fixture
def clermont(network_tree):
    french = network_tree.index_in("fr")
    mobility = ThemeFactory(name="Mobility", slug="mobility", locale=network_tree.locales["en"])
    city = CityPageFactory(parent=french, title="Clermont-Ferrand", slug="clermont-ferrand", country="FR")
    news = NewsPageFactory(
        parent=city, title="Une ligne de bus à hydrogène", slug="bus-hydrogene", summary="Le bus roule.",
        date=datetime.date(2026, 10, 1),
    )  # fmt: skip
    untranslated = NewsPageFactory(
        parent=city, title="Fête du vélo", slug="fete-du-velo", summary="Tout le monde à vélo.",
        date=datetime.date(2026, 9, 1),
    )  # fmt: skip
    project = CooperationProjectPageFactory(
        parent=city, title="Covoiturage entre villes jumelles", slug="covoiturage", themes=[mobility]
    )
    event = EventPageFactory(
        parent=city, title="Forum des mobilités", slug="forum", venue="Polydome, Clermont-Ferrand",
        start=timezone.now() + datetime.timedelta(days=10), end=timezone.now() + datetime.timedelta(days=11),
    )  # fmt: skip
    alias_into_every_locale(city)
    english = news.copy_for_translation(network_tree.locales["en"])
    english.title, english.summary = "A hydrogen bus line", "The bus runs."
    english.save_revision().publish()
    for page in (news, untranslated, project, event):
        alias_into_every_locale(page)
    return {"city": city, "news": news, "untranslated": untranslated, "project": project, "event": event,
            "theme": mobility}  # fmt: skip
