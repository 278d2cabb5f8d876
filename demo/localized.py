"""Creating real wagtail-localize translations from texts we already have.

wagtail-localize translates through its editor or PO files, string by string; it has no call that takes a
finished translation of a whole object. This fills its string translations for each segment (paired with our
texts by field and position) and saves the target through localize itself, so the result is exactly what a
translator would have produced: a translation localize knows, can sync and can show as up to date.

A page's translatable child objects (a city's offers and needs, a project's needs) are translated the same way:
their segments follow the children's order, so ``children`` gives their texts child by child."""

from collections import defaultdict

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue


class ShapeMismatch(Exception):
    pass


def translate(instance, locale, strings_by_field, children=None):
    """Translate ``instance`` into ``locale`` with ``strings_by_field`` ({field name: [strings in order]}).

    Fields missing from ``strings_by_field`` (e.g. the slug) keep the source text. For a page, ``children``
    ({child relation: [{field: text} per child, in order]}) gives the texts of its translatable child objects.
    Returns the translated object, published if it is a page.
    """
    strings_by_field = dict(strings_by_field)
    for relation, texts in (children or {}).items():
        strings_by_field[relation] = [text for fields in texts for text in fields.values()]
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()  # the page may have changed since its last translation (new child objects)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
    by_field = defaultdict(list)
    for segment in segments:
        by_field[segment.context.path.split(".")[0]].append(segment)
    for field, field_segments in by_field.items():
        texts = strings_by_field.get(field)
        if texts is None:
            continue
        if len(texts) != len(field_segments):
            raise ShapeMismatch(f"{instance}: {field} has {len(field_segments)} segments, {len(texts)} translations")
        for segment, text in zip(field_segments, texts, strict=True):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": StringValue.from_plaintext(text).data},
            )
    if isinstance(instance, Page):
        # localize publishes page translations in transaction.on_commit(); publishing the new revision here
        # keeps the result the same inside an enclosing transaction (a caller's atomic block, a test).
        translation.save_target(publish=False)
        translated = instance.get_translation(locale)
        translated.get_latest_revision().publish()
        return translated
    translation.save_target(publish=True)
    return instance.get_translation(locale)
