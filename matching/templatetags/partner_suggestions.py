"""``{% suggested_partners page %}``: a city page's best partner suggestions, linking to the full list."""

from django import template

from matching.facts import network_facts
from matching.ranking import suggest_cities
from matching.reasons import describe_for_city
from matching.views import rows

register = template.Library()
SHOWN = 3


@register.inclusion_tag("matching/includes/city_suggestions.html", takes_context=True)
def suggested_partners(context, city):
    facts = network_facts(city.locale)
    key = str(city.translation_key)
    if key not in facts.cities:
        return {"rows": [], "city": city}
    best = suggest_cities(facts.cities, city=key)[:SHOWN]
    shown = rows(best, facts.city_pages, lambda reason: describe_for_city(reason, facts, city.title))
    navigation = context.get("network_navigation")
    home = navigation["home"] if navigation else None
    return {"rows": shown, "city": city, "home": home, "request": context.get("request")}
