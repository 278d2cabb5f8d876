"""Template helpers for the language switcher and alternates."""

from django import template
from django.conf import settings
from django.urls import translate_url

from translations.page_languages import language_position, page_languages

register = template.Library()
LANGUAGE_NAMES = dict(settings.LANGUAGES)


@register.filter
def real_translations(page):
    """Live copies of the page whose text is in their own language (``PageCopy``): the original and published
    translations, not aliases nor translations still waiting for their text."""
    if not hasattr(page, "get_translations"):
        return []
    return page_languages(page).copies


@register.filter
def default_translation(page):
    """The copy for ``hreflang="x-default"``: the English one when it exists, else the original (the oldest)."""
    copies = real_translations(page)
    english = [copy for copy in copies if copy.language_code == settings.LANGUAGE_CODE]
    return english[0] if english else min(copies, key=lambda copy: copy.pk, default=None)


@register.filter
def original_language(page):
    """The language code of the page's text when it is not yet translated into the page's language, else None."""
    if not hasattr(page, "translation_key"):
        return None
    return page_languages(page).original_language


@register.filter
def content_language(page):
    """The language the page's text is in."""
    return page_languages(page).content_language


@register.filter
def language_links(page, request):
    """Links for the language switcher: the languages the page is written or translated in (and the one being
    read, even when its copy still shows the original), or for a view the same URL in each language."""
    if hasattr(page, "get_translations"):
        links = [{"code": copy.language_code, "url": copy.url} for copy in real_translations(page)]
        if page.pk not in {copy.pk for copy in real_translations(page)}:
            links.append({"code": page_languages(page).language_code, "url": page.get_url(request)})
        return [
            {**link, "name": LANGUAGE_NAMES[link["code"]]}
            for link in sorted(links, key=lambda link: language_position(link["code"]))
            if link["code"] in LANGUAGE_NAMES
        ]
    path = request.get_full_path() if request else "/"
    return [{"code": code, "name": name, "url": translate_url(path, code)} for code, name in settings.LANGUAGES]
