"""The city index's filters (continent, country, role), read from the query string of a GET form."""

import unicodedata
from collections import Counter

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from citypages.continents import Continent, continent_of
from citypages.countries import country_choices, country_name
from citypages.models.city import CityPage

# Each filter's option label for a value, in the active language.
LABELS = {
    "continent": lambda value: Continent(value).label,
    "country": country_name,
    "role": lambda value: CityPage.Role(value).label,
}


def filter_values(city):
    """What each filter compares: the city's continent, country and role."""
    return {"continent": continent_of(city.country), "country": city.country, "role": city.role}


def _sort_key(label):
    """Accents and case ignored, so that "Égypte" sorts with the E's in French."""
    decomposed = unicodedata.normalize("NFKD", str(label))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


class FilterField(forms.ChoiceField):
    """An optional select that offers the values the cities hold, but accepts any value of its ``domain``: an old
    link to a country no city is in any more finds no city rather than an error. Other values are errors."""

    def __init__(self, *, domain, normalise, **kwargs):
        super().__init__(required=False, **kwargs)
        self.domain = domain
        self.normalise = normalise

    def to_python(self, value):
        return self.normalise(super().to_python(value).strip())

    def bound_data(self, data, initial):
        # The select shows the value as understood ("fr" selects France).
        return self.to_python(data) if isinstance(data, str) else data

    def valid_value(self, value):
        return value in self.domain()

    def validate(self, value):
        if value and not self.valid_value(value):
            # Django's message, with the value shortened: an address can carry anything.
            shown = Truncator(value).chars(30)
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": shown})


class CityFilterForm(forms.Form):
    """Bound to ``request.GET``; ``cities`` are all the live cities of the language tree, which the options and
    their counts are built from."""

    continent = FilterField(label=_("Continent"), domain=lambda: Continent.values, normalise=str.lower)
    country = FilterField(
        label=_("Country"), domain=lambda: {code for code, _name in country_choices()}, normalise=str.upper
    )
    role = FilterField(label=_("Role"), domain=lambda: CityPage.Role.values, normalise=str.lower)

    def __init__(self, data=None, *, cities=(), **kwargs):
        kwargs.setdefault("auto_id", "city-filter-%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, **kwargs)
        rows = [filter_values(city) for city in cities]
        self.totals = {name: Counter(row[name] for row in rows) for name in LABELS}
        countries = sorted(self.totals["country"], key=lambda code: _sort_key(country_name(code)))
        for name, everything, values in (
            ("continent", _("All continents"), Continent.values),
            ("country", _("All countries"), countries),
            ("role", _("All roles"), CityPage.Role.values),
        ):
            present = [self._option(name, value) for value in values if value and self.totals[name][value]]
            self.fields[name].choices = [("", everything), *present]

    def _option(self, name, value):
        return value, f"{LABELS[name](value)} ({self.totals[name][value]})"

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            # A valid value that no city holds stays selected in its select, with its count of 0.
            if value and value not in dict(self.fields[name].choices):
                self.fields[name].choices = [*self.fields[name].choices, self._option(name, value)]
        return cleaned

    @property
    def filters(self):
        """{name: value} of the filters in force; none when the form is not valid."""
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}

    def filter(self, cities):
        """The ``cities`` that pass every filter in force (all of them when the form is not valid)."""
        filters = self.filters
        return [city for city in cities if filters.items() <= filter_values(city).items()]  # a subset: all match
