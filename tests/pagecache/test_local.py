"""Pages kept in the server process's memory, valid while it hears every new generation (pagecache/local.py)."""

import pytest
from django.core.cache import caches
from django_redis import get_redis_connection

from citypages.models import CityPage
from pagecache import local
from pagecache.generation import announce, new_generation

from .conftest import cached, read
from .test_faults import redis_caches

pytestmark = pytest.mark.django_db
CITY = "/en/cities/clermont-ferrand/"


@pytest.fixture
def on_redis(settings):
    """The page cache on Redis (a database of its own: another module's tests may use Redis at the same time)."""
    settings.CACHES = redis_caches("redis://127.0.0.1:6379/13")
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


def another_process(on_redis):
    """The page cache as another server process sees it: its own client and connections."""
    return caches.create_connection("pages")


def changed_by_another_process(on_redis, network, intro):
    """What another server process does when an editor publishes there: the row changes, a new generation is announced
    (no signal reaches this process)."""
    CityPage.objects.filter(pk=network.clermont.pk).update(intro=intro)
    announce(another_process(on_redis), new_generation())


def test_a_page_is_answered_from_memory_without_asking_redis(visitor, network, on_redis, monkeypatch):
    html = cached(visitor, CITY)

    def no_round_trip(*args, **kwargs):
        raise AssertionError("asked Redis for a page kept in memory")

    monkeypatch.setattr(type(on_redis), "get_many", no_round_trip)
    again, hit = read(visitor, CITY)
    assert hit and again == html


def test_a_change_published_by_another_process_is_seen_on_the_next_request(visitor, network, on_redis):
    cached(visitor, CITY)
    changed_by_another_process(on_redis, network, "A city of volcanoes and tyres.")
    html, hit = read(visitor, CITY)
    assert not hit and "volcanoes" in html
    assert cached(visitor, CITY) == html  # kept again, for the new generation


def test_a_process_that_lost_its_subscription_asks_redis_and_misses_nothing(visitor, network, on_redis):
    cached(visitor, CITY)
    get_redis_connection("pages").client_kill_filter(_type="pubsub")  # a Redis restart, a dropped connection
    changed_by_another_process(on_redis, network, "A city of volcanoes and tyres.")
    html, _hit = read(visitor, CITY)
    assert "volcanoes" in html
    assert local.listener().pubsub is None  # deaf until it subscribes again: every request asked Redis


def test_a_process_subscribes_again_after_an_error(visitor, network, on_redis, monkeypatch):
    monkeypatch.setattr(local, "RETRY_SECONDS", 0)
    cached(visitor, CITY)
    get_redis_connection("pages").client_kill_filter(_type="pubsub")
    read(visitor, CITY)  # hears the error
    read(visitor, CITY)  # subscribes again
    assert local.listener().pubsub is not None
    changed_by_another_process(on_redis, network, "Volcanoes again.")
    html, hit = read(visitor, CITY)
    assert not hit and "Volcanoes again." in html


def test_sites_sharing_a_redis_server_do_not_hear_each_other(visitor, network, on_redis, settings):
    html = cached(visitor, CITY)
    other_site = redis_caches("redis://127.0.0.1:6379/13")["pages"] | {"KEY_PREFIX": "another-site"}
    settings.CACHES = {**settings.CACHES, "elsewhere": other_site}
    announce(caches["elsewhere"], new_generation())
    again, hit = read(visitor, CITY)
    assert hit and again == html


def test_without_redis_nothing_is_kept_in_memory(visitor, network, settings):
    cached(visitor, CITY)  # the tests' own page cache: in memory, per process
    assert local.listener().current() is None and not local.listener().pages


def test_memory_is_bounded_and_the_least_recently_used_page_goes_first(settings, on_redis):
    settings.PAGE_CACHE_LOCAL_BYTES = 3 * 1024
    listener = local.Listener(on_redis)
    for key in ("a", "b", "c"):
        listener.keep(key, "g1", ("g1", 200, {}, b"x" * 500))
    assert listener.page("a", "g1")  # now the most recently used
    listener.keep("d", "g1", ("g1", 200, {}, b"x" * 500))
    assert listener.page("b", "g1") is None and listener.page("a", "g1") and listener.page("d", "g1")
    assert listener.size <= settings.PAGE_CACHE_LOCAL_BYTES
    listener.keep("huge", "g1", ("g1", 200, {}, b"x" * 4096))
    assert listener.page("huge", "g1") is None
    assert listener.page("a", "g2") is None  # kept for another generation


def test_switched_off_with_no_bytes(visitor, network, on_redis, settings):
    settings.PAGE_CACHE_LOCAL_BYTES = 0
    assert local.listener() is None
    cached(visitor, CITY)
