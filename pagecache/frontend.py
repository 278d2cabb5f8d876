"""A CDN or caching proxy in front of the site, purged by Wagtail's ``frontend_cache`` when a page is published or
unpublished. Configured from the environment (read by the settings, so nothing here imports Django):

- ``FRONTEND_CACHE_PURGE_URL``: a proxy that accepts HTTP PURGE (Varnish, nginx, Squid): Wagtail's HTTPBackend;
- ``FRONTEND_CACHE_CLOUDFLARE_ZONE_ID`` with ``FRONTEND_CACHE_CLOUDFLARE_TOKEN`` (an API token): Cloudflare.

Wagtail purges the published page's own URLs; the other pages that show it (listings, the city page) stay at the CDN
for their ``s-maxage`` at most (PAGE_CACHE_SHARED_MAX_AGE, 60 s by default), while our own cache has them fresh at once.
"""


class FrontendCacheConfigurationError(ValueError):
    pass


def backends_from_environment(environ):
    """The WAGTAILFRONTENDCACHE setting for ``environ``: {} when no CDN is configured."""
    backends = {}
    purge_url = environ.get("FRONTEND_CACHE_PURGE_URL", "").strip()
    if purge_url:
        if not purge_url.startswith(("http://", "https://")):
            raise FrontendCacheConfigurationError(
                f"FRONTEND_CACHE_PURGE_URL must be an http(s) URL, not {purge_url!r}."
            )
        backends["proxy"] = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": purge_url}
    zone = environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID", "").strip()
    token = environ.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN", "").strip()
    if zone or token:
        if not (zone and token):
            raise FrontendCacheConfigurationError(
                "Cloudflare needs both FRONTEND_CACHE_CLOUDFLARE_ZONE_ID and FRONTEND_CACHE_CLOUDFLARE_TOKEN."
            )
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": token,
        }
    return backends
