"""All news, all events and all themes of the network, in every language with fallback, over HTTP."""

import datetime

import pytest
from django.utils import timezone

from citypages.models.news import NewsTheme
from citypages.synctree import alias_into_every_locale
from demo.localized import translate
from home import browse
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
    ThemeFactory(name="Culture", slug="culture")
    clermont = CityPageFactory(parent=network_tree.index_in("fr"), title="Clermont-Ferrand", slug="clermont-ferrand")
    anshan = CityPageFactory(parent=network_tree.index_in("en"), title="Anshan", slug="anshan")
    pages = [clermont, anshan]
    solar = NewsPageFactory(parent=clermont, title="Le soleil produit", slug="soleil", date=datetime.date(2025, 6, 1))
    NewsTheme.objects.create(page=solar, theme=energy)
    pages += [
        solar,
        NewsPageFactory(parent=clermont, title="Festival du carnet", slug="carnet", date=datetime.date(2024, 3, 1)),
        NewsPageFactory(parent=anshan, title="Anshan students arrive", slug="students", date=datetime.date(2025, 9, 1)),
        CooperationProjectPageFactory(parent=clermont, title="Toits solaires", slug="toits", themes=[energy]),
    ]
    now = timezone.now()
    for title, slug, delta in [
        ("Atelier passé", "past", datetime.timedelta(days=-400)),
        ("Forum à venir", "soon", datetime.timedelta(days=10)),
        ("Visite plus tard", "later", datetime.timedelta(days=90)),
    ]:
        pages.append(EventPageFactory(parent=clermont, title=title, slug=slug, start=now + delta, end=now + delta))
    for page in pages:
        alias_into_every_locale(page)
    return {"energy": energy, "now": now}


def html_of(response):
    return response.content.decode()


def test_news_lists_every_citys_news_newest_first_in_the_readers_tree(client, network):
    response = client.get("/fr/news/")
    assert response.status_code == 200
    html = html_of(response)
    assert html.index("Anshan students arrive") < html.index("Le soleil produit") < html.index("Festival du carnet")
    assert 'href="/fr/cities/clermont-ferrand/soleil/"' in html
    assert client.get("/th/news/").status_code == 200  # a language with no translation lists the originals


def test_news_filters_by_city_theme_and_year_with_counts(client, network):
    html = html_of(client.get("/en/news/"))
    assert "Clermont-Ferrand (2)" in html and "Anshan (1)" in html and "2025 (2)" in html and "Energy (1)" in html
    assert "Culture (" not in html  # a theme with no news is not offered
    html = html_of(client.get("/en/news/?city=clermont-ferrand&year=2025"))
    assert "Le soleil produit" in html and "Festival du carnet" not in html and "Anshan students" not in html
    html = html_of(client.get("/en/news/?theme=energy"))
    assert "Le soleil produit" in html and "Festival du carnet" not in html


def test_a_known_city_without_news_finds_nothing_and_bad_values_are_400(client, network):
    CityPageFactory(parent=_en_index(), title="Zalău", slug="zalau")
    response = client.get("/en/news/?city=zalau")
    assert response.status_code == 200 and "No news matches these filters." in html_of(response)
    for query in ("city=atlantis", "theme=" + "x" * 500, "year=20x5", "year=99999", "page=0", "page=abc"):
        response = client.get(f"/en/news/?{query}")
        assert response.status_code == 400, query
        assert "Some filters in the address were not understood" in html_of(response)
        assert "Le soleil produit" in html_of(response)  # everything listed


def _en_index():
    from citypages.models import CityIndexPage

    return CityIndexPage.objects.get(locale__language_code="en")


def test_news_is_paged_keeping_the_filters(client, network, monkeypatch):
    monkeypatch.setattr(browse, "LISTING_PAGE_SIZE", 1)
    html = html_of(client.get("/en/news/?year=2025"))
    assert "Page 1 of 2" in html and 'href="?year=2025&amp;page=2"' in html
    html = html_of(client.get("/en/news/?year=2025&page=2"))
    assert "Le soleil produit" in html and "Anshan students" not in html and 'rel="prev"' in html
    assert client.get("/en/news/?year=2025&page=3").status_code == 404


def test_events_show_upcoming_first_and_past_ones_by_year(client, network):
    html = html_of(client.get("/en/events/"))
    assert html.index("Forum à venir") < html.index("Visite plus tard") and "Atelier passé" not in html
    past_year = (network["now"] - datetime.timedelta(days=400)).year
    assert f'href="/en/events/?year={past_year}"' in html
    assert 'href="/feeds/events.ics"' in html or "events.ics" in html
    html = html_of(client.get(f"/en/events/?year={past_year}"))
    assert "Atelier passé" in html and f"Events of {past_year}" in html
    assert client.get("/en/events/?year=next").status_code == 400


def test_themes_list_every_theme_with_its_counts_in_the_readers_language(client, network):
    html = html_of(client.get("/fr/themes/"))
    assert "Énergie" in html and 'href="/fr/themes/energy/"' in html
    assert "1 projet" in html or "1 project" in html
    html = html_of(client.get("/en/themes/"))
    assert "1 project ·" in html and "1 news item ·" in html and "0 upcoming events" in html
    assert 'lang="en"' in html_of(client.get("/th/themes/"))  # untranslated names marked as English
