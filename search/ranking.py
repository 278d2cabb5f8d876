"""Matched entries counted by facet signature and cut to one page of items, inside the database.

A common word matches a third of the network: sending its tens of thousands of rows to Python to group, count
and sort cost more than the full-text match itself. The counting and ranking happen where the rows are; only the
counts per facet signature (hundreds of rows at most) and the best few hundred copies leave the database. The
service turns the signature counts into facet counts.

- SQLite: two statements reading narrow covering indexes rather than the wide entry rows: the number of items
  per signature among the matches (no ranking function needed: the match alone reads the FTS5 index), then the
  best copies passing the filters, in order.
- PostgreSQL: one statement. Its full-text rows carry their entry's item, signature, date and copies, so the
  match is evaluated and ranked once and needs no join; the counts and the best copies are both taken from it.
- Browsing (no query) on either: the same two statements over every entry, in date order.
"""

import json
from dataclasses import dataclass

from django.conf import settings
from django.db import connection

from .fulltext import fulltext_index

# Statements are assembled from these constants only; every value travels as a parameter.
MATCHED = "WITH matched AS MATERIALIZED ({match})"
MATCHED_ENTRIES = "matched m JOIN network_search_searchentry e ON e.page_id = m.page_id"
# Counting reads the full-text index directly (without a ranking function there is nothing to compute twice; a
# materialised match costs a fifth more).
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
# Column names are left unqualified: each is found in one table of every statement that orders by it.
ORDERS = {
    "relevance": "score DESC, date DESC NULLS LAST, translation_key",
    "date": "date DESC NULLS LAST, score DESC, translation_key",
    "browse": "date DESC NULLS LAST, translation_key DESC",  # the order of the date index, read backwards
}
PASSING = {
    "sqlite": "WHERE e.signature_id IN (SELECT value FROM json_each(%s))",
    "postgresql": "WHERE e.signature_id = ANY(%s)",
}
# PostgreSQL, with a query: (0, signature, items, NULL, NULL, 0) per signature, then (1, signature, score, item,
# date, place) for the best copies. Counting groups copies by item only for items with several copies (hashing a
# few hundred groups, not one per match), then adds them up per signature.
POSTGRES_SEARCH = """
WITH matched AS MATERIALIZED ({match}),
per_item AS (
    SELECT signature_id, CASE WHEN copies > 1 THEN translation_key END AS item, COUNT(*) AS matches
    FROM matched GROUP BY 1, 2
),
best AS (
    SELECT signature_id, score, translation_key, date FROM matched e {where} ORDER BY {order} LIMIT %s
)
SELECT 0, signature_id, SUM(CASE WHEN item IS NULL THEN matches ELSE 1 END)::float8, NULL::uuid, NULL::date, 0
FROM per_item GROUP BY signature_id
UNION ALL
SELECT 1, signature_id, score::float8, translation_key, date, row_number() OVER (ORDER BY {order}) FROM best
ORDER BY 1, 6
"""


@dataclass
class RankedItem:
    key: str  # the item's translation key, 32 hex digits
    score: float
    signature: int
    date: object


def _hex(value):
    """A UUID column as 32 hex digits: SQLite returns that text, PostgreSQL a UUID."""
    return value if isinstance(value, str) else value.hex


def _passing_parameter(passing):
    return json.dumps(sorted(passing)) if connection.vendor == "sqlite" else sorted(passing)


def _refuse_postgres_query():
    # PostgreSQL's match selects the entry's columns too: joined to the entries, the orders' unqualified names
    # would be ambiguous. A query there goes through postgres_search_statement.
    if connection.vendor == "postgresql":
        raise ValueError("On PostgreSQL a query is counted and ranked by postgres_search_statement.")


def count_statement(terms, *, prefix=False, title_only=False):
    """Per facet signature, the number of items matching ``terms`` (every item when there are none). No ranking
    function is computed: counting needs only the full-text index. (SQLite; on PostgreSQL browsing only.)"""
    if not terms:
        return COUNTS.format(items=EVERY_ITEM, entries=EVERY_ENTRY), []
    _refuse_postgres_query()
    match, params = fulltext_index().match(terms, prefix=prefix, title_only=title_only, scored=False)
    return COUNTS.format(items=MATCHED_ITEMS, entries=COUNTED_ENTRIES.format(match=match)), params


def rows_statement(terms, *, passing=None, sort="relevance", rows=20, prefix=False, title_only=False):
    """The best ``rows`` entries (copies, not items) matching ``terms`` whose signature is in ``passing`` (every
    signature when None), in ``sort`` order: (signature, score, translation key, date). (SQLite; on PostgreSQL
    browsing only.)"""
    where = PASSING[connection.vendor] if passing is not None else ""
    if terms:
        _refuse_postgres_query()
        match, params = fulltext_index().match(terms, prefix=prefix, title_only=title_only)
        start, entries, score, order = MATCHED.format(match=match), MATCHED_ENTRIES, "m.score", ORDERS[sort]
    else:
        start, entries, score, order, params = "", EVERY_ENTRY, "0.0", ORDERS["browse"], []
    if passing is not None:
        params.append(_passing_parameter(passing))
    return start + ROWS.format(score=score, entries=entries, where=where, order=order), [*params, rows]


def postgres_search_statement(terms, *, passing=None, sort="relevance", rows=20, prefix=False, title_only=False):
    """Counts per signature and the best ``rows`` copies, in one PostgreSQL statement (``terms`` not empty)."""
    match, params = fulltext_index().match(terms, prefix=prefix, title_only=title_only)
    where = PASSING["postgresql"] if passing is not None else ""
    if passing is not None:
        params.append(_passing_parameter(passing))
    return POSTGRES_SEARCH.format(match=match, where=where, order=ORDERS[sort]), [*params, rows]


def _counts_and_rows(cursor, terms, *, passing, sort, rows, prefix, title_only):
    """Signature counts, and the best copies as (signature, score, item, date), in order."""
    options = {"prefix": prefix, "title_only": title_only}
    if terms and connection.vendor == "postgresql":
        cursor.execute(*postgres_search_statement(terms, passing=passing, sort=sort, rows=rows, **options))
        counts, best = {}, []
        for part, signature, number, item, date, _place in cursor.fetchall():
            if part == 0:
                counts[signature] = int(number)
            else:
                best.append((signature, number, item, date))
        return counts, best
    cursor.execute(*count_statement(terms, **options))
    counts = dict(cursor.fetchall())
    if passing is not None and not passing:
        return counts, []
    cursor.execute(*rows_statement(terms, passing=passing, sort=sort, rows=rows, **options))
    return counts, cursor.fetchall()


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
        counts, best = _counts_and_rows(
            cursor, terms, passing=passing, sort=sort, rows=wanted * len(settings.LANGUAGES), prefix=prefix,
            title_only=title_only,
        )  # fmt: skip
    for signature, score, item, date in best:
        key = _hex(item)
        if key in seen:
            continue
        seen.add(key)
        if len(seen) > offset:
            page.append(RankedItem(key, float(score), signature, date))
            if len(page) == limit:
                break
    return counts, page
