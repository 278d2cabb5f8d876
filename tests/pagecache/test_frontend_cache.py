"""A CDN in front: a page's URLs are purged when it is published, by a background task that calls Wagtail's
frontend_cache (pagecache/tasks.py; the tests' immediate backend runs it when the change commits), configured from
the environment (no CDN here: a backend that records what Wagtail asks it to purge stands in for one)."""

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend

from pagecache.frontend import FrontendCacheConfigurationError, backends_from_environment
from pagecache.tasks import purge_page_at_cdn
from tests.citypages.admin_data import project_form

pytestmark = pytest.mark.django_db
PURGED = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()
    yield PURGED
    PURGED.clear()


def test_publishing_purges_the_pages_urls_at_the_cdn_once_committed(
    office, network, cdn, django_capture_on_commit_callbacks
):
    project = network.project
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = office.post(f"/admin/pages/{project.pk}/edit/", project_form(project, network.theme))
    assert response.status_code == 302
    assert cdn == []  # nothing asked of the CDN inside the editor's transaction
    for callback in callbacks:
        callback()
    assert "http://localhost/en/cities/clermont-ferrand/electric-buses/" in cdn


def test_unpublishing_purges_too(office, network, cdn, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        office.post(f"/admin/pages/{network.news.pk}/unpublish/", {})
    assert "http://localhost/en/cities/clermont-ferrand/buses-arrive/" in cdn


def test_without_a_cdn_nothing_is_queued(office, network, django_capture_on_commit_callbacks, settings):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        office.post(f"/admin/pages/{network.news.pk}/unpublish/", {})
    assert not any("purge" in getattr(callback, "__qualname__", "") for callback in callbacks)


def test_a_page_deleted_before_its_purge_runs_is_skipped(network, cdn):
    assert purge_page_at_cdn.call(network.news.pk) is True
    assert purge_page_at_cdn.call(10**9) is False


def test_no_cdn_is_configured_by_default():
    assert backends_from_environment({}) == {}


def test_a_purging_proxy_and_cloudflare_from_the_environment():
    backends = backends_from_environment(
        {
            "FRONTEND_CACHE_PURGE_URL": "http://varnish.internal:6081",
            "FRONTEND_CACHE_CLOUDFLARE_ZONE_ID": "zone",
            "FRONTEND_CACHE_CLOUDFLARE_TOKEN": "token",
        }
    )
    assert backends["proxy"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://varnish.internal:6081",
    }
    assert backends["cloudflare"]["ZONEID"] == "zone" and backends["cloudflare"]["BEARER_TOKEN"] == "token"


@pytest.mark.parametrize(
    "environ, message",
    [
        ({"FRONTEND_CACHE_PURGE_URL": "varnish:6081"}, r"must be an http\(s\) URL"),
        ({"FRONTEND_CACHE_CLOUDFLARE_ZONE_ID": "zone"}, "needs both"),
    ],
)
def test_an_incomplete_configuration_is_a_clear_error(environ, message):
    with pytest.raises(FrontendCacheConfigurationError, match=message):
        backends_from_environment(environ)
