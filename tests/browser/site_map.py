"""Where each kind of public page of the seeded network is, in each language the suite checks.

Found the way an outside client would: the pages API (``/api/v2/pages/`` with ``locale`` and
``translation_of``) and the home page's own links, so the suite follows the site rather than the seed's slugs.
"""

import json
import re
import urllib.parse
import urllib.request

LANGUAGES = ("en", "fr", "zh-hans")
# A word each language's visitors would type, matching content in every tree.
SEARCH_WORDS = {"en": "mobility", "fr": "mobilité", "zh-hans": "交通"}
PAGE_TYPES = {
    "city index": "citypages.CityIndexPage",
    "city": "citypages.CityPage",
    "project": "citypages.CooperationProjectPage",
    "news": "citypages.NewsPage",
    "event": "citypages.EventPage",
    "declarations": "commitments.DeclarationIndexPage",
    "declaration": "commitments.DeclarationPage",
    "about": "home.NetworkPage",
}
# Anshan writes in Chinese and its section is translated into English and French: every sampled page is a real
# translation in the three languages, not a copy still showing another language.
SAMPLE_CITY = "anshan"


def fetch(site, path):
    with urllib.request.urlopen(site.url(path), timeout=30) as response:  # noqa: S310 - loopback
        return response.read().decode()


def api_pages(site, **query):
    return json.loads(fetch(site, "/api/v2/pages/?" + urllib.parse.urlencode(query)))["items"]


def path_of(item):
    return urllib.parse.urlsplit(item["meta"]["html_url"]).path


def english_samples(site):
    """One English page of each type, from the sample city's section where the type lives there."""
    city = api_pages(site, type=PAGE_TYPES["city"], locale="en", slug=SAMPLE_CITY)[0]
    samples = {"city": city}
    for kind in ("city index", "declarations", "declaration", "about"):
        samples[kind] = api_pages(site, type=PAGE_TYPES[kind], locale="en", order="id", limit=1)[0]
    for kind in ("project", "news", "event"):
        in_city = api_pages(site, type=PAGE_TYPES[kind], locale="en", descendant_of=city["id"], order="id", limit=1)
        samples[kind] = (in_city or api_pages(site, type=PAGE_TYPES[kind], locale="en", order="id", limit=1))[0]
    return samples


def discover_public_pages(site):
    """{(kind, language): path} for every page kind the suite audits."""
    pages = {}
    samples = english_samples(site)
    for language in LANGUAGES:
        pages[("home", language)] = f"/{language}/"
        for kind, sample in samples.items():
            if language == "en":
                pages[(kind, language)] = path_of(sample)
                continue
            translations = api_pages(site, translation_of=sample["id"], locale=language)
            if not translations:
                raise LookupError(f"The {kind} page {path_of(sample)} has no {language} copy in the demo network.")
            pages[(kind, language)] = path_of(translations[0])
        themes = re.findall(rf'href="(/{language}/themes/[^"/]+/)"', fetch(site, f"/{language}/"))
        if not themes:
            raise LookupError(f"The {language} home page links to no theme.")
        pages[("theme", language)] = themes[0]
        pages[("conferences", language)] = f"/{language}/conferences/"
        for kind, route in (("all news", "news"), ("all events", "events"), ("all themes", "themes"),
                            ("documents", "documents")):  # fmt: skip
            pages[(kind, language)] = f"/{language}/{route}/"
        pages[("partners", language)] = f"/{language}/partners/?city={SAMPLE_CITY}"
        contact = re.findall(rf'href="(/{language}/contact/\d+/)"', fetch(site, pages[("project", language)]))
        if not contact:
            raise LookupError(f"The {language} project page {pages[('project', language)]} links to no contact form.")
        pages[("contact", language)] = contact[0]
        pages[("search", language)] = f"/{language}/search/?" + urllib.parse.urlencode({"q": SEARCH_WORDS[language]})
    return pages
