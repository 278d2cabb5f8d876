"""Each item once, in the reader's language when translated, else in its original language with a label."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from citypages.models import EventPage
from citypages.synctree import alias_into_every_locale
from tests.citypages.factories import CityPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def anshan(network_tree):
    """Anshan authored in Chinese, with one news item translated into English and one not translated."""
    city = CityPageFactory(parent=network_tree.index_in("zh-hans"), title="鞍山", slug="anshan", english_name="Anshan")
    translated = NewsPageFactory(parent=city, title="大学合作周", slug="university-week", summary="两校师生交流。")
    untranslated = NewsPageFactory(parent=city, title="绿色校园", slug="green-campus", summary="校园植树活动。")
    alias_into_every_locale(city)
    english = translated.copy_for_translation(network_tree.locales["en"])
    english.title, english.summary = "University cooperation week", "Students and staff of both universities met."
    english.save_revision().publish()
    alias_into_every_locale(translated)
    alias_into_every_locale(untranslated)
    return {"city": city, "translated": translated, "untranslated": untranslated}


def card_of(html, title):
    start = html.index(title)
    return html[html.rindex("<li", 0, start) : html.index("</li>", start)]


def test_english_listing_shows_the_translation_and_labels_the_original(client, anshan):
    html = client.get("/en/cities/anshan/").content.decode()
    assert "University cooperation week" in html and "大学合作周" not in html
    assert "Original in" not in card_of(html, "University cooperation week")
    original = card_of(html, "绿色校园")
    assert "Original in Simplified Chinese" in original  # the language named in the reader's language
    assert 'lang="zh-hans"' in original


def test_french_listing_shows_each_item_once_in_its_original_language(client, anshan):
    html = client.get("/fr/cities/anshan/").content.decode()
    assert html.count("大学合作周") == 1 and html.count("绿色校园") == 1
    assert html.count("badge--original") == 2


def test_chinese_listing_has_no_labels(client, anshan):
    html = client.get("/zh-hans/cities/anshan/").content.decode()
    assert "大学合作周" in html and "绿色校园" in html
    assert "badge--original" not in html


def test_untranslated_page_says_so_and_links_the_languages_it_exists_in(client, anshan):
    response = client.get("/fr/cities/anshan/university-week/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert 'role="note"' in html
    assert 'href="/en/cities/anshan/university-week/"' in html
    assert 'href="/zh-hans/cities/anshan/university-week/"' in html
    assert '<h1 lang="zh-hans">大学合作周</h1>' in html


def test_hreflang_lists_only_real_translations_and_x_default(client, anshan):
    html = client.get("/fr/cities/anshan/university-week/").content.decode()
    assert 'hreflang="en" href="http://localhost/en/cities/anshan/university-week/"' in html
    assert 'hreflang="zh-hans" href="http://localhost/zh-hans/cities/anshan/university-week/"' in html
    assert 'hreflang="x-default" href="http://localhost/en/cities/anshan/university-week/"' in html
    assert '<link rel="alternate" hreflang="fr"' not in html


def test_translated_page_has_no_notice(client, anshan):
    html = client.get("/en/cities/anshan/university-week/").content.decode()
    assert 'role="note"' not in html
    assert '<h1 lang="en">University cooperation week</h1>' in html


def test_listing_queries_do_not_grow_with_untranslated_items(client, anshan, uncached):
    def count():
        client.get("/fr/cities/anshan/")
        with CaptureQueriesContext(connection) as captured:
            client.get("/fr/cities/anshan/")
        return len(captured)

    before = count()
    for n in range(5):
        alias_into_every_locale(NewsPageFactory(parent=anshan["city"], title=f"新闻 {n}", slug=f"news-{n}"))
    assert count() == before


def test_pages_created_in_the_admin_are_synchronised_into_every_locale(client, anshan, network_tree):
    admin = get_user_model().objects.create_superuser("office", "office@citynet.example", "pw")
    client.force_login(admin)
    form = nested_form_data(
        {
            "title": "港口开放日",
            "slug": "port-open-day",
            "summary": "港口向市民开放。",
            "start": "2027-05-01 09:00",
            "end": "2027-05-01 17:00",
            "venue": "港口",
            "page_themes": inline_formset([]),
            "comments": inline_formset([]),
            "body": streamfield([]),
            "programme": streamfield([]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(f"/admin/pages/add/citypages/eventpage/{anshan['city'].pk}/", form)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    copies = EventPage.objects.filter(slug="port-open-day")
    assert {copy.locale.language_code for copy in copies} == set(network_tree.locales)
    original = copies.get(alias_of__isnull=True)
    assert original.locale.language_code == "zh-hans" and original.live
    assert all(copy.alias_of_id == original.pk for copy in copies if copy.pk != original.pk)
    assert "港口开放日" in client.get("/en/cities/anshan/").content.decode()


def test_thai_listing_shows_each_item_once_in_its_original_language(client, anshan):
    html = client.get("/th/cities/anshan/").content.decode()
    assert '<html lang="th">' in html
    assert html.count("大学合作周") == 1 and html.count("绿色校园") == 1
    assert html.count("badge--original") == 2
    assert 'lang="zh-hans"' in card_of(html, "绿色校园")


@pytest.mark.slow  # a scale check (4 and 8 locale trees): in make test and CI, not in make test-quick
def test_listing_queries_do_not_grow_with_the_number_of_locales(client, anshan, network_tree, uncached):
    paths = ["/fr/", "/fr/cities/anshan/", "/en/cities/anshan/", "/th/cities/"]

    def counts():
        result = []
        for path in paths:
            client.get(path)
            with CaptureQueriesContext(connection) as captured:
                assert client.get(path).status_code == 200
            result.append(len(captured))
        return result

    before = counts()
    for code in ("de", "es", "pl", "it"):
        locale = Locale.objects.create(language_code=code)
        network_tree.home.copy_for_translation(locale).save_revision().publish()
        network_tree.city_index.copy_for_translation(locale).save_revision().publish()
    for page in (anshan["city"], anshan["translated"], anshan["untranslated"]):
        alias_into_every_locale(page)
    german = anshan["untranslated"].get_translation(Locale.objects.get(language_code="de"))
    assert german.alias_of_id  # the item now exists in 8 trees
    assert counts() == before
