"""The page cache on the production path (Redis), through an outage and back (issue 16)."""

import logging

import pytest
from django.core.cache import caches

from cms.logging import OncePerInterval

from .conftest import cached, read

pytestmark = pytest.mark.django_db


def redis_caches(location):
    options = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2}
    default = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": location, "OPTIONS": options}
    return {
        "default": {**default, "KEY_PREFIX": "citynet-test"},
        "pages": {**default, "KEY_PREFIX": "citynet-test-pages"},
    }


@pytest.fixture
def once_a_minute():
    redis_logger = logging.getLogger("django_redis.cache")
    (log_filter,) = [f for f in redis_logger.filters if isinstance(f, OncePerInterval)]
    log_filter.reset()
    yield
    log_filter.reset()


def test_pages_are_cached_in_redis_and_made_stale_by_a_publish(visitor, network, settings):
    settings.CACHES = redis_caches("redis://127.0.0.1:6379/14")
    caches["pages"].clear()
    try:
        cached(visitor, "/en/cities/clermont-ferrand/")
        network.clermont.intro = "A city of volcanoes and tyres."
        network.clermont.save_revision().publish()
        html, hit = read(visitor, "/en/cities/clermont-ferrand/")
        assert not hit and "volcanoes" in html
    finally:
        caches["pages"].clear()


def test_redis_down_pages_still_answer_uncached_and_one_line_is_logged_then_caching_resumes(
    visitor, network, settings, caplog, once_a_minute
):
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    settings.CACHES = redis_caches("redis://127.0.0.1:1/0")  # nothing listens there
    responses = [visitor.get("/en/cities/clermont-ferrand/") for _ in range(20)]
    assert [r.status_code for r in responses] == [200] * 20
    assert not any(r.get("X-Page-Cache") for r in responses)
    assert all("Clermont-Ferrand" in r.content.decode() for r in responses)
    redis_records = [record for record in caplog.records if record.name == "django_redis.cache"]
    assert len(redis_records) == 1 and "Traceback" not in caplog.text

    settings.CACHES = redis_caches("redis://127.0.0.1:6379/14")  # Redis is back
    caches["pages"].clear()
    try:
        cached(visitor, "/en/cities/clermont-ferrand/")
    finally:
        caches["pages"].clear()
