"""What the delete screens say about copies in other languages (``translations.deletion``)."""

from django import template

from translations import deletion

register = template.Library()


@register.simple_tag(takes_context=True)
def source_deletion(context, page):
    return deletion.source_deletion(page, context["request"].user)


@register.simple_tag
def has_originals(items):
    """For the bulk delete screen, whose ``items`` are {"item": page, ...}."""
    return deletion.has_originals([item["item"] for item in items])
