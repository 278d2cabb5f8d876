"""Theme pages, the conferences' timeline and the home page's figures, in every language with fallback."""

import datetime

import pytest
from django.utils import timezone

from citypages.models.news import NewsTheme
from citypages.synctree import alias_into_every_locale
from demo.localized import translate
from tests.citypages.factories import (
    CityPageFactory,
    CooperationProjectPageFactory,
    EventPageFactory,
    NewsPageFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(network_tree):
    energy = ThemeFactory(name="Energy", slug="energy", description="Power for the city.")
    translate(energy, network_tree.locales["fr"], {"name": ["Énergie"]})
    city = CityPageFactory(parent=network_tree.index_in("fr"), title="Clermont-Ferrand", slug="clermont-ferrand")
    solar = CooperationProjectPageFactory(
        parent=city, title="Toits solaires", slug="toits-solaires", themes=[energy], status="ongoing"
    )
    CooperationProjectPageFactory(parent=city, title="Idée de tramway", slug="tramway", status="idea")
    news = NewsPageFactory(parent=city, title="Le soleil produit", slug="soleil")
    NewsTheme.objects.create(page=news, theme=energy)
    now = timezone.now()
    conferences = [
        EventPageFactory(
            parent=city,
            title=title,
            slug=slug,
            is_network_conference=True,
            conference_number=number,
            start=now + delta,
            end=now + delta + datetime.timedelta(days=2),
        )  # fmt: skip
        for title, slug, number, delta in [
            ("Conférence de Querétaro", "queretaro-2022", 9, datetime.timedelta(days=-1400)),
            ("Conférence de Zalău", "zalau-2024", 10, datetime.timedelta(days=-700)),
            ("Conférence de Clermont", "clermont-2026", 11, datetime.timedelta(days=20)),
        ]
    ]
    for page in (city, solar, news, *conferences, city.get_children().get(slug="tramway").specific):
        alias_into_every_locale(page)
    return {"energy": energy, "solar": solar}


def test_theme_page_lists_the_themes_projects_and_news_in_the_readers_language(client, network):
    response = client.get("/fr/themes/energy/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Énergie</h1>" in html
    assert "Toits solaires" in html and "Le soleil produit" in html and "Idée de tramway" not in html
    assert 'href="/fr/feeds/themes/energy.rss"' in html


def test_theme_page_in_a_language_without_its_translation_falls_back(client, network):
    html = client.get("/th/themes/energy/").content.decode()
    assert 'lang="en">Energy</h1>' in html  # no Thai name yet: the English one, marked as English
    assert "Toits solaires" in html and "Le soleil produit" in html


def test_unknown_theme_is_a_404(client, network):
    assert client.get("/en/themes/no-such-theme/").status_code == 404


def test_conferences_timeline_shows_the_next_one_and_the_past_newest_first(client, network):
    html = client.get("/en/conferences/").content.decode()
    assert html.index("Next conference") < html.index("Conférence de Clermont") < html.index("Past conferences")
    assert html.index("Conférence de Zalău") < html.index("Conférence de Querétaro")
    assert "Conference no. 10" in html


def test_home_page_counts_projects_by_status_and_announces_the_next_conference(client, network):
    html = client.get("/en/").content.decode()
    assert "Ongoing: 1" in html and "Idea: 1" in html
    assert "Conférence de Clermont" in html and 'href="/en/conferences/"' in html
    assert 'href="/en/themes/energy/"' in html
