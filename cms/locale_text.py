"""Text built from data, written by each language's own rules: language names, lists, long dates, coordinates.

Django formats dates and numbers per locale but has no list patterns, gives language names capitalised as in
a menu ("Anglais" inside a French sentence) and cannot write the French first of the month ("1er mars"). CLDR has
the rest (``babel``): lists with the language's own separators ("A、B和C" in Chinese, "A B และC" in Thai, "A, B et
C" in French), language names as written in running text.
"""

from babel import Locale, UnknownLocaleError
from babel.lists import format_list
from django.utils import formats
from django.utils.translation import get_language, pgettext

# Django language codes CLDR spells otherwise.
CLDR_LOCALES = {"zh-hans": "zh_Hans", "zh-hant": "zh_Hant"}
# How a language writes the first day of a month, where it is not the plain number.
FIRST_OF_THE_MONTH = {"fr": "1er"}


def cldr_locale(language=None):
    code = language or get_language() or "en"
    try:
        return Locale.parse(CLDR_LOCALES.get(code, code.replace("-", "_")))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def language_name(code, reader=None):
    """The name of the language ``code`` as the ``reader``'s language writes it in a sentence ("anglais")."""
    locale = cldr_locale(reader)
    cldr_code = CLDR_LOCALES.get(code, code.replace("-", "_"))
    return locale.languages.get(cldr_code) or locale.languages.get(cldr_code.split("_")[0]) or code


def join_list(items, language=None):
    """``items`` as one phrase with the language's own separators and last conjunction."""
    items = [str(item) for item in items if item]
    return format_list(items, locale=cldr_locale(language)) if items else ""


def long_date(value, language=None):
    """The date as the language writes it in full (``DATE_FORMAT``), the first of the month included."""
    if not value:
        return ""
    written = formats.date_format(value, "DATE_FORMAT")
    first = FIRST_OF_THE_MONTH.get((language or get_language() or "en").split("-")[0])
    if first and value.day == 1 and written.startswith("1 "):
        written = first + written[1:]
    return written


def coordinates(latitude, longitude):
    """ "45.777° N, 3.087° E", with the language's decimal sign and compass letters: a decimal comma can never be
    read as the separator of the two numbers, as each carries its letter."""
    if latitude is None or longitude is None:
        return ""
    north_south = pgettext("compass", "N") if latitude >= 0 else pgettext("compass", "S")
    east_west = pgettext("compass", "E") if longitude >= 0 else pgettext("compass", "W")
    lat = formats.number_format(abs(latitude), 3, use_l10n=True)
    lon = formats.number_format(abs(longitude), 3, use_l10n=True)
    return pgettext("coordinates", "%(latitude)s° %(north_south)s, %(longitude)s° %(east_west)s") % {
        "latitude": lat, "north_south": north_south, "longitude": lon, "east_west": east_west,
    }  # fmt: skip
