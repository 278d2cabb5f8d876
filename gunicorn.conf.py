"""gunicorn's settings for CityNet, read from the working directory by every `gunicorn` started there (`make run`,
the page benchmark, production). Command-line options override them (`make run` asks for threads, the benchmark
for two workers).
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))


def post_worker_init(worker):
    """Move everything loaded at start-up (Django, Wagtail, the URL and template caches) out of the garbage
    collector's reach: a full collection then scans only what requests allocate, instead of stopping a request
    for tens of milliseconds now and then (the cold home page's p99, docs/performance.md)."""
    gc.collect()
    gc.freeze()
