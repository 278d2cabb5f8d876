"""The network's search index: one row per live copy of a project, news item, event or city that readers of its
language can read (originals and published translations; not aliases).

Wagtail's search indexes each model separately and can facet only on one field at a time; the network search
needs one index across four page types with facets on city, country, theme, status, year and language, grouped by
item across languages. The full-text part lives beside this table, in a form each database answers fast (an FTS5
table on SQLite, a tsvector column with a GIN index on PostgreSQL; see ``search.fulltext``).
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class FacetSignature(models.Model):
    """One combination of facet values shared by items (type, city, country, themes, status, year, languages).

    Items sharing a combination are counted together: facet counts cost one step per distinct combination
    (hundreds), not per matched item (tens of thousands for a common word).
    """

    kind = models.CharField(max_length=10)
    city_key = models.CharField(max_length=32, blank=True)
    country = models.CharField(max_length=2, blank=True)
    themes = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=20, blank=True)
    year = models.CharField(max_length=4, blank=True)
    languages = models.CharField(max_length=200)
    original_language = models.CharField(max_length=20)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "city_key", "country", "themes", "status", "year", "languages", "original_language"],
                name="unique_facet_signature",
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.city_key} {self.year}"

    @classmethod
    def key_of(cls, entry):
        return (
            entry.kind, uuid.UUID(str(entry.city_key)).hex if entry.city_key else "", entry.country, entry.themes,
            entry.status,
            str(entry.year or ""), entry.languages, entry.original_language,
        )  # fmt: skip


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        PROJECT = "project", _("Cooperation project")
        NEWS = "news", _("News")
        EVENT = "event", _("Event")
        CITY = "city", _("City")

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    translation_key = models.UUIDField()
    language = models.CharField(max_length=20)
    original_language = models.CharField(max_length=20)
    # Every language the item can be read in, space-separated with spaces around (" en fr "): which copy a
    # visitor gets is decided from any matching copy, without another query.
    languages = models.CharField(max_length=200)
    # How many readable copies the item has: matches of an item with one copy need no grouping by item.
    copies = models.PositiveSmallIntegerField(default=1)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    city_key = models.UUIDField(null=True)
    country = models.CharField(max_length=2, blank=True)
    status = models.CharField(max_length=20, blank=True)
    year = models.PositiveSmallIntegerField(null=True)
    date = models.DateField(null=True)
    themes = models.CharField(max_length=500, blank=True, help_text="Theme slugs, space-separated with spaces around.")
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    text = models.TextField(blank=True, help_text="Plain text of the body, for snippets.")
    signature = models.ForeignKey(FacetSignature, on_delete=models.PROTECT, related_name="+", db_index=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        # Covering indexes: the search reads (item, signature, date) of tens of thousands of entries per common
        # word, or of every entry when browsing, from these narrow indexes instead of the wide rows
        # (``search.ranking``); the one on signature also serves the foreign key.
        indexes = [
            models.Index(fields=["translation_key", "language"], name="search_entry_copy"),
            models.Index(fields=["page", "translation_key", "signature", "date", "copies"], name="search_entry_match"),
            models.Index(fields=["date", "translation_key", "signature", "copies"], name="search_entry_date"),
            models.Index(fields=["signature", "copies"], name="search_entry_signature"),
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"


class PendingElasticsearchItem(models.Model):
    """An item whose Elasticsearch documents lag behind the database index: queued by the transaction that
    re-indexes it, deleted once Elasticsearch has taken the change (``search.documents.send_to_elasticsearch``).
    An item may be queued several times; each row is one change."""

    translation_key = models.UUIDField()
    queued_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.translation_key} ({self.queued_at:%Y-%m-%d %H:%M})"
