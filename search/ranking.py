"""Matched entries counted by facet signature and cut to one page of items, inside the database.

A common word matches a third of the network: sending its tens of thousands of rows to Python to group, count
and sort cost more than the full-text match itself. Two statements do it where the rows are, reading narrow
covering indexes rather than the wide entry rows: the number of items per facet signature among the matches (or,
for an empty query, among all entries; hundreds of rows at most, and no ranking function needed), then the best
few hundred copies passing the filters, in order, from which the page of items is taken. The service turns the
signature counts into facet counts.
"""

import json
from dataclasses import dataclass

from django.conf import settings
from django.db import connection

from .fulltext import fulltext_index

# Statements are assembled from these constants only; every value travels as a parameter.
MATCHED = "WITH matched AS MATERIALIZED ({match})"
MATCHED_ENTRIES = "matched m JOIN network_search_searchentry e ON e.page_id = m.page_id"
# On SQLite, counting reads the full-text index directly (without a ranking function, there is nothing to compute
# twice; a materialised match costs a fifth more). PostgreSQL keeps the materialised match, so that the GIN index
# answers it whatever the planner's statistics.
COUNTED_ENTRIES = "({match}) m JOIN network_search_searchentry e ON e.page_id = m.page_id"
EVERY_ENTRY = "network_search_searchentry e"
# Items per signature: an item with several copies may match through several of them and is counted once; an
# item with one copy (most of them, in a network where translation is partial) needs no de-duplication.
MATCHED_ITEMS = (
    "COUNT(DISTINCT CASE WHEN e.copies > 1 THEN e.translation_key END) + SUM(CASE WHEN e.copies > 1 THEN 0 ELSE 1 END)"
)
# Every copy of every item is there, and all copies of an item share its signature (which holds its languages).
EVERY_ITEM = "COUNT(*) / MAX(e.copies)"
COUNTS = "SELECT e.signature_id, {items} FROM {entries} GROUP BY e.signature_id"
ROWS = "SELECT e.signature_id, {score}, e.translation_key, e.date FROM {entries} {where} ORDER BY {order} LIMIT %s"
ORDERS = {
    "relevance": "m.score DESC, e.date DESC NULLS LAST, e.translation_key",
    "date": "e.date DESC NULLS LAST, m.score DESC, e.translation_key",
    "browse": "e.date DESC NULLS LAST, e.translation_key DESC",  # the order of the date index, read backwards
}
PASSING = {
    "sqlite": "WHERE e.signature_id IN (SELECT value FROM json_each(%s))",
    "postgresql": "WHERE e.signature_id = ANY(%s)",
}


@dataclass
class RankedItem:
    key: str  # the item's translation key, 32 hex digits
    score: float
    signature: int
    date: object


def _hex(value):
    """A UUID column as 32 hex digits: SQLite returns that text, PostgreSQL a UUID."""
    return value if isinstance(value, str) else value.hex


def count_statement(terms, *, prefix=False, title_only=False):
    """Per facet signature, the number of items matching ``terms`` (every item when there are none). No ranking
    function is computed: counting needs only the full-text index."""
    if not terms:
        return COUNTS.format(items=EVERY_ITEM, entries=EVERY_ENTRY), []
    match, params = fulltext_index().match(terms, prefix=prefix, title_only=title_only, scored=False)
    if connection.vendor == "postgresql":
        return MATCHED.format(match=match) + COUNTS.format(items=MATCHED_ITEMS, entries=MATCHED_ENTRIES), params
    return COUNTS.format(items=MATCHED_ITEMS, entries=COUNTED_ENTRIES.format(match=match)), params


def rows_statement(terms, *, passing=None, sort="relevance", rows=20, prefix=False, title_only=False):
    """The best ``rows`` entries (copies, not items) matching ``terms`` whose signature is in ``passing`` (every
    signature when None), in ``sort`` order: (signature, score, translation key, date)."""
    where = PASSING[connection.vendor] if passing is not None else ""
    if terms:
        match, params = fulltext_index().match(terms, prefix=prefix, title_only=title_only)
        start, entries, score, order = MATCHED.format(match=match), MATCHED_ENTRIES, "m.score", ORDERS[sort]
    else:
        start, entries, score, order, params = "", EVERY_ENTRY, "0.0", ORDERS["browse"], []
    if passing is not None:
        params.append(json.dumps(sorted(passing)) if connection.vendor == "sqlite" else sorted(passing))
    return start + ROWS.format(score=score, entries=entries, where=where, order=order), [*params, rows]


def ranked_items(terms, *, offset=0, limit=20, passing=None, sort="relevance", prefix=False, title_only=False):
    """Per facet signature, how many matched items carry it; and the ``limit`` best items from ``offset`` among
    those whose signature is in ``passing`` (every signature when None), ordered by ``sort``.

    ``terms`` empty: every item, as when browsing.

    An item is as good as its best copy, so the first copy of each item in the ordered copies gives the items in
    order; no item has more copies than there are languages, so that many times the items wanted is enough.
    """
    wanted = offset + limit
    seen, page = set(), []
    with connection.cursor() as cursor:
        cursor.execute(*count_statement(terms, prefix=prefix, title_only=title_only))
        counts = dict(cursor.fetchall())
        if passing is not None and not passing:
            return counts, page
        rows = wanted * len(settings.LANGUAGES)
        cursor.execute(
            *rows_statement(terms, passing=passing, sort=sort, rows=rows, prefix=prefix, title_only=title_only)
        )
        for signature, score, item, date in cursor.fetchall():
            key = _hex(item)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > offset:
                page.append(RankedItem(key, float(score), signature, date))
                if len(page) == limit:
                    break
    return counts, page
