"""Relevance on the seeded demo network: each case's item is among the top 3 (cases: relevance_cases.py)."""

import pytest

from search.service import SearchRequest, search
from search.spelling import did_you_mean
from tests.search.relevance_cases import CASES, COMPLETION_CASES, CORRECTION_CASES

pytestmark = [pytest.mark.django_db, pytest.mark.seeded]


@pytest.fixture
def network(seeded_network):
    return seeded_network


def test_the_suite_covers_the_network_languages():
    languages = {language for language, _query, _slug in CASES}
    assert len(CASES) >= 40 and len(languages) >= 8 and {"zh-hans", "th"} <= languages


@pytest.mark.parametrize(("language", "query", "slug"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_expected_item_in_the_top_three(network, language, query, slug):
    results = search(SearchRequest(query=query, language=language)).results[:3]
    assert slug in [result.url.rstrip("/").rsplit("/", 1)[-1] for result in results], [r.title for r in results]


def test_a_thai_word_is_matched_as_a_whole_not_as_scattered_pairs(network):
    """ "หน้าแล้ง" (dry season) must appear as such: its character pairs alone, spread over a text, do not count."""
    for result in search(SearchRequest(query="หน้าแล้ง", language="th")).results:
        assert "หน้าแล้ง" in (result.title + str(result.snippet))


@pytest.mark.parametrize(
    ("language", "query", "slug"), COMPLETION_CASES, ids=[f"{c[0]}:{c[1]}" for c in COMPLETION_CASES]
)
def test_a_name_cut_short_finds_its_item_in_the_top_three(network, language, query, slug):
    response = search(SearchRequest(query=query, language=language))
    assert response.last_word_completed
    found = [result.url.rstrip("/").rsplit("/", 1)[-1] for result in response.results[:3]]
    assert any(item.startswith(slug) for item in found), found


@pytest.mark.parametrize(
    ("language", "query", "expected"), CORRECTION_CASES, ids=[f"{c[0]}:{c[1]}" for c in CORRECTION_CASES]
)
def test_a_misspelt_query_is_offered_the_sites_own_word(network, language, query, expected):
    assert search(SearchRequest(query=query, language=language)).total == 0
    assert did_you_mean(query, language) == expected
    assert search(SearchRequest(query=expected, language=language)).total > 0
