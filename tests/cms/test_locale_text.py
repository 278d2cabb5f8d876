"""Text built from data follows each language's rules: one test per rule (issue 17)."""

import datetime
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from citypages.synctree import alias_into_every_locale
from cms.locale_text import coordinates, join_list, language_name, long_date
from tests.citypages.factories import CityPageFactory, NewsPageFactory

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
PLACEHOLDER = r"(?:%\(\w+\)[sd]|\{\w+\})"
CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]"


def test_language_names_are_written_as_the_reader_writes_them_in_a_sentence():
    assert language_name("en", "fr") == "anglais"
    assert language_name("zh-hans", "fr") == "chinois simplifié"
    assert language_name("fr", "de") == "Französisch"
    assert language_name("th", "zh-hans") == "泰语"


def test_lists_take_the_languages_own_separators():
    assert join_list(["Anshan", "Shanghai", "Shenyang"], "zh-hans") == "Anshan、Shanghai和Shenyang"
    assert join_list(["Anshan", "Shanghai"], "fr") == "Anshan et Shanghai"
    assert "," not in join_list(["ก", "ข", "ค"], "th")
    assert join_list([], "en") == ""


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [("fr", 1, "1er mars 2025"), ("fr", 2, "2 mars 2025"), ("en", 1, "March 1, 2025"), ("de", 1, "1. März 2025")],
)
def test_long_dates_write_the_first_of_the_month_as_the_language_does(language, day, expected):
    with translation.override(language):
        assert long_date(datetime.date(2025, 3, day)) == expected


def test_coordinates_carry_their_compass_letters_so_decimal_commas_stay_unambiguous():
    with translation.override("en"):
        assert coordinates(45.7772, 3.087) == "45.777° N, 3.087° E"
        assert coordinates(-22.9, -47.06) == "22.900° S, 47.060° W"
    with translation.override("fr"):
        assert coordinates(45.7772, -3.087) == "45,777° N, 3,087° O"


@pytest.mark.django_db
def test_a_french_reader_sees_the_original_language_named_in_french_and_dates_with_1er(client, network_tree):
    city = CityPageFactory(parent=network_tree.city_index, title="Greenville", slug="greenville")
    NewsPageFactory(parent=city, title="Trail opens", slug="trail", date=datetime.date(2025, 3, 1))
    for page in (city, *city.get_children()):
        alias_into_every_locale(page.specific)
    html = client.get("/fr/news/").content.decode()
    assert "Original en anglais" in html and "1er mars 2025" in html
    html = client.get("/fr/cities/greenville/").content.decode()
    assert re.search(r"\d+,\d{3}° [NS], \d+,\d{3}° [EO]", html)


def _messages(language):
    for entry in polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po")):
        yield entry.msgid, [entry.msgstr, *entry.msgstr_plural.values()]


def test_chinese_messages_have_no_western_spaces_or_punctuation_around_chinese_text():
    for msgid, texts in _messages("zh_Hans"):
        for text in texts:
            assert not re.search(rf"{CJK} +{PLACEHOLDER}|{PLACEHOLDER} +{CJK}", text), (msgid, text)
            assert not re.search(r"[\u4e00-\u9fff][,.;:!?]|[,;:!?] ?[\u4e00-\u9fff]", text), (msgid, text)


def test_thai_messages_use_no_western_commas():
    for msgid, texts in _messages("th"):
        for text in texts:
            assert "," not in text, (msgid, text)


@pytest.mark.django_db
def test_a_region_is_translated_with_its_city_not_copied_from_the_original(client, network_tree):
    from demo.localized import translate

    anshan = CityPageFactory(
        parent=network_tree.index_in("zh-hans"), title="鞍山", slug="anshan", country="CN", region="辽宁省"
    )
    alias_into_every_locale(anshan)
    translate(anshan, network_tree.locales["en"], {"title": ["Anshan"], "region": ["Liaoning"], "slug": ["anshan"]})
    assert "辽宁省" in client.get("/zh-hans/cities/anshan/").content.decode()
    english = client.get("/en/cities/anshan/").content.decode()
    assert "Liaoning" in english and "辽宁省" not in english
