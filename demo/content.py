"""Reading and validating the demo network's data files (demo/data/).

The files are plain JSON written by people; this module checks them before anything is written to the
database, so a mistake in the data gives a list of clear messages instead of a half-seeded site.
"""

import csv
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .validation import LOCALES, check_city, check_text, check_texts_of, parse

DATA_DIR = Path(__file__).resolve().parent / "data"
GROUP_FILES = (
    "france.json",
    "hispanic.json",
    "anglophone.json",
    "lusophone_italian.json",
    "central_europe.json",
    "asia.json",
)
THEME_SLUGS = (
    "transport-mobility",
    "new-mobility",
    "air-quality",
    "renewable-energy",
    "circular-economy",
    "green-city",
    "higher-education-research",
    "future-technologies",
    "housing-living-together",
    "culture",
    "sport-health",
    "youth",
    "citizen-participation",
    "urban-planning",
    "public-policy",
)
ORGANISATION_TYPES = ("university", "company", "association", "public_body", "artists_collective")
PROJECT_STATUSES = ("idea", "seeking_partners", "ongoing", "completed")
ORIGINS = ("conference", "call", "declaration", "local")
CONTRIBUTIONS = ("experience", "project", "hosting", "university", "company")  # citypages.models.Contribution
PARTNER_KINDS = ("city", "university", "company", "association", "public_body")  # ProjectNeed.PartnerKind
MAX_OFFERS, MAX_CITY_NEEDS = 3, 2
DESCRIPTION_LENGTH, SKILLS_LENGTH = 400, 200  # the models' max_length
LATEST_NEWS_DATE = date(2026, 11, 20)


class DemoDataError(Exception):
    """The demo data files are inconsistent; ``problems`` lists every message."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class NetworkData:
    cities: list = field(default_factory=list)  # rows of network_cities.csv merged with the group profile
    themes: list = field(default_factory=list)
    network: dict = field(default_factory=dict)
    organisations: list = field(default_factory=list)
    projects: list = field(default_factory=list)
    news: list = field(default_factory=list)
    events: list = field(default_factory=list)
    declarations: dict = field(default_factory=dict)  # declarations.json: the index page's texts, the declarations
    office: dict = field(default_factory=dict)  # office.json: the network office's contact and pages


def _read_json(name, problems):
    path = DATA_DIR / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{name}: file missing")
    except json.JSONDecodeError as error:
        problems.append(f"{name}: invalid JSON ({error})")
    return None


def _check_exchanges(city, projects_by_key, problems):
    """A city's offers and needs: themes, kinds of contribution, offered projects its own, one text per locale."""
    where = f"city {city['slug']}"
    offers, needs = city.get("offers", []), city.get("needs", [])
    if not 1 <= len(offers) <= MAX_OFFERS:
        problems.append(f"{where}: has {len(offers)} offers, expected 1 to {MAX_OFFERS}")
    if not 1 <= len(needs) <= MAX_CITY_NEEDS:
        problems.append(f"{where}: has {len(needs)} needs, expected 1 to {MAX_CITY_NEEDS}")
    for kind, items in (("offer", offers), ("need", needs)):
        for position, item in enumerate(items, 1):
            _check_exchange(f"{where} {kind} {position}", kind, item, city["slug"], projects_by_key, problems)
    check_texts_of(where, city, offers, "offer_descriptions", DESCRIPTION_LENGTH, problems)
    check_texts_of(where, city, needs, "need_descriptions", DESCRIPTION_LENGTH, problems)


def _check_exchange(here, kind, item, city_slug, projects_by_key, problems):
    """One offer or need: a known theme and contribution; only a 'project' offer names a project, the city's own."""
    if item.get("theme") not in THEME_SLUGS:
        problems.append(f"{here}: unknown theme {item.get('theme')!r}")
    if item.get("contribution") not in CONTRIBUTIONS:
        problems.append(f"{here}: bad contribution {item.get('contribution')!r}")
    project = item.get("project")
    if kind == "need" and project:
        problems.append(f"{here}: a need names no project")
    elif kind == "offer" and item.get("contribution") == "project" and not project:
        problems.append(f"{here}: a 'project' offer names one of the city's projects")
    elif kind == "offer" and project and item.get("contribution") != "project":
        problems.append(f"{here}: only a 'project' offer names a project")
    elif kind == "offer" and project:
        lead = projects_by_key.get(project, {}).get("lead_city")
        if lead is None:
            problems.append(f"{here}: unknown project {project!r}")
        elif lead != city_slug:
            problems.append(f"{here}: project {project!r} is not the city's own (its lead city is {lead})")


def _check_project_needs(where, project, problems):
    needs = project.get("needs", [])
    if project.get("status") == "seeking_partners" and not needs:
        problems.append(f"{where}: seeking partners but lists no needs")
    for position, need in enumerate(needs, 1):
        if need.get("partner_kind") not in PARTNER_KINDS:
            problems.append(f"{where} need {position}: bad partner_kind {need.get('partner_kind')!r}")
        if need.get("deadline"):
            parse(f"{where} need {position} deadline", need["deadline"], date.fromisoformat, problems)
    check_texts_of(where, project, needs, "need_skills", SKILLS_LENGTH, problems)


OFFICE_LINKS = ("about", "legal_notice", "privacy")  # home.NetworkSettings' page links, without "_page"


def _check_office(office, problems):
    """The office's pages: unique keys, parents listed before their children, links named once, every text in its
    source (English) shape."""
    keys = set()
    links = []
    for position, page in enumerate(office.get("pages", []), 1):
        where = f"office.json page {page.get('key') or position}"
        if not page.get("key") or page["key"] in keys:
            problems.append(f"{where}: a missing or repeated key")
        if page.get("parent") is not None and page["parent"] not in keys:
            problems.append(f"{where}: its parent {page['parent']!r} is not listed before it")
        if page.get("link") is not None:
            links.append(page["link"])
            if page["link"] not in OFFICE_LINKS:
                problems.append(f"{where}: unknown link {page['link']!r}, expected one of {', '.join(OFFICE_LINKS)}")
        keys.add(page.get("key"))
        check_text(where, page | {"source_locale": "en"}, ("title", "intro", "body"), problems)
    if sorted(links) != sorted(OFFICE_LINKS):
        problems.append(f"office.json: the links {', '.join(OFFICE_LINKS)} are each given to one page")


def _check_themes(themes, problems):
    """Only the known themes, each named in every locale."""
    for theme in themes:
        if theme.get("slug") not in THEME_SLUGS:
            problems.append(f"themes.json: unknown theme {theme.get('slug')!r}")
        for locale in LOCALES:
            if not (theme.get("text", {}).get(locale) or {}).get("name"):
                problems.append(f"themes.json: {theme.get('slug')} has no name in {locale}")


def _read_groups(data, problems):
    """The group files, each readable JSON; their items go into ``data``, their city profiles are returned by slug."""
    profiles = {}
    for name in GROUP_FILES:
        group = _read_json(name, problems) or {}
        for city in group.get("cities", []):
            profiles[city["slug"]] = city
        data.organisations += group.get("organisations", [])
        data.projects += group.get("projects", [])
        data.news += group.get("news", [])
        data.events += group.get("events", [])
    return profiles


def _check_cities(data, rows, profiles, problems):
    """One profile per row of network_cities.csv, with its texts and known twins; merged into ``data.cities``."""
    for slug, row in rows.items():
        profile = profiles.get(slug)
        if profile is None:
            problems.append(f"city {slug}: no profile in any group file")
            continue
        profile = {**profile, "source_locale": row["locale"]}
        check_text(f"city {slug}", profile, ("name", "intro", "body"), problems, ("en", "fr"))
        for twin in profile.get("twin_cities", []):
            if twin not in rows:
                problems.append(f"city {slug}: unknown twin city {twin!r}")
        data.cities.append({**row, **profile})
    for slug in profiles.keys() - rows.keys():
        problems.append(f"city {slug}: profile for a city missing from network_cities.csv")


def _check_organisations(organisations, rows, problems):
    """Unique names, known types and cities; returns the organisations' keys."""
    organisation_keys = {org["key"] for org in organisations}
    names = [org["name"] for org in organisations]
    # seed_network finds an organisation again by its name, so names must be unique.
    problems += [f"organisation name {name!r} is used more than once" for name in set(names) if names.count(name) > 1]
    for org in organisations:
        if org.get("type") not in ORGANISATION_TYPES:
            problems.append(f"organisation {org['key']}: bad type {org.get('type')!r}")
        if org.get("city") not in rows:
            problems.append(f"organisation {org['key']}: unknown city {org.get('city')!r}")
    return organisation_keys


def _check_project(project, rows, organisation_keys, conferences, problems):
    """One project: its conference, cities, themes and partners, status, origin, dates, texts and needs."""
    where = f"project {project['key']}"
    if project.get("origin") == "conference" and project.get("origin_conference") not in conferences:
        problems.append(
            f"{where}: origin is a conference but no event is conference {project.get('origin_conference')!r}"
        )
    elif project.get("origin_conference") and project["origin_conference"] not in conferences:
        problems.append(f"{where}: no event is conference {project['origin_conference']!r}")
    check_city(where, project, "lead_city", rows, problems)
    _check_project_references(where, project, rows, organisation_keys, problems)
    if project.get("status") not in PROJECT_STATUSES:
        problems.append(f"{where}: bad status {project.get('status')!r}")
    if project.get("origin") not in ORIGINS:
        problems.append(f"{where}: bad origin {project.get('origin')!r}")
    for key in ("start_date", "end_date"):
        if project.get(key):
            parse(f"{where} {key}", project[key], date.fromisoformat, problems)
    _check_project_texts(where, project, problems)
    _check_project_needs(where, project, problems)


def _check_project_references(where, project, rows, organisation_keys, problems):
    """1 to 3 known themes, real SDGs, partner cities other than the lead, known partner organisations."""
    if not 1 <= len(project.get("themes", [])) <= 3:
        problems.append(f"{where}: needs 1 to 3 themes")
    problems += [f"{where}: unknown theme {t!r}" for t in project.get("themes", []) if t not in THEME_SLUGS]
    problems += [f"{where}: bad SDG {n!r}" for n in project.get("sdgs", []) if n not in range(1, 18)]
    problems += [
        f"{where}: unknown partner city {c!r}"
        for c in project.get("partner_cities", [])
        if c not in rows or c == project.get("lead_city")
    ]
    problems += [
        f"{where}: unknown organisation {o!r}"
        for o in project.get("partner_organisations", [])
        if o not in organisation_keys
    ]


def _check_project_texts(where, project, problems):
    """A project's texts, each with one label per key figure and one role per partner organisation."""
    check_text(where, project, ("title", "summary", "body"), problems, ("en", "fr"))
    for locale, entry in project.get("text", {}).items():
        if len(entry.get("key_figure_labels", [])) != len(project.get("key_figures", [])):
            problems.append(f"{where} [{locale}]: one label per key figure")
        if len(entry.get("partner_roles", [])) != len(project.get("partner_organisations", [])):
            problems.append(f"{where} [{locale}]: one partner role per partner organisation")


def _check_news(news, rows, project_keys, problems):
    """One news item: its city, a date in range, known themes, cities and projects, its texts."""
    where = f"news {news['key']}"
    check_city(where, news, "city", rows, problems)
    published = parse(f"{where} date", news.get("date"), date.fromisoformat, problems)
    if published and not date(2017, 1, 1) <= published <= LATEST_NEWS_DATE:
        problems.append(f"{where}: date out of range")
    problems += [f"{where}: unknown theme {t!r}" for t in news.get("themes", []) if t not in THEME_SLUGS]
    problems += [f"{where}: unknown city {c!r}" for c in news.get("related_cities", []) if c not in rows]
    problems += [f"{where}: unknown project {p!r}" for p in news.get("related_projects", []) if p not in project_keys]
    check_text(where, news, ("title", "summary", "body"), problems)


def _check_event(event, rows, problems):
    """One event: its city, a start before its end, known themes, one start per programme item, its texts."""
    where = f"event {event['key']}"
    check_city(where, event, "city", rows, problems)
    start = parse(f"{where} start", event.get("start"), datetime.fromisoformat, problems)
    end = parse(f"{where} end", event.get("end"), datetime.fromisoformat, problems)
    if start and end and end < start:
        problems.append(f"{where}: ends before it starts")
    problems += [f"{where}: unknown theme {t!r}" for t in event.get("themes", []) if t not in THEME_SLUGS]
    for locale, entry in event.get("text", {}).items():
        if len(entry.get("programme", [])) != len(event.get("programme_starts", [])):
            problems.append(f"{where} [{locale}]: one programme start per programme item")
    check_text(where, event, ("title", "summary", "venue"), problems, ("en", "fr"))


def load_network_data():
    """Read every data file, check cross-references, and return a ``NetworkData`` or raise ``DemoDataError``."""
    problems = []
    data = NetworkData()
    with (DATA_DIR / "network_cities.csv").open(encoding="utf-8") as handle:
        rows = {row["slug"]: row for row in csv.DictReader(handle)}
    data.themes = _read_json("themes.json", problems) or []
    data.network = _read_json("network.json", problems) or {}
    data.office = _read_json("office.json", problems) or {}
    _check_office(data.office, problems)
    _check_themes(data.themes, problems)
    profiles = _read_groups(data, problems)
    _check_cities(data, rows, profiles, problems)
    organisation_keys = _check_organisations(data.organisations, rows, problems)

    projects_by_key = {project["key"]: project for project in data.projects}
    for city in data.cities:
        _check_exchanges(city, projects_by_key, problems)

    keys = [item["key"] for item in data.projects + data.news + data.events]
    for key in {k for k in keys if keys.count(k) > 1}:
        problems.append(f"key {key!r} is used more than once")
    project_keys = {project["key"] for project in data.projects}

    conferences = {event.get("conference_number") for event in data.events if event.get("is_network_conference")}
    for project in data.projects:
        _check_project(project, rows, organisation_keys, conferences, problems)
    for news in data.news:
        _check_news(news, rows, project_keys, problems)
    for event in data.events:
        _check_event(event, rows, problems)

    data.declarations = _read_json("declarations.json", problems) or {}
    _check_declarations(data.declarations, rows, projects_by_key, conferences, problems)
    _check_lineage(data, problems)

    if problems:
        raise DemoDataError(sorted(set(problems)))
    return data


def _check_lineage(data, problems):
    """A project from a declaration names it; a project based on another names an earlier one of another city."""
    declaration_keys = {declaration["key"] for declaration in data.declarations.get("declarations", [])}
    earlier = {}
    for project in data.projects:
        where = f"project {project['key']}"
        declaration = project.get("origin_declaration")
        if project.get("origin") == "declaration" and declaration not in declaration_keys:
            problems.append(f"{where}: origin is a declaration but names none of declarations.json ({declaration!r})")
        elif declaration and project.get("origin") != "declaration":
            problems.append(f"{where}: names a declaration but its origin is {project.get('origin')!r}")
        based_on = project.get("based_on")
        if based_on and based_on not in earlier:
            problems.append(f"{where}: based on {based_on!r}, which is not a project listed before it")
        elif based_on and earlier[based_on] == project["lead_city"]:
            problems.append(f"{where}: based on {based_on!r}, a project of its own city")
        if project.get("updated"):
            parse(f"{where} updated", project["updated"], date.fromisoformat, problems)
        earlier[project["key"]] = project["lead_city"]


def _check_declarations(declarations, rows, projects_by_key, conferences, problems):
    """Signatories are member cities, every project serving a commitment is led by a signatory, and every
    translation has one title and description per commitment."""
    if not declarations.get("index", {}).get("en", {}).get("title"):
        problems.append("declarations.json: the index page has no English title")
    keys = [
        item.get("key") for declaration in declarations.get("declarations", []) for item in declaration["commitments"]
    ]
    problems += [
        f"declarations.json: commitment key {k!r} is used more than once" for k in set(keys) if keys.count(k) > 1
    ]
    for declaration in declarations.get("declarations", []):
        where = f"declaration {declaration.get('key')}"
        signatories = declaration.get("signatories", [])
        problems += [f"{where}: unknown signatory {slug!r}" for slug in signatories if slug not in rows]
        if declaration.get("conference") and declaration["conference"] not in conferences:
            problems.append(f"{where}: no event is conference {declaration['conference']!r}")
        parse(f"{where} date", declaration.get("date"), date.fromisoformat, problems)
        check_text(where, declaration, ("title", "place", "summary", "body"), problems, ("en",))
        for item in declaration.get("commitments", []):
            for project_key in item.get("projects", []):
                lead = projects_by_key.get(project_key, {}).get("lead_city")
                if lead is None:
                    problems.append(f"{where} {item.get('key')}: unknown project {project_key!r}")
                elif lead not in signatories:
                    problems.append(f"{where} {item.get('key')}: {project_key!r} is led by {lead}, not a signatory")


def check_group_file(name):
    """Problems in one group file alone (used while writing the data); cross-file references are not checked."""
    problems = []
    group = _read_json(name, problems) or {}
    for project in group.get("projects", []):
        check_text(f"project {project.get('key')}", project, ("title", "summary", "body"), problems, ("en", "fr"))
    for news in group.get("news", []):
        check_text(f"news {news.get('key')}", news, ("title", "summary", "body"), problems)
    for event in group.get("events", []):
        check_text(f"event {event.get('key')}", event, ("title", "summary", "venue"), problems, ("en", "fr"))
    return problems


if __name__ == "__main__":
    import sys

    names = sys.argv[1:]
    if names:
        found = [p for n in names for p in check_group_file(n)]
    else:
        try:
            load_network_data()
            found = []
        except DemoDataError as error:
            found = error.problems
    print("\n".join(found) or "no problems")
    sys.exit(1 if found else 0)
