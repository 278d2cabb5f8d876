"""``{% suggested_partners page %}``: a city page's best partner suggestions, linking to the full list.

Ranking reads the whole language tree (``network_facts``), so the rendered section is kept for the content
generation (``pagecache.fragments``): computed once after each change, not on every view of every city page.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from matching.facts import network_facts
from matching.ranking import suggest_cities
from matching.reasons import describe_for_city
from matching.views import rows
from pagecache.fragments import for_generation

register = template.Library()
SHOWN = 3
TEMPLATE = "matching/includes/city_suggestions.html"


@register.simple_tag(takes_context=True)
def suggested_partners(context, city):
    request = context.get("request")
    navigation = context.get("network_navigation")

    def render():
        return render_to_string(TEMPLATE, suggestions_context(city, navigation, request))

    host = request.get_host() if request else ""
    parts = (city.pk, get_language(), host)
    return mark_safe(for_generation("suggested_partners", parts, render, request=request))  # noqa: S308


def suggestions_context(city, navigation, request):
    facts = network_facts(city.locale)
    key = str(city.translation_key)
    if key not in facts.cities:
        return {"rows": [], "city": city}
    best = suggest_cities(facts.cities, city=key)[:SHOWN]
    shown = rows(best, facts.city_pages, lambda reason: describe_for_city(reason, facts, city.title))
    home = navigation["home"] if navigation else None
    return {"rows": shown, "city": city, "home": home, "request": request}
