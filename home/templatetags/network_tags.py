"""Template helpers for the language switcher and alternates."""

from django import template
from django.conf import settings
from django.urls import translate_url

from translations import state

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
    """Live copies of the page whose text is in their own language: the original and published translations,
    not aliases nor translations still waiting for their text (one query)."""
    if not hasattr(page, "get_translations"):
        return []
    return (
        live_translations(page).annotate(shown_language=state.original_language()).filter(shown_language__isnull=True)
    )


@register.filter
def original_language(page):
    """The language code of the page's text when it is not yet translated into the page's language, else None."""
    if not hasattr(page, "translation_key"):
        return None
    return state.page_original_language(page)


@register.filter
def content_language(page):
    """The language the page's text is in."""
    return original_language(page) or page.locale.language_code


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
