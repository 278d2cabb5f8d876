"""Cached pages kept in each server process's memory as well, for as long as the process hears every new generation.

A hit from Redis costs one round trip for the generation and the page (about 110 of a hit's 190 us in process, most
of it waiting for Redis and in its client): in the benchmark, 59-73 % of a static file's requests/s where 70 % is
asked. A process that is told of each new generation knows the current one without asking, and can answer a page it
rendered or fetched in that generation from memory, with no round trip.

How it is told: every new generation is written and published on a Redis channel in one transaction
(``generation.announce``); each process subscribes to that channel and reads what arrived, without waiting, at the
start of each request (``Listener.current``). Redis queues a published message for its subscribers while it runs
the publishing transaction, in the same pass as its answer to the publisher: a request that starts after a change
has been committed and announced finds the new generation on its socket (on one machine; across machines, within the
network's delivery time, as a request asking Redis would). The process only trusts what it heard while
subscribed: before the subscription is confirmed, after any error on it (Redis restarted, the connection lost), or
when the page cache is not Redis, it knows no generation and every request asks Redis, as without this tier.

What the framework lacked: Django's cache framework has no tier that another process can invalidate (LocMemCache
is per process and hears nothing), and redis-py's client-side caching needs Redis 7.4 (Debian 12 ships 7.0).

The tier is per thread (gunicorn's sync workers have one): a Redis subscription is not shared between threads.
Memory is bounded (``PAGE_CACHE_LOCAL_BYTES``), the least recently used pages dropped first.
"""

import os
import time
from collections import OrderedDict
from contextlib import suppress

from asgiref.local import Local
from django.conf import settings
from redis.exceptions import RedisError

from .generation import GENERATION_KEY, channel_of, page_cache, redis_of

RETRY_SECONDS = 5  # after an error, how long a process asks Redis on each request before subscribing again
_per_thread = Local()


class Listener:
    """What one thread has heard of the generations, and the pages it keeps for the one it heard last."""

    def __init__(self, cache):
        self.cache = cache
        self.redis = redis_of(cache)  # None: a file or memory cache, which no other process writes to
        self.pid = os.getpid()
        self.pubsub = None
        self.generation = None
        self.retry_at = 0.0
        self.pages = OrderedDict()  # key -> (generation, entry, size)
        self.size = 0

    # -- the generation ------------------------------------------------------------------------------------------

    def current(self):
        """The current generation, as heard; None when this thread does not know it (then ask Redis)."""
        if self.pubsub is None and not self._subscribe():
            return None
        try:
            while (message := self.pubsub.get_message(timeout=0)) is not None:
                if message["type"] == "message":
                    self.generation = message["data"].decode()
            if self.generation is None:  # none yet when subscribing: the first request starts one (``add``)
                self.generation = self.cache.get(GENERATION_KEY)
        except (RedisError, OSError, ValueError):
            self._deaf()
            return None
        return self.generation

    def _subscribe(self):
        if self.redis is None or time.monotonic() < self.retry_at:
            return False
        pubsub = self.redis.pubsub()
        try:
            pubsub.subscribe(channel_of(self.cache, self.redis))
            # Confirmed before the generation is read: a change published after the read is then heard.
            confirmation = pubsub.get_message(timeout=1)
            if confirmation is None or confirmation["type"] != "subscribe":
                raise RedisError("no confirmation of the subscription")
            generation = self.cache.get(GENERATION_KEY)
        except (RedisError, OSError, ValueError):
            pubsub.close()
            self._deaf()
            return False
        self.pubsub, self.generation = pubsub, generation
        return True

    def _deaf(self):
        if self.pubsub is not None:
            with suppress(RedisError, OSError):
                self.pubsub.close()
        self.pubsub, self.generation = None, None
        self.pages.clear()
        self.size = 0
        self.retry_at = time.monotonic() + RETRY_SECONDS

    # -- the pages -------------------------------------------------------------------------------------------------

    def page(self, key, generation):
        kept = self.pages.get(key)
        if kept is None or kept[0] != generation:
            return None
        self.pages.move_to_end(key)
        return kept[1]

    def keep(self, key, generation, entry):
        if generation is None:
            return
        size = len(entry[3]) + 512  # the body, and about what the headers and the key take
        if size > settings.PAGE_CACHE_LOCAL_BYTES:
            return
        previous = self.pages.pop(key, None)
        if previous is not None:
            self.size -= previous[2]
        self.pages[key] = (generation, entry, size)
        self.size += size
        while self.size > settings.PAGE_CACHE_LOCAL_BYTES:
            _key, (_generation, _entry, dropped) = self.pages.popitem(last=False)
            self.size -= dropped


def listener():
    """This thread's listener for the current page cache (a new one after a fork or a change of cache settings);
    None when the tier is switched off (``PAGE_CACHE_LOCAL_BYTES`` 0)."""
    if settings.PAGE_CACHE_LOCAL_BYTES <= 0:
        return None
    cache = page_cache()
    current = getattr(_per_thread, "listener", None)
    if current is None or current.cache is not cache or current.pid != os.getpid():
        current = _per_thread.listener = Listener(cache)
    return current
