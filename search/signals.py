"""Keep the network index fresh: every change readers could notice is queued for indexing when its transaction
commits (``search.tasks``: by a worker in production, at once in development and tests)."""

import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from citypages.models import CityPage, Theme

from .documents import (
    KINDS,
    is_paused,
    keys_in_subtree,
    keys_mentioning_city,
    keys_with_theme,
)
from .fulltext import fulltext_index
from .tasks import reindex_network_items


class ItemsToReindex:
    """The items a transaction changed, re-indexed together once it commits: publishing a page with aliases in
    every language sends a ``page_published`` per alias for one item, which made as many re-indexings (and as
    many Elasticsearch requests, each waiting out the timeout of a hanging Elasticsearch). Each change still
    registers its own callback (Django has no hook for a rollback): the first to run re-indexes every item
    gathered so far, the others find nothing left. Items gathered in a transaction that was rolled back are
    re-indexed with the next ones: a needless, harmless re-indexing."""

    current = threading.local()

    def __init__(self):
        self.keys = set()

    @classmethod
    def add(cls, keys):
        gathered = getattr(cls.current, "items", None)
        if gathered is None:
            gathered = cls.current.items = cls()
        gathered.keys |= keys
        transaction.on_commit(gathered.reindex)

    def reindex(self):
        if getattr(self.current, "items", None) is self:
            self.current.items = None  # changes made from here on gather anew
        keys, self.keys = self.keys, set()
        if keys:
            reindex_network_items.enqueue(sorted(str(key) for key in keys))


def _soon(keys):
    if keys and not is_paused():
        ItemsToReindex.add(set(keys))


@receiver(page_published)
@receiver(page_unpublished)
def reindex_published_item(sender, instance, **kwargs):
    if type(instance) in KINDS and not is_paused():  # paused: seed_network rebuilds at the end
        keys = {instance.translation_key}
        if isinstance(instance, CityPage):  # a renamed city: its section and the projects naming it
            keys |= keys_mentioning_city(instance.translation_key)
        _soon(keys)


@receiver(post_page_move)
def reindex_moved_pages(sender, instance, **kwargs):
    # A page moved to another city changes city, country and the city name it is found by.
    if not is_paused():
        _soon(keys_in_subtree(instance))


@receiver(post_save, sender=Theme)
def reindex_items_of_renamed_theme(sender, instance, created, raw=False, **kwargs):
    if not created and not raw and not is_paused():
        _soon(keys_with_theme(instance.slug))


def reindex_deleted(sender, instance, **kwargs):
    """Other copies of a deleted item may now be read in fewer languages. The copy's entry went with its page;
    its full-text row is dropped here (SQLite's FTS5 table cannot cascade)."""
    if type(instance) in KINDS and not is_paused():
        page_id = instance.pk
        transaction.on_commit(lambda: fulltext_index().delete([page_id]))
        _soon({instance.translation_key})


for model in KINDS:
    post_delete.connect(reindex_deleted, sender=model, dispatch_uid=f"search-deleted-{model.__name__}")
