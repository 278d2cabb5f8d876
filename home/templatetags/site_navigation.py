"""``{% breadcrumbs %}``, where a page sits; ``{% menu_link url label %}``: an entry of the main menu that says
whether the visitor is on it or inside it.

The menu's entries are pages and routes of the home page (conferences, partner search), so comparing pages would
mark "Home" on every route of the home page; comparing the address does not. The entry of the page shown is the
current page (``aria-current="page"``); the entry of the section it is in (a city under "Member cities", a
declaration under "Declarations") is marked as the current location (``aria-current="true"``). The home page is
never a section: every address is under it.
"""

from django import template
from django.utils.html import format_html

from cms.tree import HOME_PAGE_DEPTH
from pagecache.fragments import for_generation

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


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Where the page shown sits: the home page, the pages above it and itself. A route of the home page (all news,
    a theme) gives its own title in ``browse_title`` and the crumbs between, if any, in ``breadcrumb_trail``."""
    page = context.get("page")
    home = context["network_navigation"]["home"] if "network_navigation" in context else None
    title = context.get("browse_title")
    if title:
        trail = list(context.get("breadcrumb_trail", ()))
    elif page is not None and getattr(page, "depth", 0) > HOME_PAGE_DEPTH:
        title = page.title
        trail = for_generation("breadcrumbs", (page.pk,), lambda: page_trail(page), request=context.get("request"))
    else:
        return {"home": None}
    return {"home": home, "trail": trail, "title": title}


def page_trail(page):
    """[(title, address)] of the pages between the home page and ``page``."""
    return [(ancestor.title, ancestor.url) for ancestor in page.get_ancestors().filter(depth__gt=HOME_PAGE_DEPTH)]
