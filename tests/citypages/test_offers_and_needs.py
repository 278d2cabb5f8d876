"""What a city offers and seeks, and what a project seeking partners needs: edited in the admin with the page,
shown on the public pages in the reader's language."""

import datetime

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from citypages.models import CityNeed, CityOffer, Contribution, CooperationProjectPage, ProjectNeed
from tests.citypages.admin_data import project_form
from tests.citypages.factories import CityPageFactory, CooperationProjectPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(network_tree):
    return CityPageFactory(parent=network_tree.city_index, title="Clermont-Ferrand", slug="clermont-ferrand")


@pytest.fixture
def mobility():
    return ThemeFactory(name="Mobility", slug="mobility")


def test_the_city_page_shows_what_the_city_offers_and_seeks(client, city, mobility):
    project = CooperationProjectPageFactory(parent=city, title="Bus rapid transit line")
    CityOffer.objects.create(
        page=city, theme=mobility, contribution=Contribution.PROJECT, description="Our BRT line.", project=project
    )
    CityNeed.objects.create(
        page=city, theme=mobility, contribution=Contribution.UNIVERSITY, description="Traffic models."
    )
    html = client.get(city.url).content.decode()
    assert "Working with Clermont-Ferrand" in html
    offers = html[html.index("What the city offers") : html.index("What the city seeks")]
    assert "Mobility" in offers and "A project to replicate" in offers and "Our BRT line." in offers
    assert f'href="{project.url}"' in offers
    seeks = html[html.index("What the city seeks") :]
    assert "Expertise of a local university" in seeks and "Traffic models." in seeks


def test_a_city_with_neither_offers_nor_needs_shows_no_empty_section(client, city):
    assert "Working with" not in client.get(city.url).content.decode()


def test_offers_show_the_theme_and_project_in_the_readers_language(client, network_tree, city, mobility):
    french = network_tree.locales["fr"]
    project = CooperationProjectPageFactory(parent=city, title="Bus rapid transit line")
    CityOffer.objects.create(
        page=city, theme=mobility, contribution=Contribution.PROJECT, description="Our BRT line.", project=project
    )
    french_theme = mobility.copy_for_translation(french)
    french_theme.name = "Mobilité"
    french_theme.save()
    french_city = city.copy_for_translation(french)
    french_city.save_revision().publish()
    french_project = project.copy_for_translation(french)
    french_project.title = "Ligne de bus à haut niveau de service"
    french_project.save_revision().publish()

    html = client.get(french_city.url).content.decode()
    assert "Mobilité" in html
    assert f'href="{french_project.url}"' in html and "Ligne de bus à haut niveau de service" in html
    assert "Un projet à reproduire" in html and "A project to replicate" not in html


def test_a_project_offer_needs_its_project(city, mobility):
    offer = CityOffer(page=city, theme=mobility, contribution=Contribution.PROJECT, description="Our BRT line.")
    with pytest.raises(Exception, match="Choose the project other cities could replicate"):
        offer.full_clean(exclude=["page", "sort_order"])


def test_a_project_seeking_partners_must_say_what_it_seeks(office, city, mobility):
    project = CooperationProjectPageFactory(parent=city, themes=[mobility])
    url = f"/admin/pages/{project.pk}/edit/"

    response = office.post(url, project_form(project, mobility, "seeking_partners"))
    assert response.status_code == 200
    assert "A project seeking partners says what it seeks" in response.content.decode()
    assert CooperationProjectPage.objects.get(pk=project.pk).status == "ongoing"

    need = {"partner_kind": "university", "skills": "Air quality sensors", "deadline": "2027-03-31"}
    response = office.post(url, project_form(project, mobility, "seeking_partners", [need]))
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == "seeking_partners"
    assert [(n.partner_kind, n.skills, n.deadline) for n in project.needs.all()] == [
        ("university", "Air quality sensors", datetime.date(2027, 3, 31))
    ]


def test_an_ongoing_project_needs_no_needs(office, city, mobility):
    project = CooperationProjectPageFactory(parent=city, themes=[mobility])
    response = office.post(f"/admin/pages/{project.pk}/edit/", project_form(project, mobility, "ongoing"))
    assert response.status_code == 302


def city_form(city, offers):
    return nested_form_data(
        {
            "title": city.title, "slug": city.slug, "local_name": city.local_name, "english_name": city.english_name,
            "country": city.country, "region": "", "latitude": str(city.latitude), "longitude": str(city.longitude),
            "population": "", "role": city.role, "michelin_site": "", "member_since": "2017", "representative": "",
            "website": "", "intro": city.intro, "body": streamfield([]), "twinnings": inline_formset([]),
            "offers": inline_formset(offers), "needs": inline_formset([]), "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )  # fmt: skip


def test_a_city_offers_only_its_own_projects(office, network_tree, city, mobility):
    other_city = CityPageFactory(parent=network_tree.city_index, title="Vitoria-Gasteiz")
    theirs = CooperationProjectPageFactory(parent=other_city)
    ours = CooperationProjectPageFactory(parent=city)
    offer = {"theme": mobility.pk, "contribution": "project", "description": "Come and see it.", "project": ""}

    response = office.post(f"/admin/pages/{city.pk}/edit/", city_form(city, [offer | {"project": theirs.pk}]))
    assert response.status_code == 200
    assert "Choose one of this city&#x27;s own projects." in response.content.decode()
    assert not CityOffer.objects.exists()

    response = office.post(f"/admin/pages/{city.pk}/edit/", city_form(city, [offer]))
    assert response.status_code == 200
    assert "Choose the project other cities could replicate." in response.content.decode()

    response = office.post(f"/admin/pages/{city.pk}/edit/", city_form(city, [offer | {"project": ours.pk}]))
    assert response.status_code == 302
    assert [(o.project_id, o.description) for o in CityOffer.objects.all()] == [(ours.pk, "Come and see it.")]


def test_the_project_page_lists_the_partners_sought_while_seeking(client, city, mobility):
    project = CooperationProjectPageFactory(parent=city, themes=[mobility], status="seeking_partners")
    ProjectNeed.objects.create(page=project, partner_kind="company", skills="Hydrogen buses", deadline="2027-06-30")
    html = client.get(project.url).content.decode()
    assert "Partners sought" in html and "A company" in html and "Hydrogen buses" in html
    assert "answer by" in html

    project.status = "ongoing"
    project.save_revision().publish()
    assert "Partners sought" not in client.get(project.url).content.decode()


def test_offers_and_needs_are_offered_to_translators(city, mobility):
    from wagtail_localize.models import TranslationSource

    CityOffer.objects.create(page=city, theme=mobility, contribution="hosting", description="Summer camps.")
    CityNeed.objects.create(page=city, theme=mobility, contribution="company", description="Tyre recycling.")
    project = CooperationProjectPageFactory(parent=city, themes=[mobility], status="seeking_partners")
    ProjectNeed.objects.create(page=project, partner_kind="company", skills="Hydrogen buses")

    strings = set()
    for page in (city, project):
        source, _created = TranslationSource.get_or_create_from_instance(page)
        strings |= {segment.string.data for segment in source.stringsegment_set.select_related("string")}
    assert {"Summer camps.", "Tyre recycling.", "Hydrogen buses"} <= strings
