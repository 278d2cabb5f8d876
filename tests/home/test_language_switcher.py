"""The language switcher and hreflang alternates list the languages a page is really written or translated in."""

import re

import pytest
from django.conf import settings
from wagtail.models import Locale

from citypages.synctree import alias_into_every_locale
from tests.citypages.factories import CityPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db
ALL_CODES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def every_locale(network_tree):
    """The network tree in all 11 languages."""
    for code in ALL_CODES:
        if code not in network_tree.locales:
            network_tree.locales[code] = Locale.objects.create(language_code=code)
            network_tree.home.copy_for_translation(network_tree.locales[code]).save_revision().publish()
            network_tree.city_index.copy_for_translation(network_tree.locales[code]).save_revision().publish()
    return network_tree


@pytest.fixture
def anshan(every_locale):
    city = CityPageFactory(parent=every_locale.index_in("zh-hans"), title="鞍山", slug="anshan", english_name="Anshan")
    alias_into_every_locale(city)
    return city


def switcher(html):
    nav = html[html.index('<nav class="language-switcher"') : html.index("</nav>", html.index("language-switcher"))]
    return re.findall(r'hreflang="([^"]+)"', nav), re.findall(r'hreflang="([^"]+)"[^>]*aria-current', nav)


def alternates(html):
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)


def test_page_in_one_language(client, anshan):
    news = NewsPageFactory(parent=anshan, title="绿色校园", slug="green-campus")
    alias_into_every_locale(news)

    html = client.get("/zh-hans/cities/anshan/green-campus/").content.decode()
    assert '<html lang="zh-hans">' in html
    assert switcher(html) == (["zh-hans"], ["zh-hans"])
    assert alternates(html) == [
        ("zh-hans", "http://localhost/zh-hans/cities/anshan/green-campus/"),
        ("x-default", "http://localhost/zh-hans/cities/anshan/green-campus/"),
    ]

    # Read in German, where it is not translated: the reader's language is marked, the alternates stay Chinese.
    html = client.get("/de/cities/anshan/green-campus/").content.decode()
    assert '<html lang="de">' in html
    assert switcher(html) == (["de", "zh-hans"], ["de"])
    assert [code for code, _url in alternates(html)] == ["zh-hans", "x-default"]


def test_page_in_eleven_languages(client, anshan, every_locale):
    news = NewsPageFactory(parent=anshan, title="大学合作周", slug="university-week")
    for code in ALL_CODES:
        if code != "zh-hans":
            copy = news.copy_for_translation(every_locale.locales[code])
            copy.title = f"University week ({code})"
            copy.save_revision().publish()

    for code in ("en", "th", "zh-hans"):
        html = client.get(f"/{code}/cities/anshan/university-week/").content.decode()
        assert f'<html lang="{code}">' in html
        assert switcher(html) == (ALL_CODES, [code])
        links = dict(alternates(html))
        assert list(links) == [*ALL_CODES, "x-default"]
        assert links["x-default"] == links["en"] == "http://localhost/en/cities/anshan/university-week/"
        assert links["th"] == "http://localhost/th/cities/anshan/university-week/"
