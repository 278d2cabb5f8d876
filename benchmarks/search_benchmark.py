"""Network search against stock modelsearch, side by side on the same pages (a benchmark, not a test).

    CITYNET_VAR_DIR=/tmp/bench DJANGO_SETTINGS_MODULE=settings.dev \\
        .venv/bin/python benchmarks/search_benchmark.py --pages 10000 [--database postgres://postgres@127.0.0.1/bench]

Builds a fresh database (the SQLite file under CITYNET_VAR_DIR, or the PostgreSQL database named, dropped and
created), 40 cities and ``--pages`` news pages of about 120 words (inserted in bulk: the ORM would take longer
than the searches), with three planted terms: one in a single page, one in 1% of pages, one in 33%. It then
times building each index and, for each term, the network search (facets included) and modelsearch's
``Page.objects.search`` (first page of results and the count), and prints p50/p95. A stock query that runs past
``--stock-timeout`` seconds is interrupted and reported as such. Results: docs/performance.md.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")

TERMS = {"rare": ("zorblax", 0.0), "1%": ("quintor", 0.01), "33%": ("velmora", 0.33)}  # share of pages (rare: one)


def parse():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--database", help="postgres://… URL; default: SQLite under CITYNET_VAR_DIR")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--stock-timeout", type=float, default=30.0)
    parser.add_argument("--skip-stock", action="store_true")
    return parser.parse_args()


def prepare_database(args):
    if args.database:
        import psycopg

        name = args.database.rsplit("/", 1)[1]
        admin_url = args.database.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = args.database
    else:
        var = Path(os.environ.get("CITYNET_VAR_DIR", "var"))
        var.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{var}/benchmark.sqlite3{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{var}/benchmark.sqlite3"


def words(rng, vocabulary, count):
    return " ".join(rng.choices(vocabulary, weights=[1 / (rank + 1) for rank in range(len(vocabulary))], k=count))


def build(pages):
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page, Site

    from citypages.models import CityIndexPage, CityPage, NewsPage
    from home.models import HomePage
    from search.documents import paused

    call_command("migrate", verbosity=0)
    rng = random.Random(42)  # noqa: S311  (reproducible test data, not secrets)
    vocabulary = [f"w{n}{rng.choice('aeiou')}{rng.choice('lmnrst')}" for n in range(5000)]
    en = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    with paused():
        Page.objects.filter(depth=2).delete()
        home = root.add_child(instance=HomePage(title="Network", slug="home", locale=en, intro="Network"))
        Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
        index = home.add_child(instance=CityIndexPage(title="Cities", slug="cities", intro="Cities"))
        cities = [
            index.add_child(instance=CityPage(
                title=f"City {n}", slug=f"city-{n}", local_name=f"City {n}", english_name=f"City {n}",
                country=rng.choice(["FR", "CN", "TH", "ES", "PL", "RO", "US", "DE"]), latitude=1, longitude=1,
                member_since=2017, intro=f"City {n} of the network.",
            ))
            for n in range(40)
        ]  # fmt: skip
    news_type = ContentType.objects.get_for_model(NewsPage)
    planted = {term: set(rng.sample(range(pages), max(1, int(pages * share)))) for term, share in TERMS.values()}
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        rows, details = [], []
        for n in range(pages):
            city = cities[n % len(cities)]
            position = n // len(cities) + 1
            text = words(rng, vocabulary, 110) + " " + " ".join(t for t, chosen in planted.items() if n in chosen)
            rows.append(Page(
                path=Page._get_path(city.path, city.depth + 1, position),
                depth=city.depth + 1, numchild=0, translation_key=uuid.uuid4(), locale=en, live=True,
                has_unpublished_changes=False, first_published_at=now, last_published_at=now,
                title=words(rng, vocabulary, 6).capitalize(), draft_title="", slug=f"news-{n}",
                content_type=news_type, url_path=f"{city.url_path}news-{n}/",
            ))  # fmt: skip
            details.append((now.date(), text[:400], text))
        Page.objects.bulk_create(rows, batch_size=2000)
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO citypages_newspage (page_ptr_id, date, summary, body) VALUES (%s, %s, %s, %s)",
                [
                    (page.pk, date, summary, stream_json(body))
                    for page, (date, summary, body) in zip(rows, details, strict=True)
                ],
            )
        for city in cities:
            children = Page.objects.filter(path__startswith=city.path, depth=city.depth + 1).count()
            Page.objects.filter(pk=city.pk).update(numchild=children)
    return time.perf_counter() - started


def stream_json(text):
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}])


def timed(function, repeat):
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


def interruptible(seconds):
    """(arm, disarm): abort a stock query after ``seconds`` (SQLite progress handler, PostgreSQL
    statement_timeout, which applies to every query of the run; ours stay far below it)."""
    from django.db import connection

    connection.ensure_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(seconds * 1000)}")
        return (lambda: None), (lambda: None)
    deadline = [float("inf")]

    def handler():
        return 1 if time.perf_counter() > deadline[0] else 0

    connection.connection.set_progress_handler(handler, 100_000)
    return (lambda: deadline.__setitem__(0, time.perf_counter() + seconds)), (
        lambda: deadline.__setitem__(0, float("inf"))
    )


def main():
    args = parse()
    prepare_database(args)
    import django

    django.setup()
    from django.db import DatabaseError, connection, transaction
    from wagtail.models import Page

    from citypages.models import NewsPage
    from search.documents import rebuild, vacuum
    from search.service import SearchRequest, search

    seconds = build(args.pages)
    print(f"{connection.vendor}: {args.pages} pages inserted in {seconds:.1f} s")
    started = time.perf_counter()
    with transaction.atomic():  # as update_index does: one transaction, then VACUUM on PostgreSQL
        entries = rebuild()
    vacuum()
    ours = time.perf_counter() - started
    print(f"network index: {entries} pages in {ours:.1f} s = {entries / ours:.0f} pages/s")
    if not args.skip_stock:
        from modelsearch.backends import get_search_backend

        backend = get_search_backend("default")
        started = time.perf_counter()
        for start in range(0, args.pages, 1000):
            backend.add_bulk(NewsPage, list(NewsPage.objects.order_by("pk")[start : start + 1000]))
        stock = time.perf_counter() - started
        print(f"stock modelsearch index: {args.pages} pages in {stock:.1f} s = {args.pages / stock:.0f} pages/s")
    arm, disarm = interruptible(args.stock_timeout)
    print(f"{'term':<6}{'matches':>9}{'ours p50':>10}{'ours p95':>10}{'stock p50':>11}{'stock p95':>11}")
    for label, (term, _share) in TERMS.items():
        response = search(SearchRequest(query=term))
        ours_p50, ours_p95 = timed(lambda term=term: search(SearchRequest(query=term)), args.repeat)
        stock_cells = "skipped"
        if not args.skip_stock:

            def stock_query(term=term):
                arm()
                try:
                    results = Page.objects.live().type(NewsPage).search(term)
                    list(results[:20])
                    results.count()
                finally:
                    disarm()

            try:
                stock_p50, stock_p95 = timed(stock_query, 1 if label == "33%" else max(3, args.repeat // 4))
                stock_cells = f"{stock_p50:>10.1f} {stock_p95:>10.1f}"
            except DatabaseError:
                stock_cells = f"{'> ' + str(int(args.stock_timeout)) + ' s (interrupted)':>22}"
        print(f"{label:<6}{response.total:>9}{ours_p50:>10.1f}{ours_p95:>10.1f} {stock_cells}")


if __name__ == "__main__":
    main()
