"""Template filters of ``cms.locale_text``: ``{{ news.date|long_date }}``, ``{{ code|language_name }}``,
``{{ names|join_list }}``, ``{% coordinates page.latitude page.longitude %}``."""

from django import template

from cms import locale_text

register = template.Library()


@register.filter
def long_date(value):
    return locale_text.long_date(value)


@register.filter
def language_name(code):
    return locale_text.language_name(code)


@register.filter
def join_list(items):
    return locale_text.join_list(items)


@register.simple_tag
def coordinates(latitude, longitude):
    return locale_text.coordinates(latitude, longitude)
