"""robots.txt and the sitemap view."""

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from .sitemap import NetworkSitemap

ROBOTS_CACHE_SECONDS = 60 * 60


@require_GET
@cache_page(ROBOTS_CACHE_SECONDS)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # Search result pages are endless combinations of the same items; the sitemap lists every item.
        "Disallow: /*/search/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def sitemap(request):
    return django_sitemap(request, sitemaps={"pages": NetworkSitemap(request)})
