"""Search-as-you-type: projects, cities and themes whose title starts with what was typed, in the visitor's
language when the item can be read in it (else in its original language)."""

from django.urls import reverse
from django.utils.http import urlencode

from citypages.models import Theme

from .normalise import fold, query_tokens
from .service import SearchRequest, search

MAX_SUGGESTIONS = 8
MIN_PREFIX = 2  # one Latin letter matches too much to be useful; one Chinese character is a word


def suggestions(query, language):
    tokens = query_tokens(query)
    if not tokens or (len(tokens[-1]) < MIN_PREFIX and tokens[-1].isascii()):
        return []
    items = search(
        SearchRequest(
            query=query, language=language, filters={"type": {"project", "city"}}, per_page=6, as_you_type=True
        )
    ).results
    found = [
        {"label": item.title, "type": item.kind, "type_label": item.kind_label, "url": item.url,
         "language": item.language}
        for item in items
    ]  # fmt: skip
    found.extend(_themes(tokens, language, MAX_SUGGESTIONS - len(found)))
    return found[:MAX_SUGGESTIONS]


def _themes(tokens, language, limit):
    if limit <= 0:
        return []
    themes = {}
    for theme in Theme.objects.select_related("locale").order_by("pk"):
        if theme.locale.language_code == language or theme.slug not in themes:
            themes[theme.slug] = theme
    matches = []
    for slug, theme in themes.items():
        words = fold(theme.name).split()
        if all(any(word.startswith(token) for word in words) or token in fold(theme.name) for token in tokens):
            url = reverse("search") + "?" + urlencode({"theme": slug})
            matches.append({"label": theme.name, "type": "theme", "type_label": "", "url": url,
                            "language": theme.locale.language_code})  # fmt: skip
    return matches[:limit]
