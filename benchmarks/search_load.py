"""Concurrent searchers against the site served by gunicorn: errors and latency (a benchmark, not a test).

    CITYNET_VAR_DIR=/tmp/scratch DJANGO_SETTINGS_MODULE=settings.dev \\
        .venv/bin/python benchmarks/search_load.py [--clients 8] [--seconds 30] [--database postgres://…]

Serves the configured database (seed it first) with gunicorn (2 workers x 4 threads) on a free local port, runs
``--clients`` threads that search in several languages with facets and pages for ``--seconds``, then prints the
number of requests, the responses that were not 200, and p50/p95 latency. Results: docs/performance.md.
"""

import argparse
import itertools
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    ("en", {"q": "energy"}), ("fr", {"q": "mobilité", "type": "project"}), ("zh-hans", {"q": "米其林"}),
    ("th", {"q": "มิชลิน"}), ("es", {"q": "queretaro", "sort": "date"}), ("de", {"q": "Klimaschutz"}),
    ("en", {}), ("pl", {"q": "tramwaje"}), ("ro", {"q": "ZALAU", "page": "2"}), ("en", {"q": '"(bad NEAR'}),
]  # fmt: skip


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--database")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.database:
        env["DATABASE_URL"] = args.database
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2",
         "--threads", "4", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/en/search/suggest/?q=", timeout=2)  # noqa: S310  (our local server)
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        results, lock = [], threading.Lock()
        deadline = time.monotonic() + args.seconds

        def client(offset):
            for language, params in itertools.islice(itertools.cycle(QUERIES), offset, None):
                if time.monotonic() > deadline:
                    return
                url = f"{base}/{language}/search/?{urllib.parse.urlencode(params)}"
                started = time.perf_counter()
                try:
                    status = urllib.request.urlopen(url, timeout=30).status  # noqa: S310
                except urllib.error.HTTPError as error:
                    status = error.code
                except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
                    status = f"no answer: {error}"
                with lock:
                    results.append((status, (time.perf_counter() - started) * 1000))

        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=10)
    timings = sorted(ms for _status, ms in results)
    errors = [status for status, _ms in results if status != 200]
    print(f"{args.clients} clients, {args.seconds:.0f} s: {len(results)} requests, {len(errors)} not 200 {errors[:5]}")
    print(f"p50 {statistics.median(timings):.0f} ms, p95 {timings[int(len(timings) * 0.95) - 1]:.0f} ms")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
