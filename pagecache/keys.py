"""Which requests may be answered from the page cache, and under which key.

A key names everything a page's HTML depends on for a visitor who is not signed in: the code that rendered it
(the release), the host, the path (with its language prefix), the language negotiated for the few pages outside
the language prefixes, the query string's parameters and the day (derived statuses and "past"/"upcoming" change at
midnight). Anything unbounded (unknown or many parameters, long values) is not cached at all, so random query
strings cannot fill the cache.
"""

import hashlib
import os
from functools import cache

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language_from_request

# Query-string parameters of the cached pages: paging, the city index and listing filters, and API v2's own.
CACHED_QUERY_PARAMETERS = frozenset(
    {
        "page",
        "continent",
        "country",
        "role",
        "city",
        "theme",
        "year",
        "status",
        # the documents library's filters (its text search, "q", is not kept, as search is not)
        "collection",
        "kind",
        "language",
        # API v2
        "type",
        "fields",
        "limit",
        "offset",
        "order",
        "locale",
        "child_of",
        "descendant_of",
        "translation_of",
        "id",
        "slug",
        "format",
    }
)
MAX_QUERY_PARAMETERS = 8
MAX_QUERY_STRING = 512
# Never from the cache: the admin and its previews, search (unbounded queries, already fast), forms with tokens,
# documents (privacy-checked per request) and uploaded media.
UNCACHED_PATH_PARTS = ("/admin/", "/django-admin/", "/media/", "/search/", "/contact/", "/api/v1/")
# Wagtail serves each document from /documents/<id>/…, checking its collection's privacy; the library's listing,
# /<lang>/documents/, is a page like the others.
UNCACHED_PATH_PREFIXES = ("/documents/", "/healthz", "/readyz")
# Cookies that mean the visitor gets something of their own: a session (an editor, a password-protected page) or
# messages waiting to be shown.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
SOURCE_SUFFIXES = (".py", ".html", ".txt", ".xml", ".mo", ".json", ".css", ".js", ".svg")
SKIPPED_DIRECTORIES = {".venv", "node_modules", "var", "tests", "benchmarks", ".git", "__pycache__", "docs", "demo"}


@cache
def release():
    """The deployed code's identity: $CITYNET_RELEASE, else a digest of the project's source, templates,
    catalogues and static files. A deploy changes it, so entries of the previous code (another page shape) are
    never served by the new one."""
    if os.environ.get("CITYNET_RELEASE"):
        return os.environ["CITYNET_RELEASE"]
    digest = hashlib.sha256()
    for directory, subdirectories, files in os.walk(settings.BASE_DIR):
        subdirectories[:] = sorted(name for name in subdirectories if name not in SKIPPED_DIRECTORIES)
        for name in sorted(files):
            if name.endswith(SOURCE_SUFFIXES):
                path = os.path.join(directory, name)
                # Relative: every server of one release has the same digest, wherever the code is checked out.
                digest.update(os.path.relpath(path, settings.BASE_DIR).encode())
                with open(path, "rb") as source:
                    digest.update(source.read())
    return digest.hexdigest()[:16]


def is_cacheable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if any(name in request.COOKIES for name in PERSONAL_COOKIES):
        return False
    path = request.path
    if any(part in path for part in UNCACHED_PATH_PARTS) or path.startswith(UNCACHED_PATH_PREFIXES):
        return False
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return True
    if len(query) > MAX_QUERY_STRING:
        return False
    parameters = request.GET
    return len(parameters) <= MAX_QUERY_PARAMETERS and all(
        name in CACHED_QUERY_PARAMETERS and len(parameters.getlist(name)) == 1 for name in parameters
    )


def entry_key(request):
    """The cache key of the page ``request`` asks for (the request must be cacheable)."""
    parts = [
        release(),
        request.get_host(),
        request.path,
        get_language_from_request(request, check_path=True),
        timezone.localdate().isoformat(),
        "&".join(f"{name}={request.GET[name]}" for name in sorted(request.GET)),
    ]
    return "pagecache:page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()
