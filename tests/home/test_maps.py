"""Maps of the member cities: data for Leaflet on the home, city index and project pages, the cities also
listed as links, the tile server from settings (none: a plain background)."""

import json
import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.staticfiles import finders
from django.template import Context, Template

from tests.citypages.factories import CityPageFactory, CooperationProjectPageFactory

pytestmark = pytest.mark.django_db


def map_data(html):
    found = re.findall(r'<script id="(city-map-[0-9a-f]{10}-data)" type="application/json">(.*?)</script>', html, re.S)
    assert len(found) == 1, found
    data_id, text = found[0]
    assert f'data-map-data="{data_id}"' in html
    return json.loads(text)


@pytest.fixture
def cities(network_tree):
    clermont = CityPageFactory(
        parent=network_tree.city_index, title="Clermont-Ferrand", slug="clermont-ferrand", latitude=Decimal("45.78"),
        longitude=Decimal("3.08"),
    )  # fmt: skip
    greenville = CityPageFactory(
        parent=network_tree.city_index,
        title="Greenville",
        slug="greenville",
        latitude=Decimal("34.85"),
        longitude=Decimal("-82.4"),
    )
    project = CooperationProjectPageFactory(parent=clermont, title="Tyre recycling", slug="tyre-recycling")
    project.partner_cities.create(city=greenville)
    project.save_revision().publish()
    return {"clermont": clermont, "greenville": greenville, "project": project}


def test_home_and_city_index_map_every_city_and_list_them_too(client, cities):
    for url in ("/en/", "/en/cities/"):
        html = client.get(url).content.decode()
        data = map_data(html)
        assert {city["name"] for city in data["cities"]} == {"Clermont-Ferrand", "Greenville"}
        assert {"name": "Greenville", "url": "/en/cities/greenville/", "lat": 34.85, "lng": -82.4,
                "role": "member"} in data["cities"]  # fmt: skip
        assert "/static/vendor/leaflet/leaflet.js" in html and "/static/js/network-map.js" in html
    # The map is never the only way in: the home page links to the list, which links to every city.
    home = client.get("/en/").content.decode()
    assert '<a href="/en/cities/">All member cities, as a list</a>' in home
    index = client.get("/en/cities/").content.decode()
    table = index[index.index("<table") : index.index("</table>")]
    assert 'href="/en/cities/greenville/"' in table and 'href="/en/cities/clermont-ferrand/"' in table


def test_without_a_tile_server_the_map_draws_the_worlds_land_from_our_own_static_files(client, cities):
    html = client.get("/en/").content.decode()
    data = map_data(html)
    assert data["tiles"] == ""
    assert data["land"] == {
        "coarse": "/static/vendor/world-atlas/countries-110m.json",
        "fine": "/static/vendor/world-atlas/countries-50m.json",
    }
    for url in data["land"].values():
        assert finders.find(url.removeprefix("/static/")), url
    assert data["landAttribution"] == "Land and borders: Natural Earth (public domain)"
    assert '<script src="/static/vendor/topojson-client/topojson-client.min.js" defer>' in html


def test_with_a_tile_server_no_land_is_drawn_under_it(client, cities, settings):
    settings.MAP_TILE_URL = "https://tiles.example/{z}/{x}/{y}.png"
    html = client.get("/en/cities/").content.decode()
    assert map_data(html)["land"] is None
    assert "topojson-client" not in html


def test_collectstatic_leaves_out_the_outlines_no_page_loads():
    ignored = apps.get_app_config("staticfiles").ignore_patterns
    collected = {
        "/".join(filter(None, (getattr(storage, "prefix", None), path)))
        for finder in finders.get_finders()
        for path, storage in finder.list(ignored)
    }
    atlas = {path for path in collected if path.startswith("vendor/world-atlas/")}
    assert atlas == {"vendor/world-atlas/countries-110m.json", "vendor/world-atlas/countries-50m.json"}
    assert "vendor/topojson-client/topojson-client.min.js" in collected


def test_the_tile_server_comes_from_settings(client, cities, settings):
    settings.MAP_TILE_URL = "https://tiles.example/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "© Example"
    data = map_data(client.get("/en/cities/").content.decode())
    assert data["tiles"] == "https://tiles.example/{z}/{x}/{y}.png" and data["attribution"] == "© Example"


def test_project_map_joins_the_lead_city_to_its_partners(client, cities):
    html = client.get("/en/cities/clermont-ferrand/tyre-recycling/").content.decode()
    data = map_data(html)
    assert data["lead"]["name"] == "Clermont-Ferrand"
    assert [city["name"] for city in data["cities"]] == ["Greenville"]
    assert 'aria-label="Map of the lead city and its partner cities"' in html


def test_two_maps_on_one_page_get_their_own_element_ids(rf, cities):
    template = Template(
        "{% load network_maps %}{% city_map lead_only lead=lead %}{% city_map both %}{% city_map nothing %}"
    )
    html = template.render(
        Context({
            "request": rf.get("/en/"), "lead": cities["clermont"], "lead_only": [],
            "both": [cities["clermont"], cities["greenville"]], "nothing": [],
        })
    )  # fmt: skip
    ids = re.findall(r'<script id="(city-map-[0-9a-f]{10}-data)"', html)
    assert len(ids) == 2 and len(set(ids)) == 2, ids  # a map of no city is left out
