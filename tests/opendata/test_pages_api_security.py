"""Issue 19, part 2: the API v2's ``?search=`` goes through the network search, bounded; no parameter is a 500."""

import time

import pytest
import wagtail_factories
from django.core.management import call_command

pytestmark = pytest.mark.django_db
FIFTY_PREFIXES = " ".join(["a*"] * 50)


def titles(response):
    assert response.status_code == 200, response.content
    return [(item["title"], item["meta"]["locale"]) for item in response.json()["items"]]


def test_pages_search_finds_what_the_network_search_finds_and_answers_fast(client, clermont):
    call_command("update_index", "--network-only", "--no-progress", verbosity=0)
    # Only the English translation says "runs": the network search finds the item through any of its copies.
    assert titles(client.get("/api/v2/pages/", {"search": "runs", "locale": "fr"})) == [
        ("Une ligne de bus à hydrogène", "fr")
    ]
    # Home and index pages are not in the network search: a text search never finds them.
    assert titles(client.get("/api/v2/pages/", {"search": "CityNet", "type": "home.HomePage"})) == []
    # Timed once the first search above has loaded the word breaker's dictionaries (once per process).
    start = time.monotonic()
    response = client.get("/api/v2/pages/", {"search": FIFTY_PREFIXES, "locale": "en"})
    assert time.monotonic() - start < 1
    assert ("A hydrogen bus line", "en") in titles(response)


@pytest.mark.parametrize(
    ("endpoint", "params", "parameter"),
    [
        ("pages", {"search": "a\x00b"}, "search"),
        ("pages", {"search": "a", "search_operator": "xx"}, "search_operator"),
        ("pages", {"search": "a", "search_operator": "or"}, "search_operator"),  # the network search: every word
        ("pages", {"search": " ".join(["a*"] * 200)}, "search"),
        ("pages", {"search": " ".join(f"w{number}" for number in range(51))}, "search"),
        ("images", {"search": "bus\x07"}, "search"),
        ("images", {"search": "bus", "search_operator": "xx"}, "search_operator"),
        ("documents", {"search": "x" * 201}, "search"),
        ("pages", {"offset": str(10**30)}, "offset"),
        ("images", {"offset": str(2**63)}, "offset"),
        ("pages", {"locale": "xx"}, "locale"),
        ("pages", {"site": "\x00"}, "site"),
        ("pages", {"type": "citypages.NewsPage", "date": "notadate"}, "date"),
        ("pages/find", {"id": "x"}, "id"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(client, endpoint, params, parameter):
    response = client.get(f"/api/v2/{endpoint}/", params)
    assert response.status_code == 400
    assert response.json()["field"] == parameter


@pytest.mark.parametrize(
    "params",
    [{"limit": "-1"}, {"limit": str(10**30)}, {"order": "nope"}, {"type": "nope.Nope"}, {"fields": "(("},
     {"child_of": "abc"}, {"descendant_of": "-3"}],
)  # fmt: skip
def test_parameters_wagtail_refuses_stay_a_400(client, params):
    assert client.get("/api/v2/pages/", params).status_code == 400


@pytest.mark.parametrize(
    ("endpoint", "found"), [("pages", None), ("images", ["Bus depot"]), ("documents", ["Timetable"])]
)
def test_search_syntax_is_plain_text(client, request, endpoint, found):
    if endpoint == "pages":
        request.getfixturevalue("network_tree")  # a site, whose pages Wagtail's own search would have read
    wagtail_factories.ImageFactory(title="Bus depot")
    wagtail_factories.DocumentFactory(title="Timetable")
    fifty_words = " ".join(f"w{number}" for number in range(50))
    for query in ['"', "bus NEAR(a b)", '(bus OR "depot") AND NOT -x:y^2 z*', "&|!<->", FIFTY_PREFIXES, fifty_words]:
        response = client.get(f"/api/v2/{endpoint}/", {"search": query})
        assert response.status_code == 200, (query, response.content)
    if found is not None:  # (the pages' network search matches every word: "or" is a 400, above)
        response = client.get(f"/api/v2/{endpoint}/", {"search": '"depot" (timetable*)', "search_operator": "OR"})
        assert [item["title"] for item in response.json()["items"]] == found
