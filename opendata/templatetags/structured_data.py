"""``{% open_graph %}`` and ``{% json_ld %}`` for the base template."""

import json

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from home.templatetags.network_tags import content_language

from .. import structured

register = template.Library()
# As Django's json_script: nothing in the data can close the script element or start a comment.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def open_graph(context, page):
    request = context["request"]
    navigation = context.get("network_navigation")
    site_name = navigation["site_name"] if navigation else structured.NETWORK["name"]
    properties = structured.open_graph(page, request, content_language(page), site_name)
    return format_html_join("\n    ", '<meta property="{}" content="{}">', properties)


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    data = structured.json_ld(page.specific, context["request"], content_language(page))
    if data is None:
        return ""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
