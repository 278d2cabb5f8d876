"""Keep the network index fresh: every change readers could notice is indexed when its transaction commits."""

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
    reindex_items,
)
from .fulltext import fulltext_index


def _soon(keys):
    if keys and not is_paused():
        transaction.on_commit(lambda: reindex_items(keys))


@receiver(page_published)
@receiver(page_unpublished)
def reindex_published_item(sender, instance, **kwargs):
    if type(instance) in KINDS:
        keys = {instance.translation_key}
        if isinstance(instance, CityPage):  # a renamed city: its section and the projects naming it
            keys |= keys_mentioning_city(instance.translation_key)
        _soon(keys)


@receiver(post_page_move)
def reindex_moved_pages(sender, instance, **kwargs):
    # A page moved to another city changes city, country and the city name it is found by.
    _soon(keys_in_subtree(instance))


@receiver(post_save, sender=Theme)
def reindex_items_of_renamed_theme(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        _soon(keys_with_theme(instance.slug))


def reindex_deleted(sender, instance, **kwargs):
    """Other copies of a deleted item may now be read in fewer languages. The copy's entry went with its page;
    its full-text row is dropped here (SQLite's FTS5 table cannot cascade)."""
    if type(instance) in KINDS and not is_paused():
        page_id, key = instance.pk, instance.translation_key
        transaction.on_commit(lambda: (fulltext_index().delete([page_id]), reindex_items({key})))


for model in KINDS:
    post_delete.connect(reindex_deleted, sender=model, dispatch_uid=f"search-deleted-{model.__name__}")
