"""The address a request came from, for limits that count per visitor (the contact form, the admin login).

Behind a reverse proxy every request arrives from the proxy, so ``REMOTE_ADDR`` alone would make all visitors one.
Each proxy appends the address it saw to a header (X-Forwarded-For); only the entries our own proxies appended can
be believed, since a client may send the header too, and whatever it sends comes first (leftmost). So with
``TRUSTED_PROXY_COUNT`` proxies in front of us, the client is the ``TRUSTED_PROXY_COUNT``-th entry from the right:
the address the outermost of our proxies saw.

Django has no setting for this (it dropped ``SetRemoteAddrFromForwardedFor`` because the header cannot be trusted
in general), hence this module.
"""

import ipaddress

from django.conf import settings


def _meta_key(header):
    """``X-Forwarded-For`` or ``HTTP_X_FORWARDED_FOR`` -> the ``request.META`` key."""
    key = header.strip().upper().replace("-", "_")
    return key if key.startswith("HTTP_") or key == "REMOTE_ADDR" else f"HTTP_{key}"


def _ip(value):
    """The normalised IP address in ``value``, or None. Accepts the ``1.2.3.4:port`` and ``[v6]:port`` forms some
    proxies write."""
    value = value.strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # IPv4 with a port; a bare IPv6 address has at least two colons
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:1.2.3.4 is the IPv4 client 1.2.3.4
    return str(mapped or address)


def client_address(request) -> str:
    """The visitor's IP address: from ``TRUSTED_PROXY_HEADER`` when set (the entry the outermost of
    ``TRUSTED_PROXY_COUNT`` trusted proxies wrote), else, or when that header is missing or malformed,
    ``REMOTE_ADDR``. An empty string when even that is no IP address (e.g. a Unix socket without a proxy)."""
    remote = _ip(request.META.get("REMOTE_ADDR", "") or "") or ""
    header = getattr(settings, "TRUSTED_PROXY_HEADER", "")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 1)
    if not header or count < 1:
        return remote
    entries = [entry for entry in str(request.META.get(_meta_key(header), "")).split(",") if entry.strip()]
    if len(entries) < count:
        return remote
    return _ip(entries[-count]) or remote
