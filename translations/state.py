"""In which language does a page copy show its text?

A copy in the German tree shows German text when it is the original or a published translation. It shows another
language's text when it is an alias (wagtail-localize's synchronised tree) or a translation that was started but
not yet published with translated text (localize publishes it at once with the source text in place). Listings, the
language switcher and the page notice all ask the same question, so it is answered here, as one SQL expression.
"""

from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Subquery, Value, When
from django.utils import timezone
from wagtail_localize.models import Translation, TranslationSource

from .models import TranslationPublication


def original_language():
    """Expression for page querysets: the language code of the text a copy shows when that is not its own
    locale's language (an alias, or a translation published without translated text), else NULL."""
    translated = TranslationPublication.objects.filter(page_id=OuterRef("pk"), translated_segments__gt=0)
    source_language = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        translations__target_locale_id=OuterRef("locale_id"),
        translations__enabled=True,
    ).exclude(locale_id=OuterRef("locale_id"))
    return Case(
        When(alias_of__isnull=False, then=F("alias_of__locale__language_code")),
        When(Exists(translated), then=Value(None)),
        default=Subquery(source_language.values("locale__language_code")[:1]),
        output_field=models.CharField(),
    )


def page_original_language(page):
    """``original_language()`` for one page, cached on the instance (templates ask more than once)."""
    if not hasattr(page, "_original_language"):
        if getattr(page, "alias_of_id", None):
            page._original_language = page.alias_of.locale.language_code
        else:
            page._original_language = (
                type(page)
                .objects.filter(pk=page.pk)
                .annotate(original_language=original_language())
                .values_list("original_language", flat=True)
                .first()
            )
    return page._original_language


def record_publication(page):
    """Remember how much of a translated copy was translated when it went live (no-op for other pages)."""
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .exclude(source__locale_id=page.locale_id)
        .select_related("source")
        .first()
    )
    if translation is None:
        return None
    total, translated = translation.get_progress()
    publication, _created = TranslationPublication.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "translated_segments": translated,
            "total_segments": total,
            "source_updated_at": translation.source.last_updated_at,
            "published_at": timezone.now(),
        },
    )
    return publication
