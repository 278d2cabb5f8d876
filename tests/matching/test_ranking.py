"""The ranking on small networks made by hand, where the expected suggestions, their order and reasons are known."""

from matching.ranking import CityFacts, Exchange, ProjectFacts, suggest_cities, suggest_projects


def network(*cities):
    return {city.key: city for city in cities}


def names(suggestions):
    return [suggestion.subject.name for suggestion in suggestions]


def reasons(suggestion):
    return [
        (r.kind, r.weight, r.theme or r.themes or "", r.contribution, r.city or r.cities or "")
        for r in suggestion.reasons
    ]


CLERMONT = CityFacts(
    "clermont",
    "Clermont-Ferrand",
    population=147_000,
    offers=(Exchange("youth", "hosting"),),
    needs=(Exchange("mobility", "university"), Exchange("energy", "company")),
    project_themes=frozenset({"youth", "culture"}),
    twins=frozenset({"anshan"}),
    partners=frozenset({"vitoria"}),
)
VITORIA = CityFacts(
    "vitoria",
    "Vitoria-Gasteiz",
    population=255_000,
    offers=(Exchange("mobility", "experience"), Exchange("mobility", "project")),
    project_themes=frozenset({"mobility", "culture"}),
    partners=frozenset({"clermont", "anshan"}),
)
ANSHAN = CityFacts(
    "anshan",
    "Anshan",
    population=3_300_000,
    needs=(Exchange("youth", "hosting"),),
    project_themes=frozenset({"energy"}),
    twins=frozenset(),
    partners=frozenset({"vitoria"}),
)
NONG_KHAE = CityFacts("nongkhae", "Nong Khae", population=60_000, project_themes=frozenset({"waste"}))


def test_a_city_gets_partners_that_offer_what_it_seeks_first_with_every_reason():
    cities = network(CLERMONT, VITORIA, ANSHAN, NONG_KHAE)
    suggestions = suggest_cities(cities, city="clermont")

    assert names(suggestions) == ["Anshan", "Vitoria-Gasteiz"]  # Nong Khae has nothing in common: not suggested
    anshan, vitoria = suggestions
    # Vitoria offers on mobility (counted once, whatever the number of offers), shares culture, is close in size
    assert reasons(vitoria) == [
        ("offer_meets_need", 3, "mobility", "experience", ""),
        ("shared_theme", 2, ("culture", "mobility"), "", ""),
        ("similar_size", 1, "", "", ""),
    ]
    assert vitoria.score == 6
    # Anshan seeks the hosting Clermont offers, is its twin (recorded on Clermont's side only), worked with Vitoria
    # as Clermont did, shares the energy theme (Clermont seeks it); 22 times bigger: no size reason
    assert reasons(anshan) == [
        ("need_meets_offer", 2, "youth", "hosting", ""),
        ("shared_theme", 2, ("energy", "youth"), "", ""),
        ("twin", 2, "", "", "anshan"),
        ("common_partner", 1, "", "", ("vitoria",)),
    ]
    assert anshan.score == 7


def test_ties_are_ordered_by_name_whatever_the_order_of_the_data():
    twins = frozenset({"home"})
    home = CityFacts("home", "Home", twins=frozenset({"b", "a", "e"}))
    others = [CityFacts(k, n, twins=twins) for k, n in (("b", "Zaragoza"), ("a", "Évora"), ("e", "Aberdeen"))]
    for order in (others, others[::-1]):
        suggestions = suggest_cities(network(home, *order), city="home")
        assert names(suggestions) == ["Aberdeen", "Évora", "Zaragoza"]  # accents ignored: É sorts as E
        assert {s.score for s in suggestions} == {2}


def test_a_city_with_no_match_gets_no_suggestion_and_is_suggested_to_no_one():
    cities = network(CLERMONT, NONG_KHAE)
    assert suggest_cities(cities, city="nongkhae") == []
    assert suggest_cities(cities, city="clermont") == []


def test_a_project_gets_cities_offering_on_its_themes_with_a_bonus_for_the_kind_it_asks_for():
    lyon = CityFacts("lyon", "Lyon", offers=(Exchange("air", "university"),))
    turin = CityFacts("turin", "Turin", offers=(Exchange("air", "experience"),), project_themes=frozenset({"air"}))
    lead = CityFacts("lead", "Lead City", twins=frozenset({"cuneo"}))
    cuneo = CityFacts("cuneo", "Cuneo", partners=frozenset({"lead"}))
    partner = CityFacts("partner", "Partner City", offers=(Exchange("air", "university"),))
    project = ProjectFacts(
        "p",
        "Clean air",
        lead="lead",
        partners=frozenset({"partner"}),
        themes=frozenset({"air"}),
        seeking=True,
        partner_kinds=frozenset({"university"}),
    )
    suggestions = suggest_cities(network(lyon, turin, lead, cuneo, partner), project=project)

    # Lyon's university meets the need (3 + 1); Turin offers (3) and works on air (1): tie, by name;
    # Cuneo is the lead's twin (2) and worked with it (1); the lead and existing partner are never suggested
    assert [(s.subject.name, s.score) for s in suggestions] == [("Lyon", 4), ("Turin", 4), ("Cuneo", 3)]
    assert reasons(suggestions[0]) == [("offer_meets_need", 4, "air", "university", "")]
    assert reasons(suggestions[2]) == [("twin", 2, "", "", "lead"), ("common_partner", 1, "", "", ("lead",))]


def test_a_theme_gets_the_cities_offering_on_it_then_those_working_on_it():
    cities = network(CLERMONT, VITORIA, ANSHAN, NONG_KHAE)
    assert [(s.subject.name, s.score) for s in suggest_cities(cities, theme="mobility")] == [("Vitoria-Gasteiz", 4)]
    assert [(s.subject.name, s.score) for s in suggest_cities(cities, theme="youth")] == [
        ("Clermont-Ferrand", 4),  # offers hosting (3) and leads youth projects (1)
    ]
    assert suggest_cities(cities, theme="sport") == []


def test_a_city_gets_projects_seeking_partners_on_what_it_offers_or_seeks_but_not_its_own():
    cities = network(CLERMONT, VITORIA, ANSHAN)
    seeking = {"seeking": True, "lead": "vitoria"}
    projects = [
        ProjectFacts("youth", "Youth camps", themes=frozenset({"youth"}), **seeking),
        ProjectFacts("bus", "Bus lanes", themes=frozenset({"mobility"}), **seeking),
        ProjectFacts("done", "Finished tram", themes=frozenset({"mobility"}), lead="vitoria"),  # not seeking
        ProjectFacts("own", "Clermont's own", themes=frozenset({"youth"}), seeking=True, lead="clermont"),
        ProjectFacts(
            "in",
            "Already in",
            themes=frozenset({"youth"}),
            seeking=True,
            lead="anshan",
            partners=frozenset({"clermont"}),
        ),  # fmt: skip
        ProjectFacts("art", "Street art", themes=frozenset({"culture"}), **seeking),  # no offer nor need on it
    ]
    suggestions = suggest_projects(projects, cities, city="clermont")
    assert [(s.subject.name, s.score) for s in suggestions] == [("Youth camps", 3), ("Bus lanes", 2)]
    assert reasons(suggestions[0]) == [("offer_meets_need", 3, "youth", "hosting", "")]
    assert reasons(suggestions[1]) == [("need_meets_offer", 2, "mobility", "university", "")]

    on_theme = suggest_projects(projects, cities, theme="mobility")
    assert names(on_theme) == ["Bus lanes"]


def test_themes_and_partners_in_common_count_up_to_a_cap():
    themes = frozenset(f"theme-{n}" for n in range(8))
    partners = frozenset(f"partner-{n}" for n in range(5))
    big = CityFacts("big", "Big", project_themes=themes, partners=partners)
    other = CityFacts("other", "Other", project_themes=themes, partners=partners)
    seeker = CityFacts("seeker", "Seeker", needs=(Exchange("theme-1", "experience"),))
    offerer = CityFacts("offerer", "Offerer", offers=(Exchange("theme-1", "experience"),))
    (suggestion,) = suggest_cities(network(big, other), city="big")
    assert [(r.kind, r.weight, len(r.themes or r.cities)) for r in suggestion.reasons] == [
        ("shared_theme", 3, 8),
        ("common_partner", 2, 5),
    ]
    # eight themes in common do not outweigh an offer meeting the need and one theme in common (3 + 1)
    ranking = suggest_cities(network(seeker, offerer, big), city="seeker")
    assert [(s.subject.name, s.score) for s in ranking] == [("Offerer", 4), ("Big", 1)]
