"""The public "Find partners" page and a city page's suggestions, over HTTP, on a small network made by hand."""

import re
from decimal import Decimal

import pytest

from citypages.models import CityNeed, CityOffer, CityTwinning, ProjectNeed, ProjectPartnerCity
from matching.facts import network_facts
from tests.citypages.factories import CityPageFactory, CooperationProjectPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(network_tree):
    """Clermont seeks mobility and offers youth hosting; Vitoria offers mobility; Anshan (Clermont's twin) seeks
    youth hosting; Bad Kreuznach has nothing in common with anyone. Vitoria leads a project seeking a university
    on mobility, with Anshan as partner."""
    index = network_tree.city_index
    mobility, youth = ThemeFactory(name="Mobility", slug="mobility"), ThemeFactory(name="Youth", slug="youth")
    city = {
        "clermont": CityPageFactory(parent=index, title="Clermont-Ferrand", slug="clermont-ferrand",
                                    population=147_000),
        "vitoria": CityPageFactory(parent=index, title="Vitoria-Gasteiz", slug="vitoria-gasteiz", country="ES",
                                   population=255_000),
        "anshan": CityPageFactory(parent=index, title="Anshan", slug="anshan", country="CN",
                                  latitude=Decimal("41.1"), longitude=Decimal("122.99"), population=3_300_000),
        "kreuznach": CityPageFactory(parent=index, title="Bad Kreuznach", slug="bad-kreuznach", country="DE"),
    }  # fmt: skip
    CityNeed.objects.create(page=city["clermont"], theme=mobility, contribution="university", description="Models.")
    CityOffer.objects.create(page=city["clermont"], theme=youth, contribution="hosting", description="Camps.")
    CityOffer.objects.create(page=city["vitoria"], theme=mobility, contribution="experience", description="Buses.")
    CityNeed.objects.create(page=city["anshan"], theme=youth, contribution="hosting", description="Exchanges.")
    CityTwinning.objects.create(city=city["clermont"], twin_city=city["anshan"])
    project = CooperationProjectPageFactory(
        parent=city["vitoria"], title="Clean buses", slug="clean-buses", status="seeking_partners", themes=[mobility]
    )
    ProjectNeed.objects.create(page=project, partner_kind="university", skills="Emission models")
    ProjectPartnerCity.objects.create(page=project, city=city["anshan"])
    return city | {"project": project, "mobility": mobility, "youth": youth}


def suggested(html, heading):
    section = html.split(f">{heading}</h2>")[1].split("</section>")[0]
    return re.findall(r'class="suggestion__title"><a href="[^"]+">([^<]+)</a>', section)


def test_the_page_explains_itself_before_a_choice(client, network):
    response = client.get("/en/partners/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Find partners" in html and 'name="city"' in html and "Suggested cities" not in html
    assert 'href="/en/partners/"' in html  # in the site's navigation


def test_a_city_gets_ranked_cities_and_projects_with_their_reasons(client, network):
    html = client.get("/en/partners/?city=clermont-ferrand").content.decode()
    assert suggested(html, "Suggested cities") == ["Anshan", "Vitoria-Gasteiz"]
    assert "Seeks “Hosting visits and exchanges” on Youth, which Clermont-Ferrand offers" in html
    assert "Twinned with Clermont-Ferrand" in html
    assert "Offers “Experience to share” on Mobility, which Clermont-Ferrand seeks" in html
    assert "A city of similar size" in html
    assert "Bad Kreuznach" not in html.split("Suggested cities")[1]
    assert suggested(html, "Projects seeking partners") == ["Clean buses"]
    assert "On Mobility, where Clermont-Ferrand seeks “Expertise of a local university”" in html


def test_filters_narrow_the_suggestions(client, network):
    html = client.get("/en/partners/?city=clermont-ferrand&continent=asia").content.decode()
    assert suggested(html, "Suggested cities") == ["Anshan"]
    assert suggested(html, "Projects seeking partners") == []  # led from Europe
    html = client.get("/en/partners/?city=clermont-ferrand&on_theme=youth").content.decode()
    assert suggested(html, "Suggested cities") == ["Anshan"]  # Vitoria works on mobility only


def test_a_project_gets_cities_that_offer_on_its_themes(client, network):
    CityOffer.objects.create(
        page=network["kreuznach"], theme=network["mobility"], contribution="university", description="Labs."
    )
    html = client.get("/en/partners/?project=vitoria-gasteiz/clean-buses").content.decode()
    # Bad Kreuznach's university is the kind of partner sought; Clermont (lead's partner's twin) has no reason
    assert suggested(html, "Suggested cities") == ["Bad Kreuznach"]
    assert "Offers “Expertise of a local university” on Mobility: the kind of partner the project seeks" in html
    assert "Anshan" not in html.split("Suggested cities")[1]  # already a partner


def test_a_theme_gets_the_cities_offering_on_it_and_its_projects(client, network):
    html = client.get("/en/partners/?theme=mobility").content.decode()
    # Vitoria offers on mobility; Anshan takes part in a mobility project
    assert suggested(html, "Suggested cities") == ["Vitoria-Gasteiz", "Anshan"]
    assert "Offers “Experience to share” on Mobility" in html and "Works on Mobility" in html
    assert suggested(html, "Projects seeking partners") == ["Clean buses"]


@pytest.mark.parametrize(
    "query",
    ["city=clermont-ferrand&theme=mobility", "city=atlantis", "project=nowhere/none", "continent=mars", "language=xx"],
)
def test_bad_choices_get_a_clear_error_not_a_crash(client, network, query):
    response = client.get(f"/en/partners/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="errorlist' in html
    assert "Suggested cities" not in html


def test_the_page_speaks_the_readers_language(client, network, network_tree):
    french = network_tree.locales["fr"]
    for name in ("clermont", "anshan"):
        network[name].copy_for_translation(french).save_revision().publish()
    response = client.get("/fr/partners/?city=clermont-ferrand")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html and "Trouver des partenaires" in html
    assert suggested(html, "Villes suggérées") == ["Anshan"]  # Vitoria has no French page yet
    assert "Jumelée avec Clermont-Ferrand" in html


def test_a_city_missing_from_the_readers_language_is_a_clear_error(client, network):
    response = client.get("/fr/partners/?city=clermont-ferrand")
    assert response.status_code == 400
    assert 'name="city"' in response.content.decode()


def test_the_city_page_shows_its_best_suggestions(client, network):
    html = client.get(network["clermont"].url).content.decode()
    assert suggested(html, "Suggested partners") == ["Anshan", "Vitoria-Gasteiz"]
    assert 'href="/en/partners/?city=clermont-ferrand"' in html


def test_the_page_reads_the_network_in_a_few_queries(client, network, django_assert_max_num_queries, uncached):
    with django_assert_max_num_queries(25):
        assert client.get("/en/partners/?city=clermont-ferrand").status_code == 200


def test_facts_read_twinnings_both_ways_and_partners_from_projects(network, network_tree):
    facts = network_facts(network_tree.locales["en"])
    key = {name: str(network[name].translation_key) for name in ("clermont", "vitoria", "anshan")}
    assert facts.cities[key["anshan"]].twins == {key["clermont"]}
    assert facts.cities[key["clermont"]].twins == {key["anshan"]}
    assert facts.cities[key["anshan"]].partners == {key["vitoria"]}
    assert facts.cities[key["anshan"]].project_themes == {str(network["mobility"].translation_key)}
    (project,) = facts.projects
    assert project.lead == key["vitoria"] and project.seeking and project.partner_kinds == {"university"}
