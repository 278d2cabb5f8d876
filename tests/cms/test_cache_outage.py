"""A Redis outage degrades to no cache: pages still answer, and the log gets one line a minute, not a traceback per
cache call."""

import logging

import pytest

from cms.logging import OncePerInterval
from tests.conftest import build_network_tree

pytestmark = pytest.mark.django_db

REDIS_DOWN = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
    }
}
REDIS_DOWN["pages"] = {**REDIS_DOWN["default"], "KEY_PREFIX": "citynet-pages"}  # the page cache: the same Redis


@pytest.fixture
def redis_down(settings):
    redis_logger = logging.getLogger("django_redis.cache")
    (once_a_minute,) = [f for f in redis_logger.filters if isinstance(f, OncePerInterval)]  # wired in LOGGING
    once_a_minute.reset()  # an earlier test may have logged through it
    settings.CACHES = REDIS_DOWN
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    yield
    once_a_minute.reset()


def test_twenty_requests_during_a_redis_outage_answer_and_log_one_line(client, redis_down, caplog):
    build_network_tree(codes=())
    statuses = [client.get("/en/").status_code for _ in range(20)]
    assert statuses == [200] * 20
    redis_records = [record for record in caplog.records if record.name == "django_redis.cache"]
    assert len(redis_records) == 1
    (record,) = redis_records
    assert record.levelno == logging.WARNING and record.exc_info is None
    assert "ConnectionError" in record.getMessage() and "Traceback" not in caplog.text
