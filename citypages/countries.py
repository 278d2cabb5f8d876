"""Country codes and their names in the visitor's language.

Django ships no country list; pycountry carries ISO 3166 with translated names for every language we serve,
so the network never keeps its own country catalogue.
"""

import gettext
from functools import lru_cache

import pycountry
from django.utils.functional import lazy
from django.utils.translation import get_language

# pycountry names its catalogues after gettext locales, not Django language codes.
GETTEXT_LANGUAGE = {"zh-hans": "zh_CN", "pt": "pt"}


@lru_cache(maxsize=32)
def _catalogue(language):
    code = GETTEXT_LANGUAGE.get(language, language)
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code], fallback=True)


def country_name(code, language=None):
    """The country's common name in ``language`` (default: the active language); '' for an unknown code."""
    country = pycountry.countries.get(alpha_2=code or "")
    if country is None:
        return ""
    english = getattr(country, "common_name", None) or country.name
    translated = _catalogue(language or get_language() or "en").gettext(country.name)
    # Catalogues translate the official short name; prefer the common English name when untranslated.
    return english if translated == country.name else translated


@lru_cache(maxsize=1)
def country_choices():
    """(code, lazy name) pairs; built once, since model validation asks for them on every save."""
    lazy_name = lazy(country_name, str)
    return tuple(sorted((country.alpha_2, lazy_name(country.alpha_2)) for country in pycountry.countries))
