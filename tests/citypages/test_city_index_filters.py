"""The city index's filters by continent, country and role, as a visitor uses them: a GET form, no JavaScript."""

import html as htmllib
import json
import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.utils import translation

from citypages.continents import Continent
from tests.citypages.factories import CityPageFactory, CooperationProjectPageFactory, NewsPageFactory
from tests.conftest import build_network_tree, module_world

pytestmark = pytest.mark.django_db

CITIES = [
    # title, country, role
    ("Clermont-Ferrand", "FR", "founder"),
    ("Olsztyn", "PL", "member"),
    ("Anshan", "CN", "member"),
    ("Laem Chabang", "TH", "partner"),
    ("Querétaro", "MX", "member"),
    ("Greenville", "US", "member"),
    ("Campo Grande", "BR", "partner"),
]


@dataclass
class FilterWorld:
    tree: object
    cities: dict


def build_filter_world():
    network_tree = build_network_tree()
    made = {
        title: CityPageFactory(
            parent=network_tree.city_index,
            title=title,
            slug=title.lower().replace(" ", "-").replace("é", "e"),
            country=country,
            role=role,
            latitude=Decimal(10 + number),
            longitude=Decimal(20 + number),
        )
        for number, (title, country, role) in enumerate(CITIES)
    }
    CooperationProjectPageFactory(parent=made["Anshan"])
    NewsPageFactory(parent=made["Anshan"])
    # A city being prepared (not live) is neither listed nor offered as a filter value.
    CityPageFactory(parent=network_tree.city_index, title="Karlsruhe", slug="karlsruhe", country="DE").unpublish()
    return FilterWorld(tree=network_tree, cities=made)


filter_world = module_world(build_filter_world)


@pytest.fixture
def network_tree(db, filter_world):
    return filter_world.tree


@pytest.fixture
def cities(db, filter_world):
    return filter_world.cities


def listed(html):
    """Names of the cities in the table, in order."""
    if "<table" not in html:
        return []
    table = html[html.index("<table") : html.index("</table>")]
    return [htmllib.unescape(name) for name in re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', table)]


def mapped(html):
    """Names of the cities on the map (its JSON data), or [] without a map."""
    found = re.findall(r'<script id="city-map-[0-9a-f]{10}-data" type="application/json">(.*?)</script>', html, re.S)
    assert len(found) <= 1
    return sorted(city["name"] for city in json.loads(found[0])["cities"]) if found else []


def options(html, name):
    """{value: label} of a filter's select, and the selected value."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    found = re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select)
    return {value: htmllib.unescape(label) for value, _sel, label in found}, next(
        (value for value, selected, _label in found if selected), None
    )


def summary(html):
    return re.search(r'<p class="city-filters__summary" role="status">(.*?)</p>', html, re.S).group(1)


def test_without_filters_every_live_city_is_listed_with_the_form(client, cities):
    response = client.get("/en/cities/")
    assert response.status_code == 200
    html = response.content.decode()
    assert listed(html) == sorted(title for title, _country, _role in CITIES)
    assert mapped(html) == sorted(title for title, _country, _role in CITIES)
    assert summary(html) == "7 member cities"
    assert '<form class="city-filters" method="get" action="/en/cities/"' in html
    assert '<button type="submit">Apply filters</button>' in html
    assert "Clear filters" not in html  # nothing to clear
    for name in ("continent", "country", "role"):
        assert f'<label for="city-filter-{name}">' in html and f'id="city-filter-{name}"' in html


def test_options_are_the_values_live_cities_hold_with_their_counts(client, cities):
    html = client.get("/en/cities/").content.decode()
    continents, selected = options(html, "continent")
    assert selected == ""  # "All continents"
    assert list(continents.items()) == [
        ("", "All continents"),
        ("asia", "Asia (2)"),
        ("europe", "Europe (2)"),
        ("north_america", "North America (2)"),
        ("south_america", "South America (1)"),
    ]  # in the continents' order; no Africa or Oceania: no city there
    countries, _selected = options(html, "country")
    assert list(countries) == ["", "BR", "CN", "FR", "MX", "PL", "TH", "US"]  # by name; DE is only a draft
    assert countries["US"] == "United States (1)" and countries["FR"] == "France (1)"
    roles, _selected = options(html, "role")
    assert list(roles.values()) == ["All roles", "Founder (1)", "Member city (4)", "Partner city (2)"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("continent=europe", ["Clermont-Ferrand", "Olsztyn"]),
        ("continent=north_america", ["Greenville", "Querétaro"]),  # Mexico is in North America
        ("country=CN", ["Anshan"]),
        ("country=cn", ["Anshan"]),  # codes in any case
        ("role=partner", ["Campo Grande", "Laem Chabang"]),
        ("continent=asia&role=partner", ["Laem Chabang"]),
        ("continent=europe&country=FR&role=founder", ["Clermont-Ferrand"]),
        ("continent=&country=&role=member", ["Anshan", "Greenville", "Olsztyn", "Querétaro"]),  # empty: no filter
        ("continent=asia&utm_source=newsletter", ["Anshan", "Laem Chabang"]),  # other parameters are ignored
    ],
)
def test_each_filter_alone_and_combined(client, cities, query, expected):
    response = client.get(f"/en/cities/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert listed(html) == expected
    assert mapped(html) == sorted(expected)  # the map shows the same cities as the table
    assert [city.title for city in response.context["cities"]] == expected
    assert '<a href="/en/cities/">Clear filters</a>' in html


def test_the_form_shows_the_filters_in_force(client, cities):
    html = client.get("/en/cities/?continent=asia&country=cn&role=member").content.decode()
    assert options(html, "continent")[1] == "asia"
    assert options(html, "country")[1] == "CN"
    assert options(html, "role")[1] == "member"


def test_the_count_sentence_says_how_many_cities_match(client, cities):
    assert summary(client.get("/en/cities/?continent=europe").content.decode()) == "2 of 7 cities"
    assert summary(client.get("/en/cities/?country=CN").content.decode()) == "1 of 7 cities"


def test_the_count_sentence_has_a_singular(client):
    network_tree = build_network_tree()  # a network of its own, without the module's cities
    CityPageFactory(parent=network_tree.city_index, title="Anshan", slug="anshan", country="CN")
    assert summary(client.get("/en/cities/").content.decode()) == "1 member city"
    assert summary(client.get("/en/cities/?country=CN").content.decode()) == "1 of 1 city"


def test_counts_of_projects_and_news_stay_with_their_city(client, cities):
    response = client.get("/en/cities/?continent=asia")
    counts = {city.title: (city.project_count, city.news_count) for city in response.context["cities"]}
    assert counts == {"Anshan": (1, 1), "Laem Chabang": (0, 0)}


def test_no_match_says_so_instead_of_an_empty_table(client, cities):
    response = client.get("/en/cities/?continent=europe&country=CN")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<table" not in html and mapped(html) == []
    assert summary(html) == "0 of 7 cities"
    assert 'No member city matches these filters. <a href="/en/cities/">Clear filters</a>' in html


def test_a_valid_value_no_city_holds_finds_nothing_and_stays_selected(client, cities):
    # An old link: no live city in Germany (Karlsruhe is a draft) or in Africa.
    for query, name, value, label in (
        ("country=DE", "country", "DE", "Germany (0)"),
        ("continent=africa", "continent", "africa", "Africa (0)"),
    ):
        response = client.get(f"/en/cities/?{query}")
        assert response.status_code == 200
        html = response.content.decode()
        assert listed(html) == [] and "No member city matches these filters." in html
        values, selected = options(html, name)
        assert selected == value and values[value] == label


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("continent=atlantis", "continent"),
        ("country=XX", "country"),
        ("country=FRA", "country"),
        ("role=mayor", "role"),
        ("role=founder&continent=mars", "continent"),  # one bad value: no filter at all
        ("country=%00", "country"),
        ("continent=" + "a" * 3000, "continent"),
        ("continent=%3Cscript%3Ealert(1)%3C/script%3E", "continent"),
    ],
)
def test_an_unknown_value_is_a_400_with_the_error_and_every_city(client, cities, query, field):
    response = client.get(f"/en/cities/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Traceback" not in html and "<script>alert" not in html
    assert "Some filters in the address were not understood, so every city is shown." in html
    assert f'<ul class="errorlist" id="city-filter-{field}_error"><li>Select a valid choice.' in html
    assert f'aria-invalid="true" aria-describedby="city-filter-{field}_error" id="city-filter-{field}"' in html
    assert "a" * 31 not in html  # the value is shortened in the message
    assert listed(html) == sorted(title for title, _country, _role in CITIES)
    assert mapped(html) == sorted(title for title, _country, _role in CITIES)
    assert summary(html) == "7 member cities"
    assert '<a href="/en/cities/">Clear filters</a>' in html


def test_filters_in_the_french_tree(client, cities, network_tree):
    french = network_tree.locales["fr"]
    for title in ("Clermont-Ferrand", "Anshan", "Laem Chabang"):
        cities[title].copy_for_translation(french).save_revision().publish()
    response = client.get("/fr/cities/?continent=asia")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert listed(html) == ["Anshan", "Laem Chabang"]
    assert mapped(html) == ["Anshan", "Laem Chabang"]
    assert '<form class="city-filters" method="get" action="/fr/cities/"' in html
    # Options come from the French tree's own live cities, in French.
    assert '<label for="city-filter-country">Pays</label>' in html
    assert '<label for="city-filter-role">Rôle</label>' in html
    countries, _selected = options(html, "country")
    assert countries == {"": countries[""], "CN": "Chine (1)", "FR": "France (1)", "TH": "Thaïlande (1)"}
    roles, _selected = options(html, "role")
    assert roles["founder"] == "Ville fondatrice (1)" and roles["member"] == "Ville membre (1)"
    continents, selected = options(html, "continent")
    assert selected == "asia"
    with translation.override("fr"):
        assert continents == {
            "": str(translation.gettext("All continents")),
            "asia": f"{Continent.ASIA.label} (2)",
            "europe": f"{Continent.EUROPE.label} (1)",
        }


def test_filtering_costs_no_extra_query(client, cities, network_tree, django_assert_max_num_queries, uncached):
    filtered = "/en/cities/?continent=asia&country=CN&role=member"
    client.get(filtered)  # warm per-process caches (site root paths, content types)
    # The page's own: its cities, and their projects, news and events counted in one grouped query each; the
    # footer's network office and the breadcrumbs one each.
    with django_assert_max_num_queries(19) as unfiltered:
        assert client.get("/en/cities/").status_code == 200
    with django_assert_max_num_queries(len(unfiltered)):
        assert client.get(filtered).status_code == 200
    with django_assert_max_num_queries(len(unfiltered)):
        assert client.get("/en/cities/?continent=atlantis").status_code == 400
    for _ in range(10):
        NewsPageFactory(parent=CityPageFactory(parent=network_tree.city_index, country="CN"))
    with django_assert_max_num_queries(len(unfiltered)):
        assert client.get(filtered).status_code == 200
