"""The full-text half of the network index, in the form each database answers fast.

modelsearch's SQLite backend re-runs its FTS match once per row of the result (a common term over 100k pages
takes minutes) and its PostgreSQL backend never creates the GIN index its code promises. Here each backend stores
the normaliser's tokens verbatim (no database tokeniser, stemmer or accent rule in between) and matches them
with a plain join the planner drives from the full-text index:

- SQLite: an FTS5 table (``ascii`` tokeniser: our tokens are already split, folded and space-separated), ranked
  by bm25 with titles weighing five times the body;
- PostgreSQL: a ``tsvector`` built from the tokens with their positions and weights (A for titles), a GIN index,
  and ``ts_rank``; each row also carries its entry's item, facet signature, date and number of copies, so a match
  needs no join to be counted and ranked (migration 0004).

Either match is used as a materialised CTE (``search.ranking``), so it is evaluated once (by the index when the
planner finds it selective) whatever the table statistics, never once per joined row. The tables are created by
migrations 0002 and 0004.
"""

from django.db import connection

from .normalise import index_tokens

MAX_POSITION = 16383  # PostgreSQL's highest tsvector position
# Statements are written out whole (no table or column name is ever formatted into SQL).
# Each selects (page_id, score) of the matching entries, or page_id alone when no score is needed (counting):
# ranking functions read every match's statistics, the match alone reads the index.
SQLITE_MATCH = """
    SELECT rowid AS page_id, -bm25(search_fulltext, 5.0, 1.0) AS score
    FROM search_fulltext WHERE search_fulltext MATCH %s
"""
SQLITE_MATCH_UNSCORED = "SELECT rowid AS page_id FROM search_fulltext WHERE search_fulltext MATCH %s"
POSTGRES_MATCH = """
    SELECT f.page_id, f.signature_id, f.translation_key, f.copies, f.date, ts_rank(f.document, q) AS score
    FROM search_fulltext f, CAST(%s AS tsquery) q
    WHERE f.document @@ q
"""
POSTGRES_MATCH_UNSCORED = "SELECT f.page_id FROM search_fulltext f WHERE f.document @@ CAST(%s AS tsquery)"


class FullTextIndex:
    """What the search service needs from a database: store tokens per entry, and match a query."""

    def replace(self, entries):
        """(Re)index ``entries`` (SearchEntry rows) from their title, summary and text, plus ``extra_text``."""
        raise NotImplementedError

    def delete(self, page_ids):
        raise NotImplementedError

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fulltext")

    def match(self, terms, prefix=False, title_only=False, scored=True):
        """A statement and its parameters selecting (page_id, score) for every entry holding all ``terms``
        (phrases of consecutive tokens; the last one as a prefix when ``prefix``); the higher the score, the
        better the match. Not ``scored``: page_id alone. On PostgreSQL the scored match also selects the entry's
        signature_id, translation_key, copies and date."""
        raise NotImplementedError

    @staticmethod
    def tokens_of(entry):
        title = index_tokens(entry.title)
        body = index_tokens(" ".join(filter(None, [entry.summary, entry.text, getattr(entry, "extra_text", "")])))
        return title, body


class SqliteFullTextIndex(FullTextIndex):
    def replace(self, entries):
        rows = []
        for entry in entries:
            title, body = self.tokens_of(entry)
            rows.append((entry.pk, " ".join(title), " ".join(body)))
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fulltext WHERE rowid = %s", [(row[0],) for row in rows])
            cursor.executemany("INSERT INTO search_fulltext (rowid, title, body) VALUES (%s, %s, %s)", rows)

    def delete(self, page_ids):
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fulltext WHERE rowid = %s", [(pk,) for pk in page_ids])

    def match(self, terms, prefix=False, title_only=False, scored=True):
        # Tokens hold letters and digits only (search.normalise.TOKEN): quoted, they are never FTS5 operators.
        phrases = ['"' + " ".join(term) + '"' for term in terms]
        if prefix and phrases:
            phrases[-1] += "*"
        expression = " ".join(phrases)
        if title_only:
            expression = f"title : ({expression})"
        return SQLITE_MATCH if scored else SQLITE_MATCH_UNSCORED, [expression]


class PostgresFullTextIndex(FullTextIndex):
    @staticmethod
    def vector(title, body):
        """A tsvector literal: each token with its positions, A-weighted in the title."""
        positions = {}
        for position, token in enumerate(title, start=1):
            positions.setdefault(token, []).append(f"{min(position, MAX_POSITION)}A")
        for position, token in enumerate(body, start=len(title) + 1):
            positions.setdefault(token, []).append(str(min(position, MAX_POSITION)))
        # Tokens hold letters and digits only (search.normalise.TOKEN), so quoting cannot be broken out of.
        return " ".join(f"'{token}':{','.join(places[:256])}" for token, places in positions.items())

    def replace(self, entries):
        rows = [
            (entry.pk, self.vector(*self.tokens_of(entry)), entry.signature_id, entry.translation_key, entry.date,
             entry.copies)
            for entry in entries
        ]  # fmt: skip
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fulltext (page_id, document, signature_id, translation_key, date, copies) "
                "VALUES (%s, %s::tsvector, %s, %s, %s, %s) ON CONFLICT (page_id) DO UPDATE SET "
                "document = EXCLUDED.document, signature_id = EXCLUDED.signature_id, "
                "translation_key = EXCLUDED.translation_key, date = EXCLUDED.date, copies = EXCLUDED.copies",
                rows,
            )

    def delete(self, page_ids):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fulltext WHERE page_id = ANY(%s)", [list(page_ids)])

    @staticmethod
    def tsquery(terms, prefix=False, title_only=False):
        weight = "A" if title_only else ""
        phrases = []
        for number, term in enumerate(terms, start=1):
            last = prefix and number == len(terms)
            lexemes = [
                f"'{token}'"
                + (":" if weight or (last and i == len(term) - 1) else "")
                + ("*" if last and i == len(term) - 1 else "")
                + weight
                for i, token in enumerate(term)
            ]
            phrases.append("(" + " <-> ".join(lexemes) + ")" if len(lexemes) > 1 else lexemes[0])
        return " & ".join(phrases)

    def match(self, terms, prefix=False, title_only=False, scored=True):
        return POSTGRES_MATCH if scored else POSTGRES_MATCH_UNSCORED, [self.tsquery(terms, prefix, title_only)]


def fulltext_index():
    return PostgresFullTextIndex() if connection.vendor == "postgresql" else SqliteFullTextIndex()
