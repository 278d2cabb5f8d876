"""The search's facets, declared once: the service, the facet signatures, the Elasticsearch mapping and queries, the
API and the search page all read this list.

To add a facet: a field on ``SearchEntry`` and ``FacetSignature`` (a migration), its value in ``search.extract``, and
a ``Facet`` here; the database backend counts it by signature, Elasticsearch with a terms aggregation on ``field``
(docs/architecture.md, "Add a search facet").
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from citypages.countries import country_name
from citypages.lifecycle import statuses_in_order
from citypages.models import CityPage, CooperationProjectPage, Theme

from .models import SearchEntry

# The stored statuses and the one derived from the dates, which the index holds (search.extract).
PROJECT_STATUSES = dict(statuses_in_order(CooperationProjectPage.Status.choices))
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _valid_uuid(value):
    try:
        return uuid.UUID(value).hex
    except ValueError:
        return None


def _names_in_language(rows, language):
    """{value: name} from (value, language code, name) rows: the name in ``language`` where there is one."""
    names = {}
    for value, code, name in rows:
        if code == language or value not in names:
            names[value] = name
    return names


def city_names(keys, language):
    keys = [uuid.UUID(key) for key in keys if key]
    rows = CityPage.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "locale__language_code", "title"
    )
    return _names_in_language(((key.hex, code, title) for key, code, title in rows), language)


def theme_names(slugs, language):
    rows = Theme.objects.filter(slug__in=slugs).values_list("slug", "locale__language_code", "name")
    return _names_in_language(rows, language)


def _fixed(labels):
    return lambda _values, _language: {value: str(label) for value, label in labels.items()}


@dataclass(frozen=True)
class Facet:
    """One facet: ``name`` is its URL parameter, ``field`` the column of ``SearchEntry`` and ``FacetSignature`` and
    the keyword field of the Elasticsearch document that hold its values."""

    name: str
    field: str
    label: str | Promise  # a lazy translation, read in the visitor's language
    clean: Callable  # a raw parameter value -> the value, or None when it is not one
    value_labels: Callable  # (values, visitor language) -> {value: label}; values without one show as they are
    several: bool = False  # the field holds several values, space-separated (themes, languages)
    newest_first: bool = False  # values listed by value, descending (years), not by count
    # The language an item is shown in: the visitor's when the item has it (``languages``), else its original.
    # Both backends count and filter it so, not by the field alone.
    shown_language: bool = False

    def values_of(self, stored):
        """The facet's values in a stored field (a string, empty for none)."""
        if not stored:
            return ()
        return tuple(stored.split()) if self.several else (stored,)


FACETS = (
    Facet("type", "kind", _("Type"), lambda value: value if value in SearchEntry.Kind.values else None,
          _fixed(dict(SearchEntry.Kind.choices))),
    Facet("city", "city_key", _("City"), _valid_uuid, city_names),
    Facet("country", "country", _("Country"),
          lambda value: value.upper() if len(value) == 2 and value.isalpha() else None,
          lambda values, _language: {code: country_name(code) for code in values}),
    Facet("theme", "themes", _("Theme"),
          lambda value: value if value and len(value) <= 100 and value.replace("-", "").isalnum() else None,
          theme_names, several=True),
    Facet("status", "status", _("Project status"), lambda value: value if value in PROJECT_STATUSES else None,
          _fixed(PROJECT_STATUSES)),
    Facet("year", "year", _("Year"), lambda value: value if value.isdigit() and 1900 <= int(value) <= 2100 else None,
          _fixed({}), newest_first=True),
    Facet("language", "languages", _("Language"), lambda value: value if value in LANGUAGE_NAMES else None,
          _fixed(LANGUAGE_NAMES), several=True, shown_language=True),
)  # fmt: skip
FACET_NAMES = tuple(facet.name for facet in FACETS)
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}
