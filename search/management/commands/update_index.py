"""``update_index``: rebuild the network search index (with a progress bar and a summary), then Wagtail's own
search index (the admin's), as Wagtail's command of the same name does; this app is listed first, so its
command is the one Django runs."""

import time

from django.conf import settings
from django.core.management.base import CommandError
from django.db import transaction
from modelsearch.management.commands.rebuild_modelsearch_index import Command as WagtailUpdateIndex
from tqdm import tqdm

from search import elasticsearch
from search.documents import build_entries, count_readable, rebuild, vacuum
from search.models import PendingElasticsearchItem, SearchEntry


class Command(WagtailUpdateIndex):
    help = "Rebuild the network search index and Wagtail's search index."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--network-only", action="store_true", help="Rebuild only the network search index.")
        parser.add_argument("--no-progress", action="store_true", help="Do not draw the progress bar.")

    def handle(self, **options):
        started = time.monotonic()
        show = options.get("verbosity", 1) > 0 and not options.get("no_progress")
        with (
            transaction.atomic(),
            tqdm(total=count_readable(), unit="page", disable=not show, file=self.stderr._out) as bar,
        ):
            entries = rebuild(progress=bar.update)
        vacuum()
        seconds = time.monotonic() - started
        items = SearchEntry.objects.values("translation_key").distinct().count()
        languages = SearchEntry.objects.values("language").distinct().count()
        if options.get("verbosity", 1) > 0:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Network search index: {items} items, {entries} pages in {languages} languages, "
                    f"in {seconds:.1f} s ({entries / seconds if seconds else 0:.0f} pages/s)."
                )
            )
        if settings.ELASTICSEARCH_URL:
            self._rebuild_elasticsearch(show)
        if not options.get("network_only"):
            super().handle(**options)

    def _rebuild_elasticsearch(self, show):
        queued = list(PendingElasticsearchItem.objects.values_list("pk", flat=True))  # committed: in the rebuild
        with tqdm(total=count_readable(), unit="page", disable=not show, file=self.stderr._out) as bar:

            def batches():
                for entries in build_entries():
                    yield entries
                    bar.update(len(entries))

            try:
                written = elasticsearch.rebuild(batches())
            except Exception as error:  # noqa: BLE001  (the database index is complete; say what failed)
                raise CommandError(f"Elasticsearch at {settings.ELASTICSEARCH_URL} was not rebuilt: {error}") from error
        for start in range(0, len(queued), 500):
            PendingElasticsearchItem.objects.filter(pk__in=queued[start : start + 500]).delete()
        self.stdout.write(self.style.SUCCESS(f"Elasticsearch index: {written} pages, alias {elasticsearch.ALIAS}."))
