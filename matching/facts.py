"""The facts the ranking reads, taken from one language tree's live pages in a fixed number of queries.

Cities, projects and themes are identified by translation key: the same in every language, and the key that
wagtail-localize's links (which point at source copies) and the reader's copies share.
"""

from dataclasses import dataclass

from django.db.models import Q

from citypages.continents import continent_of
from citypages.models import (
    CityNeed,
    CityOffer,
    CityPage,
    CityTwinning,
    CooperationProjectPage,
    ProjectNeed,
    ProjectPartnerCity,
    ProjectTheme,
    Theme,
)
from cms.tree import city_path_of

from .ranking import CityFacts, Exchange, ProjectFacts


@dataclass
class NetworkFacts:
    cities: dict  # key -> CityFacts
    projects: list  # ProjectFacts of every live project
    city_pages: dict  # key -> the CityPage in the tree's language
    project_pages: dict  # key -> the CooperationProjectPage
    themes: dict  # key -> the Theme in the tree's language (else another copy)

    def city_key(self, slug):
        return next((key for key, page in self.city_pages.items() if page.slug == slug), None)

    def theme_key(self, slug):
        return next((key for key, theme in self.themes.items() if theme.slug == slug), None)


def _key(value):
    return str(value)


def network_facts(locale):
    """Everything the ranking needs about the live cities and projects of ``locale``'s tree."""
    city_pages = {
        _key(city.translation_key): city
        for city in CityPage.objects.live().filter(locale=locale).prefetch_related("working_languages")
    }
    by_path = {city.path: key for key, city in city_pages.items()}
    page_ids = [city.pk for city in city_pages.values()]
    themes = {}
    for theme in Theme.objects.order_by("pk"):  # the reader's copy wins over the others
        if _key(theme.translation_key) not in themes or theme.locale_id == locale.pk:
            themes[_key(theme.translation_key)] = theme
    offers = _exchanges(CityOffer, page_ids)
    needs = _exchanges(CityNeed, page_ids)

    project_pages, projects = _projects(locale, by_path)
    worked_with = {key: set() for key in city_pages}
    for project in projects:
        team = {project.lead, *project.partners}
        for member in team & set(worked_with):
            worked_with[member] |= team - {member}
    twins = _twins(set(city_pages))
    project_themes = {key: set() for key in city_pages}
    for project in projects:
        for member in ({project.lead} | project.partners) & set(project_themes):
            project_themes[member] |= project.themes

    cities = {
        key: CityFacts(
            key=key,
            name=city.title,
            continent=continent_of(city.country),
            languages=frozenset(language.language_code for language in city.working_languages.all()),
            population=city.population,
            offers=tuple(offers.get(city.pk, ())),
            needs=tuple(needs.get(city.pk, ())),
            project_themes=frozenset(project_themes[key]),
            twins=frozenset(twins.get(key, ())),
            partners=frozenset(worked_with[key]),
        )
        for key, city in city_pages.items()
    }
    return NetworkFacts(cities, projects, city_pages, project_pages, themes)


def _exchanges(model, page_ids):
    """{city page id: [Exchange, ...]} in the editors' order."""
    rows = model.objects.filter(page_id__in=page_ids).order_by("page_id", "sort_order", "pk")
    found = {}
    for page_id, theme_key, contribution in rows.values_list("page_id", "theme__translation_key", "contribution"):
        found.setdefault(page_id, []).append(Exchange(_key(theme_key), contribution))
    return found


def _projects(locale, city_key_by_path):
    pages = {
        page.pk: page for page in CooperationProjectPage.objects.live().filter(locale=locale).order_by("title", "pk")
    }
    themes, partners, kinds = {}, {}, {}
    for page_id, theme_key in ProjectTheme.objects.filter(page_id__in=pages).values_list(
        "page_id", "theme__translation_key"
    ):
        themes.setdefault(page_id, set()).add(_key(theme_key))
    for page_id, city_key in ProjectPartnerCity.objects.filter(page_id__in=pages).values_list(
        "page_id", "city__translation_key"
    ):
        partners.setdefault(page_id, set()).add(_key(city_key))
    for page_id, kind in ProjectNeed.objects.filter(page_id__in=pages).values_list("page_id", "partner_kind"):
        kinds.setdefault(page_id, set()).add(kind)
    project_pages, projects = {}, []
    for page_id, page in pages.items():
        lead = city_key_by_path.get(city_path_of(page.path))
        if lead is None:
            continue  # its city is not live in this tree
        key = _key(page.translation_key)
        project_pages[key] = page
        projects.append(
            ProjectFacts(
                key=key,
                name=page.title,
                lead=lead,
                partners=frozenset(partners.get(page_id, set()) - {lead}),
                themes=frozenset(themes.get(page_id, ())),
                seeking=page.status == CooperationProjectPage.Status.SEEKING_PARTNERS,
                partner_kinds=frozenset(kinds.get(page_id, ())),
            )
        )
    return project_pages, projects


def _twins(keys):
    """{city key: twin city keys}, whichever side recorded the twinning."""
    twins = {}
    pairs = CityTwinning.objects.filter(Q(city__live=True) & Q(twin_city__live=True)).values_list(
        "city__translation_key", "twin_city__translation_key"
    )
    for one, other in pairs:
        one, other = _key(one), _key(other)
        if one in keys and other in keys:
            twins.setdefault(one, set()).add(other)
            twins.setdefault(other, set()).add(one)
    return twins
