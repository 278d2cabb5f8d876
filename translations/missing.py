"""Which fields of a translation still hold untranslated text, named as the editor labels them.

wagtail-localize's editor warns "Published … with missing translations - see below" when any string of the source
has no translation, whatever field it is in; the translator is left to find it. The translation work panel names
the fields instead (``dashboard.py``).
"""

from django.core.exceptions import FieldDoesNotExist
from wagtail_localize.models import StringSegment, Translation


def field_label(model, path):
    """The editor's label of the field a segment's context path starts with ("body.<block id>" → "body")."""
    name = path.split(".", 1)[0]
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name.replace("_", " ")
    label = getattr(field, "verbose_name", None) or getattr(field.related_model._meta, "verbose_name_plural", name)
    return str(label)


def untranslated_fields(translation_id):
    """The labels of the fields with text not translated yet in the translation ``translation_id``, in the order
    the source holds them (one query for the segments, one for the translation)."""
    translation = Translation.objects.select_related("source__specific_content_type").get(pk=translation_id)
    model = translation.source.specific_content_type.model_class()
    segments = (
        StringSegment.objects.filter(source_id=translation.source_id)
        .annotate_translation(translation.target_locale_id)
        .filter(translation__isnull=True)
        .select_related("context")
        .order_by("order")
    )
    labels = [field_label(model, segment.context.path) for segment in segments if segment.context]
    return list(dict.fromkeys(labels))
