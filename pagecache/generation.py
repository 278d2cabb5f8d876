"""The network's content generation: one number that every content change replaces.

A cached page is served only if it was rendered in the current generation. Replacing the number makes every cached
page stale at once, whichever pages the change shows on (a theme's new name is on project, news, theme and city
pages in every language): one simple rule instead of a map from each kind of content to the pages that show it.
"""

import time

from django.core.cache import caches
from django.db import transaction

CACHE_ALIAS = "pages"
GENERATION_KEY = "pagecache:generation"


def page_cache():
    return caches[CACHE_ALIAS]


def new_generation():
    # Nanoseconds: distinct across processes and restarts, so a generation lost with the cache (an eviction, a Redis
    # restart) is never reissued and cannot match entries rendered before.
    return str(time.time_ns())


def current_generation():
    """The current generation, started if there is none; None when the cache cannot be reached."""
    pages = page_cache()
    generation = pages.get(GENERATION_KEY)
    if generation is None:
        pages.add(GENERATION_KEY, new_generation(), timeout=None)  # another process may have started one first
        generation = pages.get(GENERATION_KEY)
    return generation


def bump():
    """A new generation now, and again once the transaction commits.

    Now: requests on this connection (a test's, the editor's own) see the change at once. After the commit: a page
    that another process rendered from the old data between the first bump and the commit is not kept.
    """
    page_cache().set(GENERATION_KEY, new_generation(), timeout=None)
    transaction.on_commit(lambda: page_cache().set(GENERATION_KEY, new_generation(), timeout=None))
