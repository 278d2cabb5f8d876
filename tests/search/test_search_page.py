"""The search page as visitors use it: languages, accents, scripts, facets, highlighting, bad input."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.service import MAX_QUERY_LENGTH, clean_query

pytestmark = pytest.mark.django_db  # with the module's ``searchable`` network


def results(client, language, **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    html = response.content.decode()
    titles = re.findall(r'<h2 class="card__title"><a href="[^"]*">([^<]*)</a></h2>', html)
    return titles, html


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("en", "queretaro", "Querétaro"),
        ("en", "ZALAU", "Zalău"),
        ("en", "lodz", "Łódź"),
        ("fr", "QUERÉTARO", "Querétaro"),
        ("es", "autobuses electricos", "Autobuses eléctricos para Querétaro"),
        ("zh-hans", "米其林", "鞍山钢铁集团与米其林合作建设绿色校园"),
        ("zh-hans", "绿色校园", "鞍山钢铁集团与米其林合作建设绿色校园"),
        ("zh-hans", "种树", "鞍山钢铁集团与米其林合作建设绿色校园"),
        ("th", "มิชลิน", "การประชุมเครือข่ายเมืองมิชลินที่แหลมฉบัง"),
        ("th", "พลังงานหมุนเวียน", "การประชุมเครือข่ายเมืองมิชลินที่แหลมฉบัง"),
        ("ro", "scolile", "Panouri solare pe școlile din Zalău"),
        ("pl", "tramwaje", "Nowe tramwaje w Łodzi"),
    ],
)
def test_finds_words_whatever_their_accents_case_or_script(client, searchable, language, query, expected):
    titles, _html = results(client, language, q=query)
    assert expected in titles[:3]


def test_a_query_in_any_language_finds_the_item_shown_in_the_visitors_language(client, searchable):
    titles, html = results(client, "en", q="autobuses")  # Spanish words, English visitor
    assert titles[0] == "Electric buses for Querétaro"
    card = html[html.index("Electric buses") - 600 : html.index("Electric buses")]
    assert "badge--original" not in card


def test_untranslated_items_come_in_their_original_language_with_a_label(client, searchable):
    titles, html = results(client, "fr", q="米其林")
    assert titles == ["鞍山钢铁集团与米其林合作建设绿色校园"]
    assert 'lang="zh-hans"' in html and "badge--original" in html
    assert 'href="/fr/cities/anshan/green-campus/"' in html  # the copy in the visitor's tree, with its notice


def test_each_item_is_listed_once(client, searchable):
    titles, _html = results(client, "es", q="querétaro")
    assert titles.count("Autobuses eléctricos para Querétaro") == 1
    assert "Electric buses for Querétaro" not in titles


def test_matches_are_highlighted(client, searchable):
    _titles, html = results(client, "en", q="recycled")
    assert "<mark>recycled</mark>" in html


def test_facet_counts_equal_the_filtered_results(client, searchable):
    _titles, html = results(client, "en")
    facets = re.findall(r'<a href="(\?[^"]*)"[^>]*>([^<]*)</a> <span class="facet__count">(\d+)</span>', html)
    assert len(facets) >= 10
    for url, label, count in facets:
        response = client.get("/en/search/" + url.replace("&amp;", "&"))
        total = re.search(r'role="status" class="search-summary">(\d+)', response.content.decode())
        assert total and int(total.group(1)) == int(count), label


def test_facets_combine_and_stay_in_the_url(client, searchable):
    titles, html = results(client, "en", type="project", theme="energy")
    assert titles == ["Panouri solare pe școlile din Zalău"]
    assert "type=project" in html and "theme=energy" in html


def test_empty_query_browses_everything_by_date(client, searchable):
    titles, html = results(client, "en")
    assert len(titles) == 10  # 5 cities, 5 items
    assert "Some filters" not in html and 'class="facets"' in html


def test_sort_by_date(client, searchable):
    titles, _html = results(client, "en", type="news", sort="date")
    assert titles == [
        "鞍山钢铁集团与米其林合作建设绿色校园",
        "Nowe tramwaje w Łodzi",
        "การประชุมเครือข่ายเมืองมิชลินที่แหลมฉบัง",
    ]


def test_a_search_writes_nothing(client, searchable):
    client.get("/en/search/", {"q": "querétaro"})
    with CaptureQueriesContext(connection) as captured:
        client.get("/en/search/", {"q": "querétaro", "type": "project"})
    writes = [q["sql"] for q in captured if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "((((", "a AND OR NOT", "NEAR(x y)", "* ^ : -", "title:x", "'; DROP TABLE wagtailcore_page; --",
     "bi\x00cycle", "\x07\x1b[31m", "🚲🚌", "自行车 bicycle велосипед", "x" * 10_000, "   ", "-", '"', "\\"],
)  # fmt: skip
def test_bad_queries_get_a_page_not_an_error(client, searchable, query):
    assert client.get("/en/search/", {"q": query}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [{"page": "0"}, {"page": "-3"}, {"page": "999"}, {"page": "abc"}, {"page": ""}, {"type": "spaceship"},
     {"city": "not-a-uuid"}, {"year": "20x6"}, {"language": "xx"}, {"sort": "random"}, {"country": "\x00"}],
)  # fmt: skip
def test_bad_parameters_get_a_page_with_a_message(client, searchable, params):
    response = client.get("/en/search/", {"q": "querétaro", **params})
    assert response.status_code == 200
    if params.get("page") not in ("999", ""):  # past the end: the last page; empty: the first
        assert "were not understood and were left out" in response.content.decode()


def test_a_long_query_is_cut_and_says_so(client, searchable):
    _titles, html = results(client, "en", q="queretaro " + "x" * 500)
    assert f"first {MAX_QUERY_LENGTH} characters" in html


def test_queries_are_cleaned_and_cut():
    assert clean_query("bi\x00cycle\n lanes") == "bi cycle lanes"
    assert len(clean_query("x" * 10_000)) == MAX_QUERY_LENGTH
