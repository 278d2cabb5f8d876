"""What makes the cached pages stale: every change visitors can see, through Wagtail's signals and the ORM's.

Pages: published, unpublished, moved, deleted, or saved while live (a translation sync, an alias update, a script);
a draft or a revision is not a change. Other content: any saved or deleted row of the content apps (themes,
organisations, offers, twinnings, commitments, signatories, translation publications), and Wagtail's locales, view
restrictions, sites, redirects, images and documents, and wagtail-localize's translations. Scheduled publishing
goes through ``page_published``; midnight is in the key (``keys.entry_key``). A CDN in front is purged of published
and unpublished pages by a background task (``pagecache.tasks``).
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .generation import bump
from .tasks import purge_soon

CONTENT_APPS = ("citypages", "home", "commitments", "matching", "translations")
WAGTAIL_CONTENT_MODELS = (
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",  # a page made private must stop being served to visitors at once
    "wagtail_localize.Translation",  # which language a copy shows (``translations.state``)
    "wagtailcore.Site",
    "wagtailredirects.Redirect",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "library.NetworkDocument",
)
# What Wagtail writes to a page row when a draft is saved, locked or scheduled: nothing a visitor sees.
DRAFT_FIELDS = frozenset(
    {
        "comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)


# Filled in lazily by Wagtail when an image or document is first used: the same file, nothing new to show.
FILE_METADATA_FIELDS = frozenset({"file_size", "file_hash"})


def content_changed(**kwargs):
    bump()


def content_saved(update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= FILE_METADATA_FIELDS:
        return
    bump()


def page_saved(instance, update_fields=None, **kwargs):
    if not instance.live:
        return  # a new draft; unpublishing is page_unpublished
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    bump()


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"pagecache-{id(signal)}")
    # The CDN in front, if any, in the background (pagecache/tasks.py); our own cache is made stale above, at once:
    # the editor who publishes expects to see the change on the next page they open.
    for signal in (page_published, page_unpublished):
        signal.connect(purge_soon, dispatch_uid=f"pagecache-cdn-{id(signal)}")
    for model in apps.get_models():
        label = model._meta.label
        if issubclass(model, Page):
            post_save.connect(page_saved, sender=model, dispatch_uid=f"pagecache-save-{label}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"pagecache-delete-{label}")
        elif model._meta.app_label in CONTENT_APPS or label in WAGTAIL_CONTENT_MODELS:
            post_save.connect(content_saved, sender=model, dispatch_uid=f"pagecache-save-{label}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"pagecache-delete-{label}")
