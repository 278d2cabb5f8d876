"""Queries and server time per public page type, on the database the settings point at (seed it first).

    DJANGO_SETTINGS_MODULE=settings.dev .venv/bin/python benchmarks/page_queries.py [--repeat 5]

For each page type and a few locales it requests pages through Django's test client (no network), after
one warm-up request, and prints the query count and the median server time; then the same for the admin's
translation views, logged in as the first superuser. Results: docs/foundation.md, docs/translations.md and
docs/performance.md (declarations).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from citypages.models import CityIndexPage, CityPage, CooperationProjectPage, EventPage, NewsPage  # noqa: E402
from commitments.models import DeclarationIndexPage, DeclarationPage  # noqa: E402
from home.models import HomePage  # noqa: E402

LOCALES = ("en", "fr", "de", "zh-hans", "th")
PAGE_TYPES = (
    HomePage,
    CityIndexPage,
    CityPage,
    CooperationProjectPage,
    NewsPage,
    EventPage,
    DeclarationIndexPage,
    DeclarationPage,
)
# A signatory city (its commitments section) and a project serving several commitments, in two languages.
EXTRA_PAGES = (
    ("signatory city", CityPage, "clermont-ferrand"),
    ("linked project", CooperationProjectPage, "regensburg-klimaschutz-im-welterbe"),
)
ADMIN_URLS = (
    "/admin/reports/translations-by-city/",
    "/admin/reports/translations-by-city/?language=de",
    "/admin/news_listing/",
    "/admin/project_listing/",
)


def measure(client, url, repeat):
    client.get(url, HTTP_HOST="127.0.0.1")  # warm-up: site root paths, content types
    timings, queries = [], 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url, HTTP_HOST="127.0.0.1")
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return queries, statistics.median(timings)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    client = Client()
    print(f"{'page type':<24}{'locale':<9}{'queries':>8}{'median ms':>11}  url")
    for model in PAGE_TYPES:
        for code in LOCALES:
            page = model.objects.live().filter(locale__language_code=code).order_by("pk").first()
            if page is None:
                continue
            queries, median = measure(client, page.url, args.repeat)
            print(f"{model.__name__:<24}{code:<9}{queries:>8}{median:>11.1f}  {page.url}")
    for label, model, slug in EXTRA_PAGES:
        for code in ("en", "de"):
            page = model.objects.live().filter(locale__language_code=code, slug=slug).first()
            if page is not None:
                queries, median = measure(client, page.url, args.repeat)
                print(f"{label:<24}{code:<9}{queries:>8}{median:>11.1f}  {page.url}")
    queries, median = measure(client, "/en/search/?q=energy", args.repeat)
    print(f"{'search':<24}{'en':<9}{queries:>8}{median:>11.1f}  /en/search/?q=energy")
    administrator = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    if administrator is None:
        return
    client.force_login(administrator)
    for url in ADMIN_URLS:
        queries, median = measure(client, url, args.repeat)
        print(f"{'admin':<24}{'en':<9}{queries:>8}{median:>11.1f}  {url}")


if __name__ == "__main__":
    main()
