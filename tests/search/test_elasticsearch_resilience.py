"""Issue 19: a hanging Elasticsearch (a socket that accepts and never answers) must not stall searches, other
pages, or publishing. No Elasticsearch server is involved: only that socket (``hanging_elasticsearch``)."""

import time
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import connection

from citypages.synctree import alias_into_every_locale
from search import breaker, elasticsearch
from search.documents import paused, rebuild, send_to_elasticsearch
from search.models import PendingElasticsearchItem
from tests.citypages.factories import CityPageFactory, NewsPageFactory
from tests.conftest import build_network_tree, rolled_back

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """A city and a news item, each with aliases in three languages; built once, rolled back after the module."""
    with rolled_back(django_db_blocker, build_world) as built:
        yield built


def build_world():
    tree = build_network_tree()
    with paused():
        city = CityPageFactory(parent=tree.city_index, title="Querétaro", slug="queretaro", country="MX")
        news = NewsPageFactory(parent=city, title="Hydrogen buses arrive", slug="hydrogen", summary="Ten buses.")
        alias_into_every_locale(city)
        alias_into_every_locale(news)
    rebuild()
    return SimpleNamespace(city=city, news=news, tree=tree)


@pytest.fixture
def clock(monkeypatch):
    """The breaker's clock, moved by hand."""
    now = SimpleNamespace(time=time.time())
    monkeypatch.setattr(breaker, "now", lambda: now.time)
    return now


def test_searches_answer_from_the_database_and_stop_waiting(client, world, hanging_elasticsearch, caplog):
    # The city index never asks Elasticsearch: it only queued behind searches holding every worker.
    assert client.get(world.tree.city_index.url).status_code == 200
    assert hanging_elasticsearch.attempts == 0
    with caplog.at_level("WARNING"):
        for _ in range(3):  # each waits the timeout, then answers from the database
            assert "Hydrogen buses arrive" in client.get("/en/search/", {"q": "hydrogen"}).content.decode()
        assert hanging_elasticsearch.attempts == 3
        # Open: the next requests of every kind answer from the database without a connection attempt.
        for _ in range(3):
            assert "Hydrogen buses arrive" in client.get("/en/search/", {"q": "hydrogen"}).content.decode()
        api = client.get("/api/v1/search/", {"q": "hydrogen", "lang": "en"}).json()
        assert [result["title"] for result in api["results"]] == ["Hydrogen buses arrive"]
        suggestions = client.get("/en/search/suggest/", {"q": "queré"}).json()["suggestions"]
        assert [suggestion["label"] for suggestion in suggestions] == ["Querétaro"]
    assert hanging_elasticsearch.attempts == 3
    opened = [record for record in caplog.records if "circuit breaker open" in record.getMessage()]
    assert len(opened) == 1


def test_after_the_cooldown_one_request_probes(client, world, hanging_elasticsearch, clock, caplog):
    for _ in range(3):
        elasticsearch.breaker.record_failure()
    clock.time += 29
    client.get("/en/search/", {"q": "hydrogen"})
    assert hanging_elasticsearch.attempts == 0
    clock.time += 2  # the cool-down is over: one probe, which fails, and the breaker opens again
    assert "Hydrogen buses arrive" in client.get("/en/search/", {"q": "hydrogen"}).content.decode()
    client.get("/en/search/", {"q": "hydrogen"})
    assert hanging_elasticsearch.attempts == 1
    clock.time += 31  # a probe that succeeds closes it; while it runs, the others keep away
    assert elasticsearch.breaker.allow() and not elasticsearch.breaker.allow()
    with caplog.at_level("WARNING"):
        elasticsearch.breaker.record_success()
    assert elasticsearch.breaker.allow() and "circuit breaker closed" in caplog.text


def test_the_breaker_is_shared_by_workers_and_survives_a_cache_outage(settings):
    settings.ELASTICSEARCH_BREAKER_FAILURES = 3
    for _ in range(3):
        elasticsearch.breaker.record_failure()
    other_worker = breaker.CircuitBreaker(
        "Elasticsearch", "ELASTICSEARCH_BREAKER_FAILURES", "ELASTICSEARCH_BREAKER_COOLDOWN"
    )
    assert other_worker.is_open()
    # Redis down (a closed port; django-redis then answers every read with a miss): each process goes on alone.
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:9/0",
                                   "OPTIONS": {"IGNORE_EXCEPTIONS": True}}}  # fmt: skip
    assert cache.get(other_worker.cache_key) is None
    assert elasticsearch.breaker.is_open() and not other_worker.allow()
    elasticsearch.breaker.reset()
    for _ in range(3):
        elasticsearch.breaker.record_failure()
    assert elasticsearch.breaker.is_open()


def test_publishing_writes_elasticsearch_after_the_commit_and_queues_what_failed(
    office, world, hanging_elasticsearch, django_capture_on_commit_callbacks, monkeypatch
):
    from tests.search.test_freshness import _form

    # How many transactions are open when a request leaves for Elasticsearch (the test's own are the baseline).
    open_transactions, allow = [], elasticsearch.breaker.allow
    monkeypatch.setattr(
        elasticsearch.breaker, "allow", lambda: open_transactions.append(len(connection.atomic_blocks)) or allow()
    )
    baseline = len(connection.atomic_blocks)
    news = world.news
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = office.post(f"/admin/pages/{news.pk}/edit/", {"action-publish": "1", **_form(news)})
        assert hanging_elasticsearch.attempts == 0  # nothing asked Elasticsearch inside the editor's transaction
    assert response.status_code == 302
    # Once committed, re-indexing committed too: one attempt for the page and its three aliases, no lock held.
    assert hanging_elasticsearch.attempts == 1 and open_transactions == [baseline]
    assert time.monotonic() - started < 5
    assert PendingElasticsearchItem.objects.filter(translation_key=news.translation_key).exists()
    assert "Tramwaje wodorowe" in office.get("/en/search/", {"q": "wodorowe"}).content.decode()
    assert hanging_elasticsearch.attempts == 2  # that search tried, and fell back
    # Open: sending the queue does not even try; the items stay queued.
    elasticsearch.breaker.record_failure()
    assert send_to_elasticsearch() == 0
    assert hanging_elasticsearch.attempts == 2
    assert PendingElasticsearchItem.objects.filter(translation_key=news.translation_key).exists()


def test_a_queued_item_is_sent_with_its_current_documents(world, settings, monkeypatch):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    sent = []
    monkeypatch.setattr(elasticsearch, "replace", lambda keys, entries: sent.append((keys, entries)) or True)
    PendingElasticsearchItem.objects.create(translation_key=world.news.translation_key)
    PendingElasticsearchItem.objects.create(translation_key=world.news.translation_key)
    assert send_to_elasticsearch() == 1
    [(keys, entries)] = sent
    assert keys == {world.news.translation_key} and [entry.page_id for entry in entries] == [world.news.pk]
    assert not PendingElasticsearchItem.objects.exists()
