"""Public pages as visitors meet them: rendering, links between cities, errors."""

import pytest

from citypages.models import CityTwinning, ProjectPartnerCity
from tests.citypages.factories import (
    CityPageFactory,
    CooperationProjectPageFactory,
    EventPageFactory,
    NewsPageFactory,
    ThemeFactory,
)
from tests.conftest import build_network_tree, module_world

pytestmark = pytest.mark.django_db


def build_section():
    network_tree = build_network_tree()
    clermont = CityPageFactory(parent=network_tree.city_index, title="Clermont-Ferrand", slug="clermont-ferrand")
    anshan = CityPageFactory(parent=network_tree.city_index, title="Anshan", slug="anshan", country="CN")
    project = CooperationProjectPageFactory(
        parent=clermont, title="Student exchanges", slug="student-exchanges", themes=[ThemeFactory(name="Youth")]
    )
    ProjectPartnerCity.objects.create(page=project, city=anshan)
    CityTwinning.objects.create(city=clermont, twin_city=anshan)
    news = NewsPageFactory(parent=clermont, title="Students arrive", slug="students-arrive")
    event = EventPageFactory(parent=clermont, title="Welcome day", slug="welcome-day")
    return network_tree, {"clermont": clermont, "anshan": anshan, "project": project, "news": news, "event": event}


section_world = module_world(build_section)


@pytest.fixture
def network_tree(db, section_world):
    return section_world[0]


@pytest.fixture
def section(db, section_world):
    return section_world[1]


def test_city_page_lists_its_projects_news_and_events(client, section):
    response = client.get("/en/cities/clermont-ferrand/")
    assert response.status_code == 200
    html = response.content.decode()
    for title in ("Student exchanges", "Students arrive", "Welcome day"):
        assert title in html
    assert '<html lang="en">' in html


def test_twinning_shows_on_both_cities(client, section):
    assert 'href="/en/cities/anshan/"' in client.get("/en/cities/clermont-ferrand/").content.decode()
    assert 'href="/en/cities/clermont-ferrand/"' in client.get("/en/cities/anshan/").content.decode()


def test_project_page_shows_lead_and_partner_cities(client, section):
    html = client.get("/en/cities/clermont-ferrand/student-exchanges/").content.decode()
    assert "Lead city" in html and 'href="/en/cities/clermont-ferrand/"' in html
    assert "Partner cities" in html and 'href="/en/cities/anshan/"' in html
    assert "Youth" in html


PUBLIC_PATHS = [
    "/en/",
    "/en/cities/",
    "/en/cities/clermont-ferrand/student-exchanges/",
    "/en/cities/clermont-ferrand/students-arrive/",
    "/en/cities/clermont-ferrand/welcome-day/",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_every_page_type_renders_with_landmarks(client, section, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<main" in html and "<nav" in html and 'class="skip-link"' in html
    assert html.count("<h1") == 1


def test_translated_city_page_is_served_in_its_language(client, section, network_tree):
    french = section["clermont"].copy_for_translation(network_tree.locales["fr"])
    french.save_revision().publish()
    response = client.get("/fr/cities/clermont-ferrand/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert 'hreflang="en"' in html and 'hreflang="fr"' in html


@pytest.mark.parametrize("path", ["/en/cities/atlantis/", "/xx/cities/", "/en/cities/clermont-ferrand/nothing-here/"])
def test_unknown_cities_languages_and_pages_are_404(client, section, path):
    assert client.get(path, follow=True).status_code == 404


MALFORMED_PATHS = [
    "/en/%00/",
    "/en/cities/%ff%fe/",
    "/en/cities/" + "a" * 3000 + "/",
    "/en/search/?q=%00",
    "/en/search/?page=-1&q=x",
    "/en/cities/clermont-ferrand/?%zz",
    "/en//cities//",
    "/zh-hans/../etc/passwd",
]


@pytest.mark.parametrize("path", MALFORMED_PATHS)
def test_malformed_urls_never_give_a_server_error(client, section, path):
    assert client.get(path, follow=True).status_code < 500


def test_city_index_counts_each_citys_live_projects_and_news(client, section):
    CooperationProjectPageFactory(parent=section["clermont"], title="Second project", slug="second-project")
    draft = CooperationProjectPageFactory(parent=section["clermont"], title="Draft project", slug="draft-project")
    draft.unpublish()
    response = client.get("/en/cities/")
    counts = {city.slug: (city.project_count, city.news_count, city.event_count) for city in response.context["cities"]}
    assert counts == {"clermont-ferrand": (2, 1, 1), "anshan": (0, 0, 0)}


def test_not_found_page_keeps_the_navigation_and_a_search_box(client, section):
    response = client.get("/en/cities/atlantis/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and 'role="search"' in html and 'href="/en/cities/"' in html
