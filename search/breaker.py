"""A circuit breaker: after some consecutive failures of a remote service, stop waiting on it for a while.

elasticsearch-py times out and retries each request on its own, but remembers nothing from one request (or one
worker) to the next: with Elasticsearch hanging, every search waited the full timeout, and 8 of them held every
gunicorn thread, so pages that never ask Elasticsearch (the city index) queued behind them. The breaker adds that
memory. Closed, every call goes through. After ``failures`` consecutive failures it opens: for ``cooldown``
seconds nothing is sent (the caller answers from the database at once). Then it is half-open: the next call goes
through as a probe, and the others keep away for another cool-down while it runs; its success closes the
breaker, its failure opens it again. Opening and closing are logged once each.

The state is shared by the workers of a server through the Django cache (Redis in production) and kept in
each process too: when the cache cannot be read (django-redis hides a Redis outage as a miss), the process goes
on with what it last knew, so a cache outage never leaves the site waiting on Elasticsearch. Workers updating
the count at the same moment may lose an increment: the breaker then opens one failure later, which is fine.
"""

import logging
import time
from contextlib import suppress

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger("citynet.search")
CLOSED = (0, None)  # (consecutive failures, time it opened or its probe started)


def now():
    """Wall-clock seconds, comparable between processes (tests move this clock, not the system's)."""
    return time.time()


class CircuitBreaker:
    def __init__(self, name, failures_setting, cooldown_setting):
        self.name = name
        self.cache_key = f"circuit-breaker:{name}"
        self.failures_setting = failures_setting
        self.cooldown_setting = cooldown_setting
        self.local = CLOSED

    @property
    def threshold(self):
        return max(1, getattr(settings, self.failures_setting))

    @property
    def cooldown(self):
        return getattr(settings, self.cooldown_setting)

    def _read(self):
        try:
            shared = cache.get(self.cache_key)
        except Exception:  # noqa: BLE001  (any cache failure: go on with this process's state)
            shared = None
        if shared is not None:
            self.local = tuple(shared)
        return self.local

    def _write(self, state):
        self.local = state
        with suppress(Exception):  # the process keeps the state; the other workers learn it on their own
            cache.set(self.cache_key, state, timeout=None)

    def is_open(self):
        """True while calls must not be sent (open, cool-down not over); no probe is claimed."""
        _failures, opened_at = self._read()
        return opened_at is not None and now() < opened_at + self.cooldown

    def allow(self):
        """May a call be sent now? When the cool-down is over, the first caller is let through as the probe."""
        failures, opened_at = self._read()
        if opened_at is None:
            return True
        if now() < opened_at + self.cooldown:
            return False
        self._write((failures, now()))
        return True

    def record_success(self):
        failures, opened_at = self._read()
        if opened_at is not None:
            logger.warning("%s answers again: circuit breaker closed.", self.name)
        if (failures, opened_at) != CLOSED:
            self._write(CLOSED)

    def record_failure(self):
        failures, opened_at = self._read()
        failures += 1
        if opened_at is not None:
            opened_at = now()  # a failed probe: another cool-down, already logged
        elif failures >= self.threshold:
            opened_at = now()
            logger.warning(
                "%s failed %d times in a row: circuit breaker open, not asked for %s s.",
                self.name, failures, self.cooldown,
            )  # fmt: skip
        self._write((failures, opened_at))

    def reset(self):
        self._write(CLOSED)
