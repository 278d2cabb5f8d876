"""What the network index holds for a page: one SearchEntry per readable copy of an item, and its tokens.

An item is re-indexed as a whole (every copy sharing its translation key), because publishing one translation
changes which languages all its copies can be read in. Cities, themes and partner cities are looked up once per
batch (``IndexContext``), so a rebuild costs a few queries per thousand pages, not several per page.

Elasticsearch, when used, is written after the commit, never inside the editor's transaction (a hanging
Elasticsearch held SQLite's write lock for every timeout): the transaction that writes the database index also
queues the items (``PendingElasticsearchItem``), and they are sent once it commits. What cannot be sent then stays
queued, and goes with the next item sent, or with ``send_to_elasticsearch`` (cron); ``update_index`` rebuilds all.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Case, Value, When
from django.utils import timezone
from wagtail_localize.models import TranslationSource

from citypages.models import CityPage, CooperationProjectPage, Theme
from citypages.models.project import ProjectPartnerCity
from cms.tree import city_path_of
from translations.state import original_language

from . import elasticsearch
from .extract import INDEXED_TYPES
from .fulltext import fulltext_index
from .models import FacetSignature, PendingElasticsearchItem, SearchEntry

KINDS = {indexed.model: indexed.kind for indexed in INDEXED_TYPES}
BATCH = 500
SEND_BATCH = 100  # items per Elasticsearch request: a publish sends its own, and this many of any backlog
_paused = []


@contextmanager
def paused():
    """No indexing while many pages are saved (seed_network); rebuild afterwards with ``update_index``."""
    _paused.append(True)
    try:
        yield
    finally:
        _paused.pop()


def is_paused():
    return bool(_paused)


def readable(model, keys=None):
    """Live copies of ``model`` whose text is in their own language (originals and published translations)."""
    copies = model.objects.live().filter(alias_of__isnull=True)
    if keys is not None:
        copies = copies.filter(translation_key__in=keys)
    return copies.annotate(shown_language=original_language()).filter(shown_language__isnull=True)


class IndexContext:
    """Everything an entry needs besides its page, loaded once: cities, themes, partner cities, languages."""

    def __init__(self, keys=None):
        self.cities = {
            row["path"]: row for row in CityPage.objects.values("pk", "path", "translation_key", "country", "title")
        }
        self.city_keys = {row["pk"]: row["translation_key"] for row in self.cities.values()}
        self.city_names = defaultdict(set)
        for row in self.cities.values():
            self.city_names[row["translation_key"]].add(row["title"])
        self.themes = {}  # theme pk -> slug
        self.theme_names = defaultdict(set)  # slug -> names in every language
        for pk, slug, name in Theme.objects.values_list("pk", "slug", "name"):
            self.themes[pk] = slug
            self.theme_names[slug].add(name)
        self._languages(keys)
        self.signatures = {FacetSignature.key_of(s): s.pk for s in FacetSignature.objects.all()}
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)

    def signature_id(self, entry):
        key = FacetSignature.key_of(entry)
        if key not in self.signatures:
            fields = dict(zip(["kind", "city_key", "country", "themes", "status", "year", "languages",
                               "original_language"], key, strict=True))  # fmt: skip
            self.signatures[key] = FacetSignature.objects.get_or_create(**fields)[0].pk
        return self.signatures[key]

    def _languages(self, keys):
        """Per item: the languages it can be read in, and its original language."""
        self.languages = defaultdict(set)
        first_copy = {}
        for model in KINDS:
            for pk, key, code in readable(model, keys).values_list("pk", "translation_key", "locale__language_code"):
                self.languages[key].add(code)
                if key not in first_copy or pk < first_copy[key][0]:
                    first_copy[key] = (pk, code)
        sources = TranslationSource.objects.all()
        if keys is not None:
            sources = sources.filter(object_id__in=list(self.languages))
        source_language = dict(sources.values_list("object_id", "locale__language_code"))
        self.original = {}
        for key, languages in self.languages.items():
            source = source_language.get(key)
            self.original[key] = source if source in languages else first_copy[key][1]

    def entry(self, indexed, row, theme_ids, partner_ids):
        """An unsaved entry for ``row``, a page of type ``indexed`` read as values (``search.extract``)."""
        key = row["translation_key"]
        city = self.cities.get(city_path_of(row["path"]))
        date = indexed.date_of(row)
        extra = indexed.extra_text(row)
        for city_pk in partner_ids:
            extra.extend(self.city_names[self.city_keys.get(city_pk)])
        themes = sorted({self.themes[pk] for pk in theme_ids if pk in self.themes})
        for slug in themes:  # in every language: "energy" finds a Romanian item about energy
            extra.extend(sorted(self.theme_names[slug]))
        if city:
            extra.extend(sorted(self.city_names[city["translation_key"]]))
        entry = SearchEntry(
            page_id=row["pk"],
            translation_key=key,
            language=row["locale__language_code"],
            original_language=self.original[key],
            languages=" " + " ".join(sorted(self.languages[key])) + " ",
            copies=len(self.languages[key]),
            kind=indexed.kind,
            city_key=city["translation_key"] if city else None,
            country=city["country"] if city else "",
            status=indexed.status_of(row, self.today),
            year=date.year if date else None,
            date=date,
            themes=(" " + " ".join(themes) + " ") if themes else "",
            title=row["title"][:255],
            summary=row[indexed.summary] or "",
            text=indexed.text(row, indexed.text_streams),
            indexed_at=self.now,
        )
        entry.extra_text = " ".join(part for part in extra if part)
        entry.signature_id = self.signature_id(entry)
        return entry


def build_entries(keys=None, batch=BATCH):
    """Yield lists of unsaved entries for the items with these translation keys (every item when None)."""
    context = IndexContext(keys)
    for indexed in INDEXED_TYPES:
        model = indexed.model
        copies = readable(model, keys).order_by("pk")
        pks = list(copies.values_list("pk", flat=True))
        for start in range(0, len(pks), batch):
            chunk = pks[start : start + batch]
            rows = list(indexed.values(copies.filter(pk__in=chunk)))
            themes, partners = defaultdict(list), defaultdict(list)
            if hasattr(model, "page_themes"):
                link = model.page_themes.rel.related_model
                for page_id, theme_id in link.objects.filter(page_id__in=chunk).values_list("page_id", "theme_id"):
                    themes[page_id].append(theme_id)
            if model is CooperationProjectPage:
                for page_id, city_id in ProjectPartnerCity.objects.filter(page_id__in=chunk).values_list(
                    "page_id", "city_id"
                ):
                    partners[page_id].append(city_id)
            yield [context.entry(indexed, row, themes[row["pk"]], partners[row["pk"]]) for row in rows]


ENTRY_FIELDS = SearchEntry._meta.concrete_fields
# Values whose database form differs from the Python one: UUIDs (hex text on SQLite), dates and times.
CONVERTED = tuple(isinstance(field, (models.UUIDField, models.DateField)) for field in ENTRY_FIELDS)
INSERT_ENTRIES = "INSERT INTO network_search_searchentry ({}) VALUES ({})".format(  # noqa: S608  (model's columns)
    ", ".join(field.column for field in ENTRY_FIELDS), ", ".join(["%s"] * len(ENTRY_FIELDS))
)


def insert_entries(entries):
    """``bulk_create`` for entries in a third of its time: Django compiles each of the 18 values of each row into
    the statement one by one (1.8 million calls for 100,000 entries, two thirds of the insert's time); here only
    the values whose database form differs are prepared, and rows go to ``executemany``."""
    rows = [
        tuple(
            field.get_db_prep_save(getattr(entry, field.attname), connection) if convert
            else getattr(entry, field.attname)
            for field, convert in zip(ENTRY_FIELDS, CONVERTED, strict=True)
        )
        for entry in entries
    ]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.executemany(INSERT_ENTRIES, rows)


def write(entries):
    insert_entries(entries)
    fulltext_index().replace(entries)


@transaction.atomic
def reindex_items(translation_keys):
    """Bring the index up to date for these items; returns the number of entries written."""
    keys = list(set(translation_keys))
    if not keys:
        return 0
    fulltext = fulltext_index()
    stale = list(SearchEntry.objects.filter(translation_key__in=keys).values_list("page_id", flat=True))
    fulltext.delete(stale)
    SearchEntry.objects.filter(page_id__in=stale).delete()
    written = 0
    for entries in build_entries(keys):
        write(entries)
        written += len(entries)
    if settings.ELASTICSEARCH_URL:
        PendingElasticsearchItem.objects.bulk_create(PendingElasticsearchItem(translation_key=key) for key in keys)
        # robust: once the database index is committed, nothing about Elasticsearch may fail the request.
        transaction.on_commit(lambda: send_to_elasticsearch(first=keys, batches=1), robust=True)
    return written


def send_to_elasticsearch(first=(), batches=None):
    """Send the queued items to Elasticsearch, those with the translation keys ``first`` before the oldest others,
    in at most ``batches`` requests (None: until the queue is empty). Stops at the first failure, and at once
    while the breaker is open: what is not sent stays queued. Returns the number of items sent."""
    sent = 0
    queue = PendingElasticsearchItem.objects.order_by(
        Case(When(translation_key__in=list(first), then=Value(0)), default=Value(1)), "pk"
    )
    while batches is None or batches > 0:
        rows = list(queue.values_list("pk", "translation_key")[:SEND_BATCH])
        if not rows or elasticsearch.breaker.is_open():
            break
        keys = {key for _pk, key in rows}
        entries = [entry for batch in build_entries(keys) for entry in batch]
        if not elasticsearch.replace(keys, entries):
            break
        # Only the rows read: an item queued again meanwhile is sent again.
        PendingElasticsearchItem.objects.filter(pk__in=[pk for pk, _key in rows]).delete()
        sent += len(keys)
        batches = None if batches is None else batches - 1
    return sent


def rebuild(progress=None):
    """Empty the index and index every item; ``progress`` is called with each batch's size."""
    clear_index()
    written = 0
    for entries in build_entries():
        write(entries)
        written += len(entries)
        if progress:
            progress(len(entries))
    analyze()
    return written


def analyze():
    """Fresh planner statistics after a bulk load: without them PostgreSQL guesses thousands of matches for a
    rare word and scans the whole index table instead of looking entries up (72 ms instead of 0.4 ms at 100k)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE network_search_searchentry")
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE search_fulltext")


def vacuum(database=connection):
    """PostgreSQL, once a rebuild has committed: reclaim the rows it replaced, refresh the planner's statistics and
    mark the pages all-visible. Until then every search also visits the dead copies of the whole index (a common
    word at 100k pages: 315 ms instead of 153 ms) and browsing cannot read its covering index alone. Autovacuum
    gets there too, minutes later. VACUUM cannot run inside a transaction: skipped there (tests)."""
    if database.vendor != "postgresql" or database.in_atomic_block:
        return False
    with database.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) network_search_searchentry, search_fulltext")
    return True


def count_readable():
    return sum(readable(model).count() for model in KINDS)


def keys_in_subtree(page):
    """Translation keys of every indexable page at or below ``page`` (any type)."""
    keys = set()
    for model in KINDS:
        keys.update(model.objects.filter(path__startswith=page.path).values_list("translation_key", flat=True))
    return keys


def keys_mentioning_city(city_key):
    """Items whose indexed text names a city: its section's pages, and projects with it as a partner."""
    keys = set()
    for copy in CityPage.objects.filter(translation_key=city_key):
        keys |= keys_in_subtree(copy)
    keys.update(
        CooperationProjectPage.objects.filter(partner_cities__city__translation_key=city_key).values_list(
            "translation_key", flat=True
        )
    )
    return keys


def keys_with_theme(slug):
    return set(SearchEntry.objects.filter(themes__contains=f" {slug} ").values_list("translation_key", flat=True))


def clear_index():
    fulltext_index().clear()
    SearchEntry.objects.all().delete()
