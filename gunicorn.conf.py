"""gunicorn's settings for CityNet, read from the working directory by every `gunicorn` started there (`make run`,
the page benchmark, production). Command-line options override them (`make run` asks for threads, the benchmark
for two workers).
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
# A request still running after this is killed with its worker (a page takes milliseconds; a stuck database call
# must not hold a worker for ever); on a graceful reload (kill -HUP) or stop (SIGTERM) running requests get as long.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = timeout
keepalive = 5  # behind a proxy that keeps connections open
# GUNICORN_MAX_REQUESTS: each worker replaced after so many requests (with jitter, not all at once), should memory
# ever creep up. Off by default: a new worker starts with cold caches (measured: 148-172 MB after load, stable).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
# Django logs every request with its id and duration (cms/requestlog.py); gunicorn's access log only on request.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms id=%({x-request-id}o)s'
# The proxy's X-Forwarded-* headers are trusted from these addresses only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker):
    """Move everything loaded at start-up (Django, Wagtail, the URL and template caches) out of the garbage
    collector's reach: a full collection then scans only what requests allocate, instead of stopping a request
    for tens of milliseconds now and then (the cold home page's p99, docs/performance.md)."""
    gc.collect()
    gc.freeze()
