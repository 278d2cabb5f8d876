"""Record the translation state of copies translated before this app existed."""

from django.db import migrations
from django.db.models import Exists, OuterRef
from django.utils import timezone


def record_existing(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Translation = apps.get_model("wagtail_localize", "Translation")
    StringSegment = apps.get_model("wagtail_localize", "StringSegment")
    StringTranslation = apps.get_model("wagtail_localize", "StringTranslation")
    TranslationPublication = apps.get_model("translations", "TranslationPublication")
    for translation in Translation.objects.filter(enabled=True).select_related("source"):
        page = Page.objects.filter(
            translation_key=translation.source.object_id, locale_id=translation.target_locale_id, alias_of__isnull=True
        ).first()
        if page is None or not page.live:
            continue
        segments = StringSegment.objects.filter(source_id=translation.source_id)
        translated = segments.filter(
            Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=translation.target_locale_id,
                    has_error=False,
                )
            )
        )
        TranslationPublication.objects.update_or_create(
            page_id=page.pk,
            defaults={
                "translated_segments": translated.count(),
                "total_segments": segments.count(),
                "source_updated_at": translation.source.last_updated_at,
                "published_at": page.last_published_at or timezone.now(),
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0001_initial"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(record_existing, migrations.RunPython.noop)]
