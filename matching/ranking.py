"""Partner suggestions: who a city, a project or a theme should talk to, and why.

The ranking is a sum of reasons, each with a fixed weight, so every suggestion can say exactly why it is there:

=====================  ======  ============================================================================
reason                 weight  when
=====================  ======  ============================================================================
offer_meets_need       3       per theme: the candidate offers something on a theme the subject seeks
                               (for a project: a theme of the project, +1 when the offer is the kind of
                               partner the project asks for, e.g. a university's expertise for a university)
need_meets_offer       2       per theme: the candidate seeks something on a theme the subject offers
shared_theme           1       per theme both work on (projects led or joined, offers, needs), at most 3
twin                   2       the two cities are twinned (for a project: the candidate is its lead's twin)
common_partner         1       per city both have worked with on a project, at most 2
similar_size           1       both populations are known and the larger is at most twice the smaller
offers_on_theme        3       for a theme: the candidate city offers something on it
works_on_theme         1       for a theme: the candidate city leads or joins projects on it, or the
                               candidate project (seeking partners) is on it
=====================  ======  ============================================================================

For a city, projects seeking partners are also suggested: offer_meets_need per theme of the project the city
offers on, need_meets_offer per theme of the project the city seeks help on.

Candidates with no reason are not suggested. Equal scores are ordered by name (case- and accent-blind), so the
order never depends on the database. The functions here take plain facts (``facts.py`` reads them from the
pages) and touch no database, which is what lets the tests build small networks by hand.
"""

import unicodedata
from dataclasses import dataclass, field

WEIGHTS = {
    "offer_meets_need": 3,
    "need_meets_offer": 2,
    "shared_theme": 1,
    "twin": 2,
    "common_partner": 1,
    "similar_size": 1,
    "offers_on_theme": 3,
    "works_on_theme": 1,
}
# Themes and partners in common are one reason each, counted up to a cap: a big city working on everything
# must not outrank one that offers exactly what is sought.
COUNTED_AT_MOST = {"shared_theme": 3, "common_partner": 2}
KIND_BONUS = 1  # an offer of the very kind of partner a project asks for
SIZE_RATIO = 2
# A project's need for a kind of partner, met by an offer of this contribution.
NEED_MET_BY = {"university": "university", "company": "company"}


@dataclass(frozen=True)
class Exchange:
    theme: str
    contribution: str


@dataclass(frozen=True)
class CityFacts:
    key: str
    name: str
    continent: str = ""
    languages: frozenset = frozenset()
    population: int | None = None
    offers: tuple = ()
    needs: tuple = ()
    project_themes: frozenset = frozenset()
    twins: frozenset = frozenset()
    partners: frozenset = frozenset()  # cities it has worked with on a project

    @property
    def themes(self):
        return self.project_themes | {e.theme for e in self.offers} | {e.theme for e in self.needs}


@dataclass(frozen=True)
class ProjectFacts:
    key: str
    name: str
    lead: str  # the lead city's key
    partners: frozenset = frozenset()
    themes: frozenset = frozenset()
    seeking: bool = False
    partner_kinds: frozenset = frozenset()  # kinds of partner its needs ask for


@dataclass(frozen=True)
class Reason:
    kind: str
    weight: int
    theme: str = ""
    contribution: str = ""
    city: str = ""  # the twin it names
    themes: tuple = ()  # the themes in common
    cities: tuple = ()  # the partners in common


@dataclass
class Suggestion:
    subject: object  # the CityFacts or ProjectFacts suggested
    reasons: list = field(default_factory=list)

    @property
    def score(self):
        return sum(reason.weight for reason in self.reasons)


def sort_key(name):
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def ranked(suggestions):
    """Suggestions with at least one reason, best first; ties by name."""
    kept = [suggestion for suggestion in suggestions if suggestion.reasons]
    return sorted(kept, key=lambda suggestion: (-suggestion.score, sort_key(suggestion.subject.name)))


def _by_theme(exchanges, themes):
    """One exchange per theme in ``themes`` (the first), in theme order: a theme counts once."""
    chosen = {}
    for exchange in exchanges:
        if exchange.theme in themes and exchange.theme not in chosen:
            chosen[exchange.theme] = exchange
    return [chosen[theme] for theme in sorted(chosen)]


def city_reasons(city, candidate, cities):
    """Why ``candidate`` is a good partner for ``city``."""
    reasons = [
        Reason("offer_meets_need", WEIGHTS["offer_meets_need"], e.theme, e.contribution)
        for e in _by_theme(candidate.offers, {need.theme for need in city.needs})
    ]
    reasons += [
        Reason("need_meets_offer", WEIGHTS["need_meets_offer"], e.theme, e.contribution)
        for e in _by_theme(candidate.needs, {offer.theme for offer in city.offers})
    ]
    reasons += _in_common("shared_theme", sorted(city.themes & candidate.themes), "themes")
    if candidate.key in city.twins or city.key in candidate.twins:
        reasons.append(Reason("twin", WEIGHTS["twin"], city=candidate.key))
    commons = sorted((city.partners & candidate.partners) - {city.key, candidate.key}, key=_name_in(cities))
    reasons += _in_common("common_partner", commons, "cities")
    if _similar_size(city.population, candidate.population):
        reasons.append(Reason("similar_size", WEIGHTS["similar_size"]))
    return reasons


def project_reasons(project, candidate, cities):
    """Why the city ``candidate`` is a good partner for ``project`` (a project seeking partners)."""
    reasons = []
    for offer in _by_theme(candidate.offers, project.themes):
        bonus = KIND_BONUS if offer.contribution in {NEED_MET_BY.get(kind) for kind in project.partner_kinds} else 0
        reasons.append(Reason("offer_meets_need", WEIGHTS["offer_meets_need"] + bonus, offer.theme, offer.contribution))
    reasons += _in_common("shared_theme", sorted(project.themes & candidate.project_themes), "themes")
    lead = cities.get(project.lead)
    if lead and (candidate.key in lead.twins or lead.key in candidate.twins):
        reasons.append(Reason("twin", WEIGHTS["twin"], city=lead.key))
    if lead and lead.key in candidate.partners:
        reasons.append(Reason("common_partner", WEIGHTS["common_partner"], cities=(lead.key,)))
    return reasons


def theme_reasons(theme, candidate):
    """Why the city ``candidate`` matters on ``theme``: what it offers there, and whether it works on it."""
    reasons = [
        Reason("offers_on_theme", WEIGHTS["offers_on_theme"], e.theme, e.contribution)
        for e in _by_theme(candidate.offers, {theme})
    ]
    if theme in candidate.project_themes:
        reasons.append(Reason("works_on_theme", WEIGHTS["works_on_theme"], theme))
    return reasons


def suggest_cities(cities, *, city=None, project=None, theme=None):
    """Ranked city suggestions for one subject: a city's key, a project (ProjectFacts) or a theme.

    ``cities`` maps keys to CityFacts. A city is never suggested to itself, nor a project's lead or partners to
    the project.
    """
    if city is not None:
        subject = cities[city]
        return ranked(Suggestion(c, city_reasons(subject, c, cities)) for c in cities.values() if c.key != city)
    if project is not None:
        taken = {project.lead} | project.partners
        candidates = (c for c in cities.values() if c.key not in taken)
        return ranked(Suggestion(c, project_reasons(project, c, cities)) for c in candidates)
    return ranked(Suggestion(c, theme_reasons(theme, c)) for c in cities.values())


def suggest_projects(projects, cities, *, city=None, theme=None):
    """Ranked projects seeking partners for a city (its offers and needs on their themes) or on a theme.

    A city is never offered a project it leads or already takes part in.
    """
    suggestions = []
    for project in projects:
        if not project.seeking:
            continue
        if city is not None:
            if city == project.lead or city in project.partners:
                continue
            subject = cities[city]
            reasons = [
                Reason("offer_meets_need", WEIGHTS["offer_meets_need"], e.theme, e.contribution)
                for e in _by_theme(subject.offers, project.themes)
            ]
            reasons += [
                Reason("need_meets_offer", WEIGHTS["need_meets_offer"], e.theme, e.contribution)
                for e in _by_theme(subject.needs, project.themes)
            ]
        else:
            reasons = [Reason("works_on_theme", WEIGHTS["works_on_theme"], theme)] if theme in project.themes else []
        suggestions.append(Suggestion(project, reasons))
    return ranked(suggestions)


def _in_common(kind, items, field_name):
    """One reason for everything in common of one kind, weighted per item up to its cap; none if nothing."""
    if not items:
        return []
    weight = WEIGHTS[kind] * min(len(items), COUNTED_AT_MOST[kind])
    return [Reason(kind, weight, **{field_name: tuple(items)})]


def _similar_size(one, other):
    if not one or not other:
        return False
    return max(one, other) <= SIZE_RATIO * min(one, other)


def _name_in(cities):
    return lambda key: sort_key(cities[key].name) if key in cities else key
