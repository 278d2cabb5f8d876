"""The continent of a country: what Django and pycountry lack, kept as one explicit table."""

import pycountry
import pytest
from django.utils import translation
from django.utils.functional import Promise

from citypages.continents import CONTINENT_OF_COUNTRY, Continent, continent_of


@pytest.mark.parametrize(
    ("code", "continent"),
    [
        ("FR", "europe"),
        ("CN", "asia"),
        ("MX", "north_america"),
        ("BR", "south_america"),
        ("ZA", "africa"),
        ("AU", "oceania"),
        ("TH", "asia"),
        ("US", "north_america"),
        ("GT", "north_america"),  # Central America
        ("CU", "north_america"),  # the Caribbean
        ("RU", "europe"),
        ("EG", "africa"),
        ("NZ", "oceania"),
    ],
)
def test_continent_of_a_country(code, continent):
    assert continent_of(code) == continent


@pytest.mark.parametrize("code", ["", None, "XX", "ZZ", "FRA", "AQ"])
def test_unknown_codes_and_antarctica_have_no_continent(code):
    assert continent_of(code) == ""


def test_codes_are_read_in_any_case_and_with_spaces():
    assert continent_of("fr") == continent_of(" Fr ") == "europe"


def test_every_iso_code_is_in_the_table_and_only_those():
    assert set(CONTINENT_OF_COUNTRY) == {country.alpha_2 for country in pycountry.countries}
    assert set(CONTINENT_OF_COUNTRY.values()) == {*Continent.values, ""}
    assert [code for code, continent in CONTINENT_OF_COUNTRY.items() if not continent] == ["AQ"]


def test_the_six_continents_in_order_with_translatable_names():
    assert Continent.values == ["africa", "asia", "europe", "north_america", "south_america", "oceania"]
    assert [str(label) for label in Continent.labels] == [
        "Africa",
        "Asia",
        "Europe",
        "North America",
        "South America",
        "Oceania",
    ]
    # Lazy: each name is looked up in the visitor's language when shown, not once at import.
    assert all(isinstance(label, Promise) for label in Continent.labels)
    with translation.override("fr"):
        assert str(Continent.ASIA.label) == translation.gettext("Asia")
