"""``{% suggested_partners page %}``: a city page's best partner suggestions, linking to the full list."""

from django import template

from matching.facts import network_facts
from matching.ranking import suggest_cities
from matching.reasons import describe_for_city
from matching.views import Row

register = template.Library()
SHOWN = 3


@register.inclusion_tag("matching/includes/city_suggestions.html", takes_context=True)
def suggested_partners(context, city):
    facts = network_facts(city.locale)
    key = str(city.translation_key)
    if key not in facts.cities:
        return {"rows": [], "city": city}
    best = suggest_cities(facts.cities, city=key)[:SHOWN]
    rows = [
        Row(facts.city_pages[s.subject.key], s.score, [describe_for_city(r, facts, city.title) for r in s.reasons])
        for s in best
    ]
    navigation = context.get("network_navigation")
    home = navigation["home"] if navigation else None
    return {"rows": rows, "city": city, "home": home, "request": context.get("request")}
