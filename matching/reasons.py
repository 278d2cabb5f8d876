"""Each reason of a suggestion as a sentence in the reader's language, naming themes and cities in it."""

from django.utils.translation import gettext as _

from citypages.models import Contribution
from cms.locale_text import join_list

from .ranking import WEIGHTS


def _names(facts, reason):
    theme = facts.themes.get(reason.theme)
    city = facts.city_pages.get(reason.city)
    return {
        "theme": theme.name if theme else "",
        "themes": join_list(facts.themes[key].name for key in reason.themes if key in facts.themes),
        "contribution": Contribution(reason.contribution).label if reason.contribution else "",
        "city": city.title if city else "",
        "cities": join_list(facts.city_pages[key].title for key in reason.cities if key in facts.city_pages),
    }


def describe_for_city(reason, facts, subject_name):
    """Why a city is suggested to the city ``subject_name``."""
    names = _names(facts, reason) | {"subject": subject_name}
    sentences = {
        "offer_meets_need": _("Offers “%(contribution)s” on %(theme)s, which %(subject)s seeks"),
        "need_meets_offer": _("Seeks “%(contribution)s” on %(theme)s, which %(subject)s offers"),
        "shared_theme": _("Also works on %(themes)s"),
        "twin": _("Twinned with %(subject)s"),
        "common_partner": _("Has worked with %(cities)s, as %(subject)s has"),
        "similar_size": _("A city of similar size"),
    }
    return sentences[reason.kind] % names


def describe_for_project(reason, facts):
    """Why a city is suggested to a project seeking partners."""
    names = _names(facts, reason)
    if reason.kind == "offer_meets_need":
        if reason.weight > WEIGHTS["offer_meets_need"]:  # the bonus for the kind of partner asked for
            return _("Offers “%(contribution)s” on %(theme)s: the kind of partner the project seeks") % names
        return _("Offers “%(contribution)s” on %(theme)s, a theme of the project") % names
    sentences = {
        "shared_theme": _("Already has projects on %(themes)s"),
        "twin": _("Twinned with the lead city, %(city)s"),
        "common_partner": _("Has worked with the lead city, %(cities)s"),
    }
    return sentences[reason.kind] % names


def describe_for_theme(reason, facts):
    """Why a city or a project is suggested on a theme."""
    names = _names(facts, reason)
    if reason.kind == "offers_on_theme":
        return _("Offers “%(contribution)s” on %(theme)s") % names
    return _("Works on %(theme)s") % names


def describe_project_for_city(reason, facts, subject_name):
    """Why a project seeking partners is suggested to the city ``subject_name``."""
    names = _names(facts, reason) | {"subject": subject_name}
    if reason.kind == "offer_meets_need":
        return _("On %(theme)s, where %(subject)s offers “%(contribution)s”") % names
    return _("On %(theme)s, where %(subject)s seeks “%(contribution)s”") % names
