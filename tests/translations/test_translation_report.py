"""What the admin shows about translations: per-language status in listings, and the report per city."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail_localize.models import Translation

from citypages.synctree import alias_into_every_locale
from tests.citypages.factories import CityPageFactory, NewsPageFactory
from tests.conftest import build_network_tree, module_world
from translations.status import IN_PROGRESS, MISSING, ORIGINAL, OUT_OF_DATE, TRANSLATED, statuses_for

pytestmark = pytest.mark.django_db
REPORT = "/admin/reports/translations-by-city/"


def build_norman():
    """English news of Norman: one translated into French, one not started, one started, one changed since."""
    network_tree = build_network_tree()
    office = Client()
    office.force_login(get_user_model().objects.create_superuser("report-builder", "builder@citynet.example", "pw"))
    french = network_tree.locales["fr"]
    city = CityPageFactory(parent=network_tree.city_index, title="Norman", slug="norman")
    alias_into_every_locale(city)
    pages = {}
    for slug in ("translated", "untouched", "started", "changed"):
        pages[slug] = NewsPageFactory(parent=city, title=f"News {slug}", slug=slug, summary="Summary text.")
        alias_into_every_locale(pages[slug])
    for slug in ("translated", "started", "changed"):
        with TestCase.captureOnCommitCallbacks(execute=True):
            office.post(f"/admin/localize/submit/page/{pages[slug].pk}/", {"locales": [french.pk]})
    for slug in ("translated", "changed"):
        translation = Translation.objects.get(source__object_id=pages[slug].translation_key, target_locale=french)
        office.post(f"/admin/localize/translate/{translation.pk}/machine_translate/")
        copy = pages[slug].get_translation(french)
        with TestCase.captureOnCommitCallbacks(execute=True):
            office.post(f"/admin/pages/{copy.pk}/edit/", {"action": "publish"})
    pages["changed"].summary = "A corrected summary."
    pages["changed"].save_revision().publish()
    return city, pages


norman_world = module_world(build_norman)


@pytest.fixture
def norman(db, norman_world):
    city, pages = norman_world
    return Page.objects.get(pk=city.pk).specific, {
        slug: Page.objects.get(pk=page.pk).specific for slug, page in pages.items()
    }


def test_statuses_per_language(norman):
    _city, pages = norman
    statuses = statuses_for(list(pages.values()), ["en", "fr", "th"])
    french = {slug: statuses[page.translation_key]["fr"].status for slug, page in pages.items()}
    assert french == {"translated": TRANSLATED, "untouched": MISSING, "started": IN_PROGRESS, "changed": OUT_OF_DATE}
    assert {statuses[page.translation_key]["en"].status for page in pages.values()} == {ORIGINAL}
    assert {statuses[page.translation_key]["th"].status for page in pages.values()} == {MISSING}
    assert "changed" in statuses[pages["changed"].translation_key]["fr"].reason


def test_report_counts_per_city_and_language(office, norman):
    city, _pages = norman
    html = office.get(REPORT).content.decode()
    row = re.search(r"<tr>\s*<th scope=\"row\"><a href=\"\?city=[^\"]+\">Norman</a></th>(.*?)</tr>", html, re.S)
    cells = re.findall(r"<td>(.*?)</td>", row.group(1), re.S)
    by_language = dict(zip(["en", "fr", "es", "pt", "de", "it", "pl", "ro", "hu", "zh-hans", "th"], cells, strict=True))
    assert "✓" in by_language["en"]
    assert "– 3" in by_language["fr"] and "⚠ 1" in by_language["fr"]  # the city page is not translated either
    assert "– 5" in by_language["th"]  # the city page and its four news items


def test_report_lists_the_pages_to_work_on_with_what_to_do(office, norman):
    city, pages = norman
    html = office.get(REPORT, {"city": str(city.translation_key), "language": "fr"}).content.decode()
    rows = re.findall(r'<tr class="translation-work--(\w+)">(.*?)</tr>', html, re.S)
    by_title = {re.search(r"<td>(.*?)</td>", cells).group(1): status for status, cells in rows}
    assert by_title == {
        "Norman": "missing",
        "News untouched": "missing",
        "News started": "in_progress",
        "News changed": "out_of_date",
    }
    assert f"/admin/localize/submit/page/{pages['untouched'].pk}/?select_locale=fr" in html


def test_report_queries_do_not_grow_with_pages(office, norman):
    city, _pages = norman

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert office.get(REPORT, {"language": "fr"}).status_code == 200
        return len(captured)

    before = count()
    for n in range(5):
        alias_into_every_locale(NewsPageFactory(parent=city, title=f"More {n}", slug=f"more-{n}"))
    assert count() == before


def test_report_ignores_an_unknown_language(office, norman):
    response = office.get(REPORT, {"language": "xx", "city": "not-a-key"})
    assert response.status_code == 200


def test_report_needs_an_admin_login(client, norman):
    client.logout()
    response = client.get(REPORT)
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_news_listing_shows_each_item_once_with_its_languages(office, norman):
    html = office.get("/admin/news_listing/").content.decode()
    for slug in ("translated", "untouched", "started", "changed"):
        assert len(re.findall(rf">\s*News {slug}\s*<", html)) == 1, slug
    assert "Translation not published" in html and "Out of date" in html and "Not translated" in html
