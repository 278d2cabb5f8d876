"""Public pages under load, served as in production, with the page cache cold and warm (a benchmark, not a test).

    .venv/bin/python benchmarks/page_load.py [--database postgres://postgres@127.0.0.1:5432/citynet_bench]
        [--scale 10000 100000] [--seconds 10] [--connections 8] [--reuse]

    make bench-pages

Builds the database (dropped and created; with ``--reuse`` an existing seeded one is kept), seeds the demo network
(``seed_network``), collects the static files, then for the seeded network and each ``--scale`` (total pages, news
items added in bulk to the cities, with their themes, then indexed and vacuumed) it serves the site with gunicorn
(the repository's gunicorn.conf.py, 2 sync workers) and production settings (DEBUG off, Redis cache) and loads each
page with wrk (``-t2 -c8``, Debian's ``wrk``, installed when missing):

- cold: ``PAGE_CACHE_ENABLED=false``, every request rendered;
- warm: the page cache on, each page requested once before the run;
- the stylesheet served by whitenoise in the same run: the ceiling of the stack.

It prints requests/s, p50 and p99 per page and mode, the requests that were not 2xx/3xx, and each worker's RSS
after the load, and writes them as JSON (``--output``). Results: docs/performance.md.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/citynet_bench"
PAGES = {
    "home": "/en/",
    "city index": "/en/cities/",
    "city": "/en/cities/clermont-ferrand/",
    "project": None,  # found in the database: a project of Clermont-Ferrand
    "news": None,
    "theme": None,
    "search": "/en/search/?q=energy",
}


def parse():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default=DEFAULT_DATABASE, help="a PostgreSQL URL (dropped and created)")
    parser.add_argument("--scale", type=int, nargs="*", default=[], help="total pages to grow the network to")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/13")
    parser.add_argument("--reuse", action="store_true", help="keep an existing seeded database")
    parser.add_argument("--modes", nargs="+", choices=("cold", "warm"), default=["cold", "warm"])
    parser.add_argument("--output", default=str(ROOT / "var" / "bench-pages.json"))
    return parser.parse_args()


def fail(message):
    print(f"page_load: {message}", file=sys.stderr)
    sys.exit(2)


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("Installing Debian's wrk ...", flush=True)
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, "apt-get", "install", "-y", "-q", "wrk"], check=False, env=env, capture_output=True)
    if not shutil.which("wrk"):
        fail("wrk is missing and could not be installed (apt-get install wrk)")


def environment(args, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "DATABASE_URL": args.database,
        "DATABASE_CONN_MAX_AGE": "600",
        "SECRET_KEY": "benchmark-only-secret-key-benchmark-only-secret-key",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "REDIS_URL": args.redis,
        "SECURE_COOKIES": "false",
        "SECURE_SSL_REDIRECT": "false",
        "CITYNET_VAR_DIR": str(ROOT / "var" / "bench"),
        "DEMO_PASSWORD": "benchmark-demo-password",
        **extra,
    }


def manage(args, *command):
    subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=environment(args), check=True)


def prepare_database(args):
    import psycopg

    name = args.database.rsplit("/", 1)[1]
    admin_url = args.database.rsplit("/", 1)[0] + "/postgres"
    try:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if exists and args.reuse:
                print(f"Reusing the database {name}", flush=True)
                return
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        fail(f"cannot reach PostgreSQL at {admin_url}: {error}")
    started = time.monotonic()
    manage(args, "migrate", "--noinput", "-v", "0")
    manage(args, "seed_network", "--no-progress")
    print(f"Seeded in {time.monotonic() - started:.0f} s", flush=True)


def django_setup(args):
    os.environ.update(environment(args))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def page_count():
    from wagtail.models import Page

    return Page.objects.filter(depth__gt=1).count()


def find_urls():
    """The project, news and theme pages to load: of Clermont-Ferrand, in English."""
    from citypages.models import CityPage, CooperationProjectPage, NewsPage, Theme

    clermont = CityPage.objects.get(slug="clermont-ferrand", locale__language_code="en")
    project = CooperationProjectPage.objects.live().child_of(clermont).filter(locale=clermont.locale).first()
    news = NewsPage.objects.live().child_of(clermont).filter(locale=clermont.locale).order_by("-date").first()
    theme = Theme.objects.filter(locale=clermont.locale).order_by("pk").first()
    return {
        **PAGES,
        "project": project.get_url(),
        "news": news.get_url(),
        "theme": f"/en/themes/{theme.slug}/",
    }


def grow_to(total):
    """Add news items in bulk (with a theme each) to the English cities until the network has ``total`` pages."""
    import random
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from citypages.models import CityPage, NewsPage, NewsTheme, Theme

    missing = total - page_count()
    if missing <= 0:
        return 0
    rng = random.Random(total)  # noqa: S311 (reproducible data, not secrets)
    english = Locale.objects.get(language_code="en")
    cities = list(CityPage.objects.filter(locale=english).order_by("path"))
    themes = list(Theme.objects.filter(locale=english))
    news_type = ContentType.objects.get_for_model(NewsPage)
    now = timezone.now()
    started = time.monotonic()
    with transaction.atomic():
        rows, batch_first = [], {}
        for city in cities:
            last = Page.objects.filter(path__startswith=city.path, depth=city.depth + 1).order_by("-path").first()
            batch_first[city.pk] = Page._str2int(last.path[-Page.steplen :]) if last else 0
        for n in range(missing):
            city = cities[n % len(cities)]
            batch_first[city.pk] += 1
            rows.append(
                Page(
                    path=Page._get_path(city.path, city.depth + 1, batch_first[city.pk]),
                    depth=city.depth + 1, numchild=0, translation_key=uuid.uuid4(), locale=english, live=True,
                    has_unpublished_changes=False, first_published_at=now, last_published_at=now,
                    title=f"Network news item {n}", draft_title=f"News {n}", slug=f"bench-news-{total}-{n}",
                    content_type=news_type, url_path=f"{city.url_path}bench-news-{total}-{n}/",
                )
            )  # fmt: skip
        Page.objects.bulk_create(rows, batch_size=2000)
        body = json.dumps([{"type": "paragraph", "value": "<p>What the cities did together.</p>", "id": "b"}])
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO citypages_newspage (page_ptr_id, date, summary, body) VALUES (%s, %s, %s, %s)",
                [
                    (page.pk, now.date() - datetime.timedelta(days=rng.randrange(2000)), "A news item.", body)
                    for page in rows
                ],
            )
        NewsTheme.objects.bulk_create(
            [NewsTheme(page_id=page.pk, theme=rng.choice(themes), sort_order=0) for page in rows], batch_size=5000
        )
        for city in cities:
            children = Page.objects.filter(path__startswith=city.path, depth=city.depth + 1).count()
            Page.objects.filter(pk=city.pk).update(numchild=children)
    print(f"Added {missing} news items in {time.monotonic() - started:.0f} s; indexing ...", flush=True)
    return missing


def settle():
    """VACUUM ANALYZE after the bulk insert: otherwise PostgreSQL's autovacuum runs it during the next loads, on the
    same two cores, and the first network after growing measures the vacuum (seen: -25 % at 10,000 pages)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, args, cache_enabled):
        self.port = free_port()
        env = environment(args, PAGE_CACHE_ENABLED="true" if cache_enabled else "false")
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"127.0.0.1:{self.port}", "--workers", "2",
             "--log-level", "warning"],
            cwd=ROOT, env=env,
        )  # fmt: skip
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{self.base}/en/", timeout=5)  # noqa: S310 (our local server)
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        self.stop()
        fail("gunicorn did not answer")

    def worker_rss_mb(self):
        children = subprocess.run(
            ["ps", "--ppid", str(self.process.pid), "-o", "rss="], capture_output=True, text=True, check=False
        ).stdout.split()
        return [round(int(kb) / 1024) for kb in children]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def load(url, args):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    total = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)

    def percentile(label):
        value, unit = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return round(float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)

    return {
        "rps": round(rate, 1),
        "p50_ms": percentile("50"),
        "p99_ms": percentile("99"),
        "requests": total,
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def stylesheet_url(base):
    html = urllib.request.urlopen(f"{base}/en/", timeout=10).read().decode()  # noqa: S310 (our local server)
    return base + re.search(r'<link rel="stylesheet" href="(/static/css/[^"]+)"', html).group(1)


def run_network(args, urls, label):
    results = {"network": label, "pages": page_count(), "modes": {}}
    for mode in args.modes:
        server = Server(args, cache_enabled=mode == "warm")
        try:
            rows = {}
            for name, path in urls.items():
                urllib.request.urlopen(server.base + path, timeout=30).read()  # noqa: S310 (warm-up, our server)
                rows[name] = load(server.base + path, args)
                print(f"  {label:>14} {mode:>4} {name:>10}: {rows[name]}", flush=True)
            rows["static css"] = load(stylesheet_url(server.base), args)
            print(f"  {label:>14} {mode:>4} {'static css':>10}: {rows['static css']}", flush=True)
            results["modes"][mode] = {"pages": rows, "worker_rss_mb": server.worker_rss_mb()}
        finally:
            server.stop()
    return results


def main():
    args = parse()
    if not args.database.startswith("postgres"):
        fail("production settings need PostgreSQL: --database postgres://…")
    ensure_wrk()
    prepare_database(args)
    manage(args, "collectstatic", "--noinput", "-v", "0")
    django_setup(args)
    from django.core.management import call_command

    runs = [run_network(args, find_urls(), "seeded")]
    for total in args.scale:
        if grow_to(total):
            call_command("update_index", "--network-only", "--no-progress", verbosity=0)
            settle()
        runs.append(run_network(args, find_urls(), f"{total:,} pages"))
    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "wrk": f"-t2 -c{args.connections} -d{args.seconds}s",
        "runs": runs,
    }
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(report, indent=2))
    print_table(report)


def print_table(report):
    print(f"\n{report['date']} · {report['machine']} · wrk {report['wrk']}")
    print("| network | page | mode | req/s | p50 / p99 ms | of static |")
    print("| --- | --- | --- | --- | --- | --- |")
    for run in report["runs"]:
        for mode, measured in run["modes"].items():
            ceiling = measured["pages"]["static css"]["rps"]
            for name, row in measured["pages"].items():
                print(
                    f"| {run['network']} ({run['pages']:,}) | {name} | {mode} | {row['rps']:,.0f} | "
                    f"{row['p50_ms']} / {row['p99_ms']} | {row['rps'] / ceiling:.0%} |"
                )
            errors = sum(row["errors"] for row in measured["pages"].values())
            print(
                f"| {run['network']} | {mode}: workers' RSS after load {measured['worker_rss_mb']} MB | "
                f"non-2xx/3xx: {errors} | | | |"
            )


if __name__ == "__main__":
    main()
