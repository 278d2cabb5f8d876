import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import health
from contact import views as contact_views
from opendata import urls as opendata_urls
from pagecache import routes as pagecache_routes
from search import views as search_views

handler500 = "cms.views.server_error"


@cache_control(public=True, max_age=24 * 3600)
def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page links to; the icon is a static file whose name
    carries its hash, so this answer is a temporary redirect that a new icon can change."""
    return redirect(static("img/favicon.ico"))


urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("favicon.ico", favicon, name="favicon"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/search/", search_views.search_api, name="search_api"),
    *opendata_urls.urlpatterns,
]

if (settings.DEBUG or settings.SERVE_MEDIA) and settings.MEDIA_URL.startswith("/"):
    # Uploaded media, from this process (settings.SERVE_MEDIA). Not django.conf.urls.static.static(), which adds
    # nothing unless DEBUG is on.
    urlpatterns.append(
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
            name="media",
        )
    )

urlpatterns += i18n_patterns(
    path("search/", search_views.search_page, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    *opendata_urls.language_urlpatterns,
    path("contact/<int:page_id>/", contact_views.contact_page, name="contact_page"),
    # Wagtail's page view, its route kept for the content generation; the same address and name as Wagtail's own.
    re_path(wagtail_urls.serve_pattern, pagecache_routes.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
)
