"""A CDN in front (``pagecache.frontend``) is purged in the background: a publish enqueues the page, a worker asks
the CDN to forget its URLs, so an editor never waits on the CDN's API.

Wagtail's ``frontend_cache`` app purges inside the publishing request through its signal handlers, and has no setting
to defer that: the app is not installed, and its purging functions are called from here instead. Purging twice
(a task run again after its worker died) is harmless.
"""

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_page_from_cache
from wagtail.models import Page

from cms.background import background_task


@background_task()
def purge_page_at_cdn(page_id):
    """Purge a published or unpublished page's URLs; whether the page still existed."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return False
    purge_page_from_cache(page.specific)
    return True


def purge_soon(instance, **kwargs):
    """``page_published`` / ``page_unpublished``: the page is purged once the change is committed."""
    if settings.WAGTAILFRONTENDCACHE:
        page_id = instance.pk
        transaction.on_commit(lambda: purge_page_at_cdn.enqueue(page_id))
