"""The network's content generation: one number that every content change replaces.

A cached page is served only if it was rendered in the current generation. Replacing the number makes every cached
page stale at once, whichever pages the change shows on (a theme's new name is on project, news, theme and city
pages in every language): one simple rule instead of a map from each kind of content to the pages that show it.
"""

import logging
import time
from contextlib import contextmanager

from asgiref.local import Local
from django.core.cache import caches
from django.db import transaction
from redis.exceptions import RedisError

CACHE_ALIAS = "pages"
GENERATION_KEY = "pagecache:generation"
CHANNEL = "pagecache:generations"  # where each new generation is published (``local``: processes that listen)
logger = logging.getLogger("citynet.pagecache")
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


def redis_of(cache):
    """The Redis client behind a django-redis cache, else None (a file or memory cache: no other process to tell)."""
    client = getattr(cache, "client", None)
    return client.get_client(write=True) if client is not None and hasattr(client, "get_client") else None


def channel_of(cache, redis):
    """The channel of this cache's generations: named after its key prefix and database, as its keys are, so that
    two sites (or two test runs) sharing a Redis server do not hear each other."""
    return f"{cache.make_key(CHANNEL)}:db{redis.connection_pool.connection_kwargs.get('db', 0)}"


def announce(cache, generation):
    """Make ``generation`` the current one: in Redis, written and published together (processes that keep pages in
    memory, ``local``, hear it), or neither if Redis cannot be reached."""
    redis = redis_of(cache)
    if redis is None:
        cache.set(GENERATION_KEY, generation, timeout=None)
        return
    try:
        with redis.pipeline(transaction=True) as pipeline:
            pipeline.set(cache.make_key(GENERATION_KEY), cache.client.encode(generation))
            pipeline.publish(channel_of(cache, redis), generation)
            pipeline.execute()
    except (RedisError, OSError):
        # As django-redis's own writes with IGNORE_EXCEPTIONS: pages are rendered without the cache until Redis is
        # back, and listeners, whose subscription broke with it, ask Redis again.
        logger.warning("The page cache's generation could not be written: Redis unreachable.")


def _replace():
    generation = new_generation()
    announce(page_cache(), generation)
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
