"""``{% city_map cities %}``: a Leaflet map of cities (and lines from a project's lead city to its partners).

The map is an enhancement: the cities it shows are always also listed as links on the same page, and without a
tile server (``MAP_TILE_URL`` unset) it draws them over the world's land and borders from Natural Earth's data
(world-atlas, served as our own static files).
"""

import hashlib
import json

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pagecache.fragments import for_generation

register = template.Library()


def _point(city, request):
    if city.latitude is None or city.longitude is None:
        return None
    return {"name": city.title, "url": city.get_url(request), "lat": float(city.latitude),
            "lng": float(city.longitude), "role": city.role}  # fmt: skip


@register.simple_tag(takes_context=True)
def city_map(context, cities, lead=None, label=None, caption=None, kept_as=None):
    """A map of ``cities``; with ``lead``, lines from the lead city to each of them (a project's partners).

    Kept for the content generation (``pagecache.fragments``): a map of the network resolves every city's URL. Under
    ``kept_as`` when given (the cities are then not read again while it is kept), else under the cities' ids.
    """
    request = context.get("request")
    shown = kept_as if kept_as is not None else tuple(city.pk for city in cities)
    parts = (shown, getattr(lead, "pk", None), label, caption, get_language(), request.get_host() if request else "")
    return for_generation("city-map", parts, lambda: _render_map(request, cities, lead, label, caption))


def _render_map(request, cities, lead, label, caption):
    points = [point for point in (_point(city, request) for city in cities) if point]
    data = {
        "cities": points,
        "lead": _point(lead, request) if lead is not None else None,
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        # Without tiles: the 1:110m outlines for the world and continents, the 1:50m ones zoomed in on a country.
        "land": None
        if settings.MAP_TILE_URL
        else {
            "coarse": static("vendor/world-atlas/countries-110m.json"),
            "fine": static("vendor/world-atlas/countries-50m.json"),
        },
        "landAttribution": escape(_("Land and borders: Natural Earth (public domain)")),
        # Read by screen readers on a group of nearby cities; a count-free wording suits every plural rule.
        "clusterLabel": _("Cities grouped here: %(count)s. Zoom in to see them."),
    }
    if not points and data["lead"] is None:
        return ""
    # Named after what it shows: two different maps on one page never share an element id.
    map_id = "city-map-" + hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:10]
    return render_to_string(
        "includes/city_map.html",
        {"map_data": data, "label": label or _("Map of the member cities"), "map_id": map_id,
         "data_id": f"{map_id}-data", "caption": caption},
    )  # fmt: skip
