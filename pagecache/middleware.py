"""The anonymous full-page cache.

Neither package fits: wagtail-cache (3.0.0) requires Wagtail < 8, and Django's cache middleware keys on every
cookie the response varies on (each visitor's own key), knows no content generation, and caches whatever the
query string holds. This one follows Django's middleware for what to store, with the rules of docs/performance.md:
only for visitors without a session, only complete public answers (200, 301) that set no cookie and used no
CSRF token, never stale (``generation``), keys bounded (``keys``).
"""

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_conditional_response, patch_cache_control, patch_vary_headers

from .generation import GENERATION_KEY, current_generation, page_cache, request_scope
from .keys import entry_key, is_cacheable_request
from .local import listener

# Not 404: every random path would be an entry of its own (a scraper could fill the cache with them).
CACHED_STATUSES = (200, 301)
CACHED_TYPES = (
    *("text/html", "application/xml", "text/xml", "application/json", "text/calendar", "application/rss+xml"),
    *("application/atom+xml", "text/plain"),
)
STORED_HEADERS = (
    *("Content-Type", "Content-Language", "Location", "Vary", "Link", "X-Robots-Tag", "Content-Disposition"),
    *("ETag", "Cache-Control"),
)
MAX_CACHED_BYTES = 2 * 1024 * 1024


class PageCacheMiddleware:
    """Placed after SecurityMiddleware and WhiteNoise and before the session: a hit skips the rest of the stack."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not is_cacheable_request(request):
            with request_scope():  # what the page keeps (``fragments``) reads the generation once
                response = self.get_response(request)
            if request.method in ("GET", "HEAD") and not response.has_header("Cache-Control"):
                # A personal answer (an editor's, a form's) must not be kept by a browser or a CDN for others.
                patch_cache_control(response, private=True, no_cache=True)
            return response
        cache = page_cache()
        key = entry_key(request)
        # The generation this process heard (``local``), read before anything is rendered: a page kept in memory
        # for it is current; one rendered now is at least as new, and is kept for it.
        in_memory = listener()
        heard = in_memory.current() if in_memory is not None else None
        entry = in_memory.page(key, heard) if heard is not None else None
        if entry is not None:
            return self.from_entry(request, entry)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if generation is not None and entry is not None and entry[0] == generation:
            if heard == generation:
                in_memory.keep(key, heard, entry)
            return self.from_entry(request, entry)
        with request_scope(generation):
            response = self.get_response(request)
        if not self.is_cacheable_response(request, response):
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        self.make_public(response, hashlib.sha1(response.content).hexdigest())  # noqa: S324 (an ETag, not a secret)
        if generation is None:
            # No generation yet, or lost with the cache: the page was rendered in the one started now (or by
            # another process meanwhile); None if the cache cannot be reached, and then nothing is stored.
            generation = current_generation()
            if generation is None:
                return get_conditional_response(request, etag=response["ETag"], response=response)
        # Stored with its final headers (ETag, Cache-Control, Vary included): a hit only copies them.
        headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
        entry = (generation, response.status_code, headers, response.content)
        cache.set(key, entry, settings.PAGE_CACHE_TIMEOUT)
        if heard is not None:
            in_memory.keep(key, heard, entry)
        return get_conditional_response(request, etag=response["ETag"], response=response)

    def from_entry(self, request, entry):
        _generation, status, headers, content = entry
        response = HttpResponse(content if request.method == "GET" else b"", status=status, headers=headers)
        if request.META.get("HTTP_IF_NONE_MATCH"):
            response = get_conditional_response(request, etag=headers["ETag"], response=response)
        response["X-Page-Cache"] = "hit"
        return response

    @staticmethod
    def make_public(response, digest):
        response["ETag"] = f'"{digest}"'
        # Browsers revalidate on every visit (max-age 0: a 304 from the cache when nothing changed), so a visitor
        # never sees their own stale copy after a publish; shared caches (a CDN) keep it s-maxage seconds and are
        # purged of the published page by Wagtail's frontend_cache. No stale-while-revalidate: a browser would
        # show the old page once more after a publish.
        patch_cache_control(
            response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE, s_maxage=settings.PAGE_CACHE_SHARED_MAX_AGE
        )
        # A browser that signs in must not show the public copy it kept: its cookies change.
        patch_vary_headers(response, ("Cookie",))

    @staticmethod
    def is_cacheable_response(request, response):
        if response.status_code not in CACHED_STATUSES or response.streaming or response.cookies:
            return False
        if (
            request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or getattr(request, "session", None) is not None
            and (request.session.accessed and not request.session.is_empty())
        ):
            return False
        if response.has_header("Cache-Control"):
            directives = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response["Cache-Control"])}
            if directives & {"private", "no-store", "no-cache"}:
                return False
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        return content_type in CACHED_TYPES and len(response.content) <= MAX_CACHED_BYTES
