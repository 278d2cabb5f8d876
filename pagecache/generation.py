"""The network's content generation: one number that every content change replaces.

A cached page is served only if it was rendered in the current generation. Replacing the number makes every cached
page stale at once, whichever pages the change shows on (a theme's new name is on project, news, theme and city
pages in every language): one simple rule instead of a map from each kind of content to the pages that show it.
"""

import time
from contextlib import contextmanager

from asgiref.local import Local
from django.core.cache import caches
from django.db import transaction

CACHE_ALIAS = "pages"
GENERATION_KEY = "pagecache:generation"
# The generation a request renders from: read once per request (the middleware's ``request_scope``), not once per
# kept part (a city page keeps a dozen). A Local, not a global: each thread or task of a server has its own request.
_in_request = Local()


def page_cache():
    return caches[CACHE_ALIAS]


def new_generation():
    # Nanoseconds: distinct across processes and restarts, so a generation lost with the cache (an eviction, a Redis
    # restart) is never reissued and cannot match entries rendered before.
    return str(time.time_ns())


@contextmanager
def request_scope(generation=None):
    """Within it, ``current_generation()`` reads the cache once and then answers from memory (``generation``, if
    the caller has just read it). Reading it at the start is safe: whatever the request reads afterwards is at
    least as new as that generation, so nothing older is ever kept under a newer number."""
    previous = getattr(_in_request, "scope", None)
    _in_request.scope = {"generation": generation}
    try:
        yield
    finally:
        _in_request.scope = previous


def current_generation():
    """The current generation, started if there is none; None when the cache cannot be reached."""
    scope = getattr(_in_request, "scope", None)
    if scope is not None and scope["generation"] is not None:
        return scope["generation"]
    pages = page_cache()
    generation = pages.get(GENERATION_KEY)
    if generation is None:
        pages.add(GENERATION_KEY, new_generation(), timeout=None)  # another process may have started one first
        generation = pages.get(GENERATION_KEY)
    if scope is not None:
        scope["generation"] = generation
    return generation


def _replace():
    generation = new_generation()
    page_cache().set(GENERATION_KEY, generation, timeout=None)
    scope = getattr(_in_request, "scope", None)
    if scope is not None:
        scope["generation"] = generation  # the request that made the change sees it in what it renders next


def bump():
    """A new generation now, and again once the transaction commits.

    Now: requests on this connection (a test's, the editor's own) see the change at once. After the commit: a page
    that another process rendered from the old data between the first bump and the commit is not kept.
    """
    _replace()
    transaction.on_commit(_replace)
