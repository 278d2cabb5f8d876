"""Numbers and dates on public pages are written the way readers of each language write them."""

import datetime

import pytest

from tests.citypages.factories import CityPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

# (language, population 1234567, news date 2026-03-05) as that language's readers write them.
EXPECTED = [
    ("en", "1,234,567", "March 5, 2026"),
    ("fr", "1\xa0234\xa0567", "5 mars 2026"),
    ("zh-hans", "1,234,567", "2026年3月5日"),
    ("th", "1,234,567", "5 มีนาคม 2026"),
]


@pytest.fixture
def translated_city(network_tree):
    city = CityPageFactory(parent=network_tree.city_index, title="Anshan", slug="anshan", population=1234567)
    news = NewsPageFactory(parent=city, slug="winter-exchange", date=datetime.date(2026, 3, 5))
    for code in ("fr", "zh-hans", "th"):
        city.copy_for_translation(network_tree.locales[code]).save_revision().publish()
        news.copy_for_translation(network_tree.locales[code]).save_revision().publish()
    return city


@pytest.mark.parametrize(("code", "population", "date"), EXPECTED)
def test_population_and_dates_follow_the_page_language(client, translated_city, code, population, date):
    city_html = client.get(f"/{code}/cities/anshan/").content.decode()
    assert f"<dd>{population}</dd>" in city_html
    news_html = client.get(f"/{code}/cities/anshan/winter-exchange/").content.decode()
    assert f">{date}</time>" in news_html
