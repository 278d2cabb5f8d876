"""Parts of pages computed once per content generation and shared by every request and process.

A city page's partner suggestions read every city, project, offer and need of its language tree; its commitments
every declaration the city signed; every page's navigation the tree's index pages. None of it changes between two
content changes, so each is kept in the cache under the current generation (``generation``): the page cache's own
rule, which makes them fresh on the next request after any change. They serve editors and visitors alike, with
the page cache on or off; with the cache unreachable they are computed on each request.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from .generation import current_generation
from .keys import release

FRAGMENT_TIMEOUT = 24 * 3600


def _key(name, parts, generation):
    text = "\n".join([release(), name, generation, *map(str, parts)])
    return f"pagecache:fragment:{name}:" + hashlib.sha256(text.encode()).hexdigest()


def kept(name, parts):
    """What was kept for ``name`` and ``parts`` in this generation, else None."""
    if not settings.PAGE_FRAGMENTS_CACHED:
        return None
    generation = current_generation()
    return None if generation is None else cache.get(_key(name, parts, generation))


def keep(name, parts, value):
    """Keep ``value`` (never None) for ``name`` and ``parts`` until the generation changes."""
    if not settings.PAGE_FRAGMENTS_CACHED or value is None:
        return
    generation = current_generation()
    if generation is not None:
        cache.set(_key(name, parts, generation), value, FRAGMENT_TIMEOUT)


def for_generation(name, parts, compute, request=None):
    """``compute()``, or what it returned for ``name`` and ``parts`` earlier in this generation (None is never
    kept: it is computed again). A preview (``request.is_preview``) shows a draft: always computed, never kept."""
    if not settings.PAGE_FRAGMENTS_CACHED or getattr(request, "is_preview", False):
        return compute()
    generation = current_generation()
    if generation is None:
        return compute()
    key = _key(name, parts, generation)
    value = cache.get(key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(key, value, FRAGMENT_TIMEOUT)
    return value
