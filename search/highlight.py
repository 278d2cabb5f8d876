"""Snippets with the query's words marked, the same way for every backend (from the index's own text)."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from icu4py.breakers import WordBreaker

from .normalise import UNSPACED, fold

SNIPPET_LENGTH = 240


def _marked_spans(text, terms):
    """(start, end) of every word of ``text`` matching a folded term, and of every unspaced-script term."""
    words = {term for term in terms if not UNSPACED.search(term)}
    runs = [term for term in terms if UNSPACED.search(term)]
    folded = fold(text)
    if len(folded) != len(text):  # folding changed the length ("ß" → "ss"): find words one by one
        breaker = WordBreaker(text, "en")
        return [(start, end) for start, end in breaker.segments() if fold(text[start:end]) in words]
    spans = []
    if words:
        # Positions agree, so a whole-word search of the folded text marks the original's words; one regular
        # expression over the text costs far less than folding each of its words.
        alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
        spans.extend(match.span() for match in re.finditer(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", folded))
    for run in runs:
        position = folded.find(run)
        while position != -1:
            spans.append((position, position + len(run)))
            position = folded.find(run, position + len(run))
    return sorted(spans)


def snippet(text, terms, length=SNIPPET_LENGTH):
    """About ``length`` characters of ``text`` around the first match, HTML-escaped, matches in <mark>."""
    text = " ".join((text or "").split())
    spans = _marked_spans(text, terms) if terms else []
    start = 0
    if spans and spans[0][0] > length // 3:
        start = text.rfind(" ", 0, spans[0][0] - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    pieces, cursor = [], start
    for span_start, span_end in spans:
        if span_start < cursor or span_end > end:
            continue
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308  (every piece of text is escaped above)
