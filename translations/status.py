"""Per-language status of pages, for the admin's listings and the translation report.

wagtail-localize reports per translation record ("waiting for translations"); editors think per page and
language: is there a German version readers get, and is it current? This answers that for many pages in two
queries, whatever their number.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.models import Translation

ORIGINAL = "original"
TRANSLATED = "translated"
OUT_OF_DATE = "out_of_date"
IN_PROGRESS = "in_progress"
MISSING = "missing"

LABELS = {
    ORIGINAL: _("Original"),
    TRANSLATED: _("Translated"),
    OUT_OF_DATE: _("Out of date"),
    IN_PROGRESS: _("Translation not published"),
    MISSING: _("Not translated"),
}
SYMBOLS = {ORIGINAL: "★", TRANSLATED: "✓", OUT_OF_DATE: "⚠", IN_PROGRESS: "…", MISSING: "–"}
# What a reader of that language gets: only these two statuses show them text in their language.
READABLE = frozenset({ORIGINAL, TRANSLATED, OUT_OF_DATE})
NEEDS_WORK = frozenset({OUT_OF_DATE, IN_PROGRESS, MISSING})
UNTRANSLATED_TEXT = _("Some of the text is not translated yet.")


@dataclass(frozen=True)
class CopyStatus:
    language_code: str
    status: str
    page_id: int | None  # the copy in that language (None when no copy exists at all)
    translation_id: int | None = None  # localize's translation record, when there is one
    reason: str = ""

    @property
    def label(self):
        return LABELS[self.status]

    @property
    def symbol(self):
        return SYMBOLS[self.status]


def _translation_rows(keys):
    rows = Translation.objects.filter(source__object_id__in=keys).values(
        "pk",
        "enabled",
        "source__object_id",
        "source__locale__language_code",
        "source__last_updated_at",
        "target_locale__language_code",
    )
    return {(row["source__object_id"], row["target_locale__language_code"]): row for row in rows}


def statuses_for(pages, language_codes=None):
    """{translation key: {language code: CopyStatus}} for the given pages (any copy of each)."""
    keys = {page.translation_key for page in pages}
    language_codes = language_codes or [code for code, _name in settings.LANGUAGES]
    copies = Page.objects.filter(translation_key__in=keys).values(
        "pk",
        "translation_key",
        "locale__language_code",
        "alias_of_id",
        "last_published_at",
        "translation_publication__translated_segments",
        "translation_publication__total_segments",
        "translation_publication__source_updated_at",
    )
    by_key = defaultdict(dict)
    for copy in copies:
        by_key[copy["translation_key"]][copy["locale__language_code"]] = copy
    translations = _translation_rows(keys)

    result = {}
    for key in keys:
        key_copies = by_key[key]
        original_pk = _original_pk(key, key_copies, translations)
        result[key] = {
            code: _status(code, key_copies, translations.get((key, code)), original_pk) for code in language_codes
        }
    return result


def _original_pk(key, key_copies, translations):
    """The copy the others were translated or aliased from."""
    for (row_key, _code), row in translations.items():
        if row_key == key and row["source__locale__language_code"] in key_copies:
            return key_copies[row["source__locale__language_code"]]["pk"]
    aliased = {copy["alias_of_id"] for copy in key_copies.values() if copy["alias_of_id"]}
    if aliased:
        return min(aliased)
    return min((copy["pk"] for copy in key_copies.values()), default=None)


def _status(code, key_copies, translation, original_pk):
    copy = key_copies.get(code)
    if copy is None:
        return CopyStatus(code, MISSING, None)
    if copy["alias_of_id"]:
        return CopyStatus(code, MISSING, copy["pk"])
    if translation is None or not translation["enabled"]:
        # The original, or a copy translated by hand outside localize: its text is in its own language.
        status = ORIGINAL if copy["pk"] == original_pk else TRANSLATED
        return CopyStatus(code, status, copy["pk"], translation["pk"] if translation else None)
    translated = copy["translation_publication__translated_segments"]
    if not translated:
        return CopyStatus(code, IN_PROGRESS, copy["pk"], translation["pk"])
    source_copy = key_copies.get(translation["source__locale__language_code"]) or {}
    source_extracted = translation["source__last_updated_at"]
    if source_copy.get("last_published_at") and source_copy["last_published_at"] > source_extracted:
        reason = _("The original was changed after its translations were last synchronised.")
    elif copy["translation_publication__source_updated_at"] < source_extracted:
        reason = _("The translation was synchronised with a newer original but not published since.")
    elif translated < copy["translation_publication__total_segments"]:
        reason = UNTRANSLATED_TEXT
    else:
        return CopyStatus(code, TRANSLATED, copy["pk"], translation["pk"])
    return CopyStatus(code, OUT_OF_DATE, copy["pk"], translation["pk"], reason)


def start_translation_url(page_id, language_code):
    """localize's "Translate this page" form for ``page_id``, with the language ticked."""
    url = reverse("wagtail_localize:submit_page_translation", args=[page_id])
    return f"{url}?{urlencode({'select_locale': language_code})}"
