"""The visitor's address behind zero, one or two trusted proxies: never the entry the client itself wrote."""

import pytest
from django.test import RequestFactory

from cms.clients import client_address

PROXY = "10.0.0.2"


def address(forwarded_for=None, remote_addr=PROXY, **extra):
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client_address(RequestFactory().get("/", REMOTE_ADDR=remote_addr, **extra))


def test_without_a_trusted_header_forwarded_for_is_ignored(settings):
    settings.TRUSTED_PROXY_HEADER = ""
    assert address("198.51.100.7") == PROXY
    assert address(remote_addr="") == ""  # e.g. a Unix socket: no address, not an error


@pytest.mark.parametrize(
    ("count", "forwarded_for", "expected"),
    [
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "203.0.113.66, 198.51.100.7", "198.51.100.7"),  # the leftmost is the client's own claim
        (1, "203.0.113.66,198.51.100.7 , ", "198.51.100.7"),
        (2, "203.0.113.66, 198.51.100.7, 192.0.2.1", "198.51.100.7"),  # behind a CDN and our proxy
        (1, "198.51.100.7:4711", "198.51.100.7"),
        (1, "[2001:DB8::1]:4711", "2001:db8::1"),
        (1, "::ffff:198.51.100.7", "198.51.100.7"),
        (1, "not-an-address", PROXY),
        (1, "203.0.113.66, 999.1.1.1", PROXY),
        (1, "", PROXY),
        (2, "198.51.100.7", PROXY),  # fewer entries than proxies: the request did not come through them all
        (0, "198.51.100.7", PROXY),
    ],
)
def test_behind_trusted_proxies_the_outermost_ones_view_counts(settings, count, forwarded_for, expected):
    settings.TRUSTED_PROXY_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXY_COUNT = count
    assert address(forwarded_for) == expected


def test_a_missing_header_or_one_named_as_sent_on_the_wire(settings):
    settings.TRUSTED_PROXY_HEADER = "X-Real-IP"
    settings.TRUSTED_PROXY_COUNT = 1
    assert address(HTTP_X_REAL_IP="198.51.100.7") == "198.51.100.7"
    assert address() == PROXY
