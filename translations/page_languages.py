"""The languages a page can be read in, worked out once per content change.

Every public page shows them three times (the ``hreflang`` alternates, the language switcher, the notice on a copy
not yet translated), and working them out takes a query for the copies and one for the language the page's own
text is in. Neither changes between two content changes, so both are kept, as plain values, under the page cache's
content generation (``pagecache.fragments``): no query on the next views of the page.
"""

from dataclasses import dataclass

from django.conf import settings
from wagtail.coreutils import get_content_languages

from pagecache.fragments import for_generation

from . import state

LANGUAGE_ORDER = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}


@dataclass(frozen=True)
class PageCopy:
    """A live copy of a page whose text is in its own language: the original or a published translation."""

    pk: int
    language_code: str
    url: str
    full_url: str

    @property
    def language_name(self):
        """The language's name as Wagtail's locales give it (``Locale.get_display_name()``)."""
        return get_content_languages().get(self.language_code, self.language_code)


@dataclass(frozen=True)
class PageLanguages:
    copies: tuple  # PageCopy, in the order of settings.LANGUAGES
    language_code: str  # the page's own language (its locale's)
    original_language: str | None  # the language of the text shown when it is not the page's own; else None

    @property
    def content_language(self):
        """The language the page's text is in."""
        return self.original_language or self.language_code


def language_position(code):
    """Where a language comes in ``settings.LANGUAGES`` (unknown ones last): the order of every language list."""
    return LANGUAGE_ORDER.get(code, len(LANGUAGE_ORDER))


def _in_language_order(copies):
    return sorted(copies, key=lambda copy: language_position(copy.language_code))


def _work_out(page):
    copies = (
        page.get_translations(inclusive=True)
        .live()
        .select_related("locale")
        .annotate(shown_language=state.original_language())
        .filter(shown_language__isnull=True)
    )
    return PageLanguages(
        copies=tuple(
            _in_language_order(
                PageCopy(copy.pk, copy.locale.language_code, copy.get_url(None), copy.full_url) for copy in copies
            )
        ),
        language_code=page.locale.language_code,
        original_language=state.page_original_language(page),
    )


def page_languages(page):
    """The page's ``PageLanguages``; also kept on the instance (a template asks several times)."""
    if not hasattr(page, "_page_languages"):
        if page.pk is None:  # the preview of a page not created yet: nothing to keep
            page._page_languages = _work_out(page)
        else:
            page._page_languages = for_generation("page-languages", (page.pk,), lambda: _work_out(page))
    return page._page_languages
