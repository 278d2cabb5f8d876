"""The network index is written in the background: a publish enqueues its items, a worker indexes them (and sends
them to Elasticsearch when it is used), so an editor never waits on the index or on Elasticsearch.

Both tasks can run again after a worker died mid-way (``operations.worker``): indexing an item twice writes the
same entries.
"""

import uuid

from django.db import transaction
from django.utils import timezone

from citypages.lifecycle import ONGOING
from citypages.models import CooperationProjectPage
from cms.background import background_task

from .documents import reindex_items
from .models import SearchEntry


@background_task()
def reindex_network_items(translation_keys):
    """Index the items with these translation keys (strings: task arguments are JSON); the entries written."""
    return reindex_items([uuid.UUID(key) for key in translation_keys])


def items_with_stale_status(today=None):
    """Items with a copy indexed as ongoing whose end date has passed: its derived status ("to be confirmed",
    ``citypages.lifecycle``) changed with the date, and nothing was published to re-index it. Copies are looked at
    one by one: a translation keeps its own dates until it is synchronised with its source."""
    today = today or timezone.localdate()
    ended = CooperationProjectPage.objects.filter(status=ONGOING, end_date__lt=today).values("pk")
    stale = SearchEntry.objects.filter(kind=SearchEntry.Kind.PROJECT, status=ONGOING, page_id__in=ended)
    return set(stale.values_list("translation_key", flat=True))


@background_task()
def refresh_derived_statuses():
    """The nightly refresh (``manage.py nightly``): re-index the items whose status changed with the date. Also
    catches up after nights it did not run. Returns the number of items re-indexed."""
    with transaction.atomic():
        keys = items_with_stale_status()
        reindex_items(keys)
    return len(keys)
