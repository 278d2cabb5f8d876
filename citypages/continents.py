"""Continents, and the continent of every country, for filtering the member cities by continent.

Neither framework the site stands on has this: Django ships no country list at all, and pycountry (our ISO 3166
source, see ``citypages.countries``) knows codes and names but not continents, and neither has the continents'
names to translate. So the network keeps this small table: the six continents a visitor expects, with names
in the UI catalogues, and an explicit entry for each of the 249 ISO 3166-1 alpha-2 codes.

The table follows the United Nations' M.49 geographic regions, with the Americas split the usual way: North
America is Northern America, Central America (Mexico included) and the Caribbean; South America is the rest.
Transcontinental countries therefore go where M.49 puts them: Russia in Europe; Turkey, Cyprus, Georgia, Armenia,
Azerbaijan and Kazakhstan in Asia; Egypt in Africa. Remote territories go to the region M.49 gives them (Bouvet
Island and South Georgia to South America, the French Southern Territories and the British Indian Ocean Territory
to Africa, Heard and McDonald Islands to Oceania). Antarctica belongs to none of the six.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Continent(models.TextChoices):
    AFRICA = "africa", _("Africa")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    NORTH_AMERICA = "north_america", _("North America")
    SOUTH_AMERICA = "south_america", _("South America")
    OCEANIA = "oceania", _("Oceania")


# (key, lazily translated name) pairs, in the order forms offer them.
CONTINENT_CHOICES = Continent.choices

# ISO 3166-1 alpha-2 code -> continent key; every code pycountry knows (tests/citypages/test_continents.py checks).
# fmt: off
CONTINENT_OF_COUNTRY = {
    # Africa
    "AO": "africa", "BF": "africa", "BI": "africa", "BJ": "africa", "BW": "africa", "CD": "africa", "CF": "africa",
    "CG": "africa", "CI": "africa", "CM": "africa", "CV": "africa", "DJ": "africa", "DZ": "africa", "EG": "africa",
    "EH": "africa", "ER": "africa", "ET": "africa", "GA": "africa", "GH": "africa", "GM": "africa", "GN": "africa",
    "GQ": "africa", "GW": "africa", "IO": "africa", "KE": "africa", "KM": "africa", "LR": "africa", "LS": "africa",
    "LY": "africa", "MA": "africa", "MG": "africa", "ML": "africa", "MR": "africa", "MU": "africa", "MW": "africa",
    "MZ": "africa", "NA": "africa", "NE": "africa", "NG": "africa", "RE": "africa", "RW": "africa", "SC": "africa",
    "SD": "africa", "SH": "africa", "SL": "africa", "SN": "africa", "SO": "africa", "SS": "africa", "ST": "africa",
    "SZ": "africa", "TD": "africa", "TF": "africa", "TG": "africa", "TN": "africa", "TZ": "africa", "UG": "africa",
    "YT": "africa", "ZA": "africa", "ZM": "africa", "ZW": "africa",
    # Asia
    "AE": "asia", "AF": "asia", "AM": "asia", "AZ": "asia", "BD": "asia", "BH": "asia", "BN": "asia", "BT": "asia",
    "CN": "asia", "CY": "asia", "GE": "asia", "HK": "asia", "ID": "asia", "IL": "asia", "IN": "asia", "IQ": "asia",
    "IR": "asia", "JO": "asia", "JP": "asia", "KG": "asia", "KH": "asia", "KP": "asia", "KR": "asia", "KW": "asia",
    "KZ": "asia", "LA": "asia", "LB": "asia", "LK": "asia", "MM": "asia", "MN": "asia", "MO": "asia", "MV": "asia",
    "MY": "asia", "NP": "asia", "OM": "asia", "PH": "asia", "PK": "asia", "PS": "asia", "QA": "asia", "SA": "asia",
    "SG": "asia", "SY": "asia", "TH": "asia", "TJ": "asia", "TL": "asia", "TM": "asia", "TR": "asia", "TW": "asia",
    "UZ": "asia", "VN": "asia", "YE": "asia",
    # Europe
    "AD": "europe", "AL": "europe", "AT": "europe", "AX": "europe", "BA": "europe", "BE": "europe", "BG": "europe",
    "BY": "europe", "CH": "europe", "CZ": "europe", "DE": "europe", "DK": "europe", "EE": "europe", "ES": "europe",
    "FI": "europe", "FO": "europe", "FR": "europe", "GB": "europe", "GG": "europe", "GI": "europe", "GR": "europe",
    "HR": "europe", "HU": "europe", "IE": "europe", "IM": "europe", "IS": "europe", "IT": "europe", "JE": "europe",
    "LI": "europe", "LT": "europe", "LU": "europe", "LV": "europe", "MC": "europe", "MD": "europe", "ME": "europe",
    "MK": "europe", "MT": "europe", "NL": "europe", "NO": "europe", "PL": "europe", "PT": "europe", "RO": "europe",
    "RS": "europe", "RU": "europe", "SE": "europe", "SI": "europe", "SJ": "europe", "SK": "europe", "SM": "europe",
    "UA": "europe", "VA": "europe",
    # North America: Northern America, Central America (with Mexico) and the Caribbean
    "AG": "north_america", "AI": "north_america", "AW": "north_america", "BB": "north_america", "BL": "north_america",
    "BM": "north_america", "BQ": "north_america", "BS": "north_america", "BZ": "north_america", "CA": "north_america",
    "CR": "north_america", "CU": "north_america", "CW": "north_america", "DM": "north_america", "DO": "north_america",
    "GD": "north_america", "GL": "north_america", "GP": "north_america", "GT": "north_america", "HN": "north_america",
    "HT": "north_america", "JM": "north_america", "KN": "north_america", "KY": "north_america", "LC": "north_america",
    "MF": "north_america", "MQ": "north_america", "MS": "north_america", "MX": "north_america", "NI": "north_america",
    "PA": "north_america", "PM": "north_america", "PR": "north_america", "SV": "north_america", "SX": "north_america",
    "TC": "north_america", "TT": "north_america", "US": "north_america", "VC": "north_america", "VG": "north_america",
    "VI": "north_america",
    # South America
    "AR": "south_america", "BO": "south_america", "BR": "south_america", "BV": "south_america", "CL": "south_america",
    "CO": "south_america", "EC": "south_america", "FK": "south_america", "GF": "south_america", "GS": "south_america",
    "GY": "south_america", "PE": "south_america", "PY": "south_america", "SR": "south_america", "UY": "south_america",
    "VE": "south_america",
    # Oceania
    "AS": "oceania", "AU": "oceania", "CC": "oceania", "CK": "oceania", "CX": "oceania", "FJ": "oceania",
    "FM": "oceania", "GU": "oceania", "HM": "oceania", "KI": "oceania", "MH": "oceania", "MP": "oceania",
    "NC": "oceania", "NF": "oceania", "NR": "oceania", "NU": "oceania", "NZ": "oceania", "PF": "oceania",
    "PG": "oceania", "PN": "oceania", "PW": "oceania", "SB": "oceania", "TK": "oceania", "TO": "oceania",
    "TV": "oceania", "UM": "oceania", "VU": "oceania", "WF": "oceania", "WS": "oceania",
    # Antarctica: none of the six.
    "AQ": "",
}
# fmt: on


def continent_of(country_code):
    """The continent key of an ISO 3166-1 alpha-2 code (any case), e.g. "europe" for "FR"; "" if unknown."""
    return CONTINENT_OF_COUNTRY.get((country_code or "").strip().upper(), "")
