"""A project's lineage: the conference or declaration it came from, the project it is based on, the cities that
reused it; and the editor's warning while its status awaits confirmation."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from citypages.synctree import alias_into_every_locale
from tests.citypages.admin_data import project_form
from tests.citypages.factories import CityPageFactory, CooperationProjectPageFactory, ThemeFactory
from tests.commitments.factories import DeclarationIndexPageFactory, DeclarationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cities(network_tree):
    return {
        name: CityPageFactory(parent=network_tree.city_index, title=name, slug=name.lower())
        for name in ("Clermont", "Braga", "Anshan")
    }


def test_the_project_page_shows_where_it_came_from_and_who_reused_it(client, network_tree, cities):
    declaration = DeclarationPageFactory(
        parent=DeclarationIndexPageFactory(parent=network_tree.home), title="Querétaro Declaration"
    )
    original = CooperationProjectPageFactory(
        parent=cities["Clermont"], title="Artist residencies", origin="declaration", origin_declaration=declaration
    )
    for city in ("Braga", "Anshan"):
        CooperationProjectPageFactory(parent=cities[city], title=f"Residencies in {city}", based_on=original)

    html = client.get(original.url).content.decode()

    assert "Declaration" in html and f'href="{declaration.url}"' in html and "Querétaro Declaration" in html
    reused = html[html.index("Reused by") :]
    assert reused.index("Anshan") < reused.index("Braga")  # by city
    assert "Residencies in Braga" in reused and "Residencies in Anshan" in reused

    copy = CooperationProjectPageFactory._meta.model.objects.get(title="Residencies in Braga")
    html = client.get(copy.url).content.decode()
    based_on = html[html.index("Based on") :]
    assert "Artist residencies" in based_on and "Clermont" in based_on and f'href="{original.url}"' in based_on


def test_lineage_is_shown_in_the_readers_language_tree(client, network_tree, cities):
    original = CooperationProjectPageFactory(parent=cities["Clermont"], title="Artist residencies")
    reuse = CooperationProjectPageFactory(parent=cities["Braga"], title="Residencies in Braga", based_on=original)
    for page in (cities["Clermont"], cities["Braga"], original, reuse):
        alias_into_every_locale(page)
    french_reuse = reuse.get_translation(network_tree.locales["fr"])
    french_original = original.get_translation(network_tree.locales["fr"])

    html = client.get(french_reuse.url).content.decode()

    assert f'href="{french_original.url}"' in html and f'href="{original.url}"' not in html
    assert f'href="{french_reuse.url}"' in client.get(french_original.url).content.decode()


def test_a_project_from_a_declaration_names_it(office, cities):
    theme = ThemeFactory()
    project = CooperationProjectPageFactory(parent=cities["Clermont"], themes=[theme])

    response = office.post(f"/admin/pages/{project.pk}/edit/", project_form(project, theme, origin="declaration"))

    assert response.status_code == 200
    assert "Choose the declaration the project comes from." in response.content.decode()


def test_a_project_is_based_on_another_citys_project(office, cities):
    theme = ThemeFactory()
    own = CooperationProjectPageFactory(parent=cities["Clermont"], themes=[theme])
    project = CooperationProjectPageFactory(parent=cities["Clermont"], themes=[theme])
    theirs = CooperationProjectPageFactory(parent=cities["Braga"], themes=[theme])
    url = f"/admin/pages/{project.pk}/edit/"

    for based_on in (own, project):  # its own city's, or itself
        response = office.post(url, project_form(project, theme, based_on=based_on.pk))
        assert response.status_code == 200
        assert "Choose a project led by another city" in response.content.decode()

    assert office.post(url, project_form(project, theme, based_on=theirs.pk)).status_code == 302
    project.refresh_from_db()
    assert project.based_on_id == theirs.pk


def test_a_project_cannot_be_based_on_itself(cities):
    project = CooperationProjectPageFactory(parent=cities["Clermont"])
    project.based_on = project
    with pytest.raises(ValidationError, match="cannot be based on itself"):
        project.clean()


def test_the_editor_warns_while_an_ongoing_project_is_past_its_end_date(office, cities):
    overdue = CooperationProjectPageFactory(parent=cities["Clermont"], end_date=datetime.date(2024, 6, 30))
    current = CooperationProjectPageFactory(parent=cities["Clermont"], end_date=datetime.date(2099, 6, 30))

    html = office.get(f"/admin/pages/{overdue.pk}/edit/").content.decode()
    assert "lifecycle-notice" in html and "the public sees it as “to be confirmed”" in html
    assert "lifecycle-notice" not in office.get(f"/admin/pages/{current.pk}/edit/").content.decode()
