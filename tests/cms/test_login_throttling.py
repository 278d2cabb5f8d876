"""Admin sign-in is throttled per account and per address: after too many wrong passwords even the right one is
refused (429, in the admin's style) until the cool-off has passed."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-password"  # noqa: S105
LOCKED = "Too many failed sign-in attempts"


@pytest.fixture
def accounts():
    for username in ("office", "editor"):
        get_user_model().objects.create_superuser(username, f"{username}@citynet.example", PASSWORD)


def sign_in(username, password, address, client=None):
    client = client or Client()
    response = client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address
    )
    response.signed_in = "_auth_user_id" in client.session
    return response


def assert_locked_out(response):
    assert response.status_code == 429 and not response.signed_in
    assert LOCKED in response.content.decode() and response["Retry-After"] == "900"


def test_thirty_wrong_passwords_lock_the_account_even_for_the_right_one(accounts):
    attacker = Client()
    answers = [sign_in("office", f"guess-{n}", "203.0.113.7", attacker).status_code for n in range(30)]
    limit = settings.AXES_FAILURE_LIMIT
    assert answers == [200] * (limit - 1) + [429] * (31 - limit)
    assert_locked_out(sign_in("office", PASSWORD, "203.0.113.7", attacker))
    assert_locked_out(sign_in("office", PASSWORD, "198.51.100.2"))  # another address does not unlock it
    response = sign_in("editor", PASSWORD, "198.51.100.2")  # another account from another address
    assert response.status_code == 302 and response.signed_in


@pytest.fixture
def low_limit(settings):
    """Fewer requests for the tests below; the first one shows the configured limit."""
    settings.AXES_FAILURE_LIMIT = 3


def test_the_cool_off_ends_the_lock(accounts, low_limit):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in("office", f"guess-{n}", "203.0.113.7")
    assert_locked_out(sign_in("office", PASSWORD, "203.0.113.7"))
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    response = sign_in("office", PASSWORD, "203.0.113.7")
    assert response.status_code == 302 and response.signed_in


def test_an_address_spraying_accounts_is_locked_for_all_of_them(accounts, low_limit):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(f"someone-{n}", "password1", "203.0.113.7")
    assert_locked_out(sign_in("office", PASSWORD, "203.0.113.7"))
    assert sign_in("office", PASSWORD, "198.51.100.2").signed_in


def test_signing_in_to_ones_own_account_does_not_clear_the_failures_on_another(accounts, low_limit):
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in("office", f"guess-{n}", "203.0.113.7")
    assert sign_in("editor", PASSWORD, "203.0.113.7").signed_in
    assert_locked_out(sign_in("office", "one-more-guess", "203.0.113.7"))


def test_the_test_clients_login_still_works(accounts, client):
    assert client.login(username="office", password=PASSWORD)  # no request, so not throttled (nor an error)
