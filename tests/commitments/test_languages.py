"""Declarations in every language tree: translated through wagtail-localize, else shown in the original with
the same totals, and commitments named in the reader's language wherever they appear."""

import pytest
from django.conf import settings
from wagtail.models import Page

from citypages.synctree import alias_into_every_locale
from commitments.tracker import declaration_progress
from demo.localized import translate
from tests.citypages.factories import CityPageFactory, CooperationProjectPageFactory, ThemeFactory
from tests.conftest import build_network_tree, module_world

from .factories import DeclarationIndexPageFactory, DeclarationPageFactory, serve

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
FRENCH_COMMITMENTS = [
    {"title": "Transports publics à zéro émission", "description": "Des bus propres."},
    {"title": "Énergie renouvelable locale", "description": "Du solaire sur les écoles."},
]


def build_everywhere():
    """A declaration signed by one city with one project, aliased into all 11 language trees, translated into
    French."""
    tree = build_network_tree(codes=OTHER_LANGUAGES)
    city = CityPageFactory(parent=tree.city_index, title="Clermont", slug="clermont")
    index = DeclarationIndexPageFactory(parent=tree.home)
    declaration = DeclarationPageFactory(
        parent=index,
        title="Querétaro Declaration",
        slug="queretaro",
        commitments=["Zero-emission public transport", "Local renewable energy"],
        signatories=[city],
    )
    project = CooperationProjectPageFactory(parent=city, title="Electric buses", themes=[ThemeFactory()])
    serve(project, *declaration.commitments.all())
    for page in (city, index, declaration, project):
        alias_into_every_locale(page)
    french = tree.locales["fr"]
    translate(index, french, {"title": ["Déclarations"], "intro": ["Les engagements des villes."]})
    translate(
        declaration,
        french,
        {"title": ["Déclaration de Querétaro"], "summary": ["Les villes s’engagent."], "place": ["Querétaro"]},
        {"commitments": FRENCH_COMMITMENTS},
    )
    return tree, declaration, project


everywhere_world = module_world(build_everywhere)


@pytest.fixture
def everywhere(db, everywhere_world):
    tree, declaration, project = everywhere_world
    # Fresh instances: a test that edits one must not leave its in-memory changes to the next.
    return tree, Page.objects.get(pk=declaration.pk).specific, Page.objects.get(pk=project.pk).specific


def test_every_language_tree_shows_the_declaration_with_the_same_totals(client, everywhere):
    tree, declaration, _project = everywhere
    for code in OTHER_LANGUAGES:
        copy = declaration.get_translation(tree.locales[code])
        response = client.get(copy.url)
        assert response.status_code == 200, code
        progress = declaration_progress(copy)
        assert [row.total for row in progress.commitments] == [1, 1], code
        assert [row.city.locale_id for row in progress.signatories] == [copy.locale_id], code
        html = response.content.decode()
        assert "Electric buses" in html, code
        if code == "fr":
            assert '<aside class="notice" role="note">' not in html
        else:  # an alias: the original's text, said so
            assert "Zero-emission public transport" in html, code
            assert '<aside class="notice" role="note">' in html, code


def test_the_translated_declaration_names_its_commitments_in_french(client, everywhere):
    tree, declaration, project = everywhere
    french_declaration = declaration.get_translation(tree.locales["fr"])

    html = client.get(french_declaration.url).content.decode()

    assert "Déclaration de Querétaro" in html
    assert "Transports publics à zéro émission" in html and "Zero-emission public transport" not in html
    project_html = client.get(project.get_translation(tree.locales["fr"]).url).content.decode()
    section = project_html[project_html.index('id="project-commitments-heading"') :]
    assert "Transports publics à zéro émission" in section and "Énergie renouvelable locale" in section
    assert french_declaration.url in section


def test_a_translation_keeps_the_project_links_after_the_original_is_published_again(client, everywhere):
    tree, declaration, _project = everywhere
    declaration.summary = "Updated summary."
    declaration.save_revision().publish()  # aliases are rebuilt, with new commitment rows

    for code in ("fr", "zh-hans", "th"):
        copy = declaration.get_translation(tree.locales[code])
        assert [row.total for row in declaration_progress(copy).commitments] == [1, 1], code


def test_the_index_and_the_navigation_exist_in_every_language(client, everywhere):
    tree, declaration, _project = everywhere
    index = declaration.get_parent()
    for code in ["en", *OTHER_LANGUAGES]:
        copy = index.get_translation(tree.locales[code]) if code != "en" else index
        html = client.get(copy.url).content.decode()
        assert f'href="{copy.url}" aria-current="page"' in html, code  # the main navigation's entry
