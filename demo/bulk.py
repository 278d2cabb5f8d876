"""Deferring per-save index maintenance while thousands of pages are created, then rebuilding in bulk.

Every page save normally updates Wagtail's reference index and the search index at once. Wagtail offers
``disable_reference_index_auto_update`` for the first; modelsearch has no such switch but reads its backend
settings on each save, so turning ``AUTO_UPDATE`` off for the duration is its supported lever. Both indexes
are rebuilt once at the end, which is several times faster than maintaining them save by save.
"""

from contextlib import contextmanager

from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings
from wagtail.signal_handlers import disable_reference_index_auto_update

from search.documents import paused


@contextmanager
def deferred_indexing():
    backends = {name: {**config, "AUTO_UPDATE": False} for name, config in settings.WAGTAILSEARCH_BACKENDS.items()}
    with disable_reference_index_auto_update(), override_settings(WAGTAILSEARCH_BACKENDS=backends), paused():
        yield


def rebuild_indexes():
    call_command("rebuild_references_index", verbosity=0)
    call_command("update_index", verbosity=0)  # the network search index, then Wagtail's
