"""Template helpers for the language switcher and alternates."""

from django import template
from django.conf import settings
from django.urls import translate_url

from translations import state

register = template.Library()
LANGUAGE_NAMES = dict(settings.LANGUAGES)
LANGUAGE_ORDER = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}


def _in_language_order(copies):
    return sorted(copies, key=lambda copy: LANGUAGE_ORDER.get(copy.locale.language_code, len(LANGUAGE_ORDER)))


@register.filter
def real_translations(page):
    """Live copies of the page whose text is in their own language: the original and published translations,
    not aliases nor translations still waiting for their text. One query, cached on the page (the switcher,
    the alternates and the notice all ask)."""
    if not hasattr(page, "get_translations"):
        return []
    if not hasattr(page, "_real_translations"):
        copies = (
            page.get_translations(inclusive=True)
            .live()
            .select_related("locale")
            .annotate(shown_language=state.original_language())
            .filter(shown_language__isnull=True)
        )
        page._real_translations = _in_language_order(copies)
    return page._real_translations


@register.filter
def default_translation(page):
    """The copy for ``hreflang="x-default"``: the English one when it exists, else the original (the oldest)."""
    copies = real_translations(page)
    english = [copy for copy in copies if copy.locale.language_code == settings.LANGUAGE_CODE]
    return english[0] if english else min(copies, key=lambda copy: copy.pk, default=None)


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
    """Links for the language switcher: the languages the page is written or translated in (and the one being
    read, even when its copy still shows the original), or for a view the same URL in each language."""
    if hasattr(page, "get_translations"):
        copies = real_translations(page)
        if page.pk not in {copy.pk for copy in copies}:
            copies = _in_language_order([*copies, page])
        return [
            {
                "code": copy.locale.language_code,
                "name": LANGUAGE_NAMES.get(copy.locale.language_code),
                "url": copy.get_url(request),
            }
            for copy in copies
            if copy.locale.language_code in LANGUAGE_NAMES
        ]
    path = request.get_full_path() if request else "/"
    return [{"code": code, "name": name, "url": translate_url(path, code)} for code, name in settings.LANGUAGES]
