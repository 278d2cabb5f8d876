"""``{% menu_link url label %}``: an entry of the main menu that says whether the visitor is on it or inside it.

The menu's entries are pages and routes of the home page (conferences, partner search), so comparing pages would
mark "Home" on every route of the home page; comparing the address does not. The entry of the page shown is the
current page (``aria-current="page"``); the entry of the section it is in (a city under "Member cities", a
declaration under "Declarations") is marked as the current location (``aria-current="true"``). The home page is
never a section: every address is under it.
"""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def menu_link(context, url, label, section=True):
    request = context.get("request")
    path = getattr(request, "path", None)
    if path == url:
        current = "page"
    elif section and path and path.startswith(url):
        current = "true"
    else:
        return format_html('<a href="{}">{}</a>', url, label)
    return format_html('<a href="{}" aria-current="{}">{}</a>', url, current, label)
