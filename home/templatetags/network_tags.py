"""Template helpers for the language switcher and alternates."""

from django import template
from django.conf import settings
from django.urls import translate_url

register = template.Library()
LANGUAGE_NAMES = dict(settings.LANGUAGES)


@register.filter
def live_translations(page):
    """Every live copy of the page, this one included, one query (for hreflang alternates)."""
    if not hasattr(page, "get_translations"):
        return []
    return page.get_translations(inclusive=True).live().select_related("locale").order_by("locale__language_code")


@register.filter
def real_translations(page):
    """Live copies of the page that are its original or a translation, not aliases (one query)."""
    if not hasattr(page, "get_translations"):
        return []
    return live_translations(page).filter(alias_of__isnull=True)


@register.filter
def content_language(page):
    """The language the page's text is in: its original's for an alias, else its own."""
    source = page.alias_of if getattr(page, "alias_of_id", None) else page
    return source.locale.language_code


@register.filter
def language_links(page, request):
    """Links for the language switcher: the page's live copies, or for a view the same URL in each language."""
    if hasattr(page, "get_translations"):
        return [
            {
                "code": copy.locale.language_code,
                "name": LANGUAGE_NAMES.get(copy.locale.language_code),
                "url": copy.get_url(request),
            }
            for copy in live_translations(page)
            if copy.locale.language_code in LANGUAGE_NAMES
        ]
    path = request.get_full_path() if request else "/"
    return [{"code": code, "name": name, "url": translate_url(path, code)} for code, name in settings.LANGUAGES]
