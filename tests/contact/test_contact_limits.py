"""The contact form's limits hold in production's setting: several workers (each with its own memory, or sharing a
Redis that is down), a reverse proxy in front, and posts replayed with a token that has not expired."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from contact.models import ContactMessage, ContactQuota
from tests.citypages.factories import CityPageFactory, CooperationProjectPageFactory
from tests.conftest import build_network_tree
from tests.contact.test_contact_form import PROJECT_ADDRESS, VISITOR, token_in, write

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
REDIS_DOWN = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        "OPTIONS": {"IGNORE_EXCEPTIONS": True},
    }
}
REDIS_DOWN["pages"] = {**REDIS_DOWN["default"], "KEY_PREFIX": "citynet-pages"}  # the page cache: the same Redis


class StatusAtSendingBackend(BaseEmailBackend):
    """A mail server that records what the database held when it was asked to send, then fails."""

    seen = []

    def send_messages(self, email_messages):
        self.seen.append(list(ContactMessage.objects.values_list("status", flat=True)))
        raise OSError("connection refused")


@pytest.fixture(autouse=True)
def _no_waiting(settings):
    settings.CONTACT_MINIMUM_SECONDS = 0


@pytest.fixture
def project(db):
    tree = build_network_tree(codes=())  # English only: the limits do not depend on the language
    city = CityPageFactory(parent=tree.city_index, title="Clermont-Ferrand", slug="clermont-ferrand")
    return CooperationProjectPageFactory(parent=city, title="Student exchanges", contact_email=PROJECT_ADDRESS)


@pytest.mark.parametrize("cache_state", ["another worker's memory", "redis down"])
def test_the_sixth_message_is_refused_whichever_worker_receives_it(client, project, settings, cache_state):
    if cache_state == "redis down":
        settings.CACHES = REDIS_DOWN
    for _ in range(5):
        cache.clear()  # each post lands on a worker that has counted nothing
        assert write(client, project).status_code == 303
    cache.clear()
    assert write(client, project).status_code == 429
    assert ContactMessage.objects.count() == 5 and len(mail.outbox) == 5
    assert not ContactQuota.objects.filter(visitor__contains=VISITOR).exists()  # a keyed hash, not the address


def test_behind_the_proxy_each_visitor_has_their_own_quota(client, project, settings):
    settings.CONTACT_RATE_LIMIT = (1, 3600)
    settings.TRUSTED_PROXY_HEADER = "HTTP_X_FORWARDED_FOR"
    ContactQuota.objects.create(visitor="gone", window_start=timezone.now() - timedelta(hours=2), count=1)
    visitor = {"remote_addr": PROXY, "forwarded_for": "198.51.100.1"}
    assert write(client, project, **visitor).status_code == 303
    assert write(client, project, **visitor).status_code == 429
    # The client writes the leftmost entry; the proxy appends the address it saw.
    assert write(client, project, remote_addr=PROXY, forwarded_for="203.0.113.9, 198.51.100.1").status_code == 429
    assert write(client, project, remote_addr=PROXY, forwarded_for="198.51.100.2").status_code == 303
    # Nothing usable: counted as the proxy's own address, not an error.
    assert write(client, project, remote_addr=PROXY, forwarded_for="<script>").status_code == 303
    assert write(client, project, remote_addr=PROXY, forwarded_for=", 999.0.0.1").status_code == 429
    assert ContactMessage.objects.count() == 3
    assert not ContactQuota.objects.filter(visitor="gone").exists()  # windows that are over are forgotten

    settings.TRUSTED_PROXY_HEADER = ""
    assert write(client, project, remote_addr=VISITOR, forwarded_for="198.51.100.3").status_code == 303
    assert write(client, project, remote_addr=VISITOR, forwarded_for="198.51.100.4").status_code == 429


def posted_form(client, project):
    form = client.get(f"/en/contact/{project.pk}/", REMOTE_ADDR=VISITOR).content.decode()
    data = {"name": "Ana", "email": "ana@visitor.example", "message": "We would like to join.", "website": ""}
    return {**data, "token": token_in(form)}


def test_a_replayed_post_is_refused_and_the_message_was_stored_before_sending(client, project, settings):
    settings.EMAIL_BACKEND = "tests.contact.test_contact_limits.StatusAtSendingBackend"
    StatusAtSendingBackend.seen = []
    data = posted_form(client, project)
    sent = client.post(f"/en/contact/{project.pk}/", data, REMOTE_ADDR=VISITOR)
    assert sent.status_code == 303 and "delivery=pending" in sent["Location"]
    assert StatusAtSendingBackend.seen == [[ContactMessage.Status.PENDING]]  # stored, then sent
    assert ContactMessage.objects.get().status == ContactMessage.Status.FAILED

    replay = client.post(f"/en/contact/{project.pk}/", data, REMOTE_ADDR=VISITOR)
    assert replay.status_code == 400
    html = replay.content.decode()
    assert "This form has already been sent: your message was received." in html
    assert token_in(html) != data["token"]
    assert ContactMessage.objects.count() == 1 and len(StatusAtSendingBackend.seen) == 1


def test_the_same_post_on_two_workers_at_once_sends_one_message(client, project, monkeypatch):
    data = posted_form(client, project)
    assert client.post(f"/en/contact/{project.pk}/", data, REMOTE_ADDR=VISITOR).status_code == 303
    # The second worker checked the token before the first had stored its message: the unique digest refuses it.
    monkeypatch.setattr("contact.forms.token_used", lambda token: False)
    replay = client.post(f"/en/contact/{project.pk}/", data, REMOTE_ADDR=VISITOR)
    assert replay.status_code == 400
    assert "This form has already been sent" in replay.content.decode()
    assert ContactMessage.objects.count() == 1 and len(mail.outbox) == 1
    assert ContactQuota.objects.get().count == 1  # the refused message is not counted
