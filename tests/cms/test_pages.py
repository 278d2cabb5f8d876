"""Every page type stands on ``CityNetPage``, so the rules for all pages hold for a page type added tomorrow."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, get_page_models

from cms.pages import CityNetPage
from cms.tree import CITY_PAGE_DEPTH, city_path_of
from tests.citypages.factories import CityPageFactory, CooperationProjectPageFactory, NewsPageFactory
from translations.models import TranslatorTeam
from translations.permissions import TranslatorAwarePagePermissionTester

SITE_PAGE_MODELS = [model for model in get_page_models() if model is not Page]


def test_the_site_has_its_page_types():
    names = {model._meta.label for model in SITE_PAGE_MODELS}
    assert {"home.HomePage", "citypages.CityPage", "citypages.CooperationProjectPage"} <= names
    assert len(SITE_PAGE_MODELS) >= 9


@pytest.mark.parametrize("model", SITE_PAGE_MODELS, ids=lambda model: model._meta.label)
def test_every_page_type_inherits_the_base_page(model):
    assert issubclass(model, CityNetPage), (
        f"{model._meta.label} must inherit cms.pages.CityNetPage: without it translators get full rights on it"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("model", SITE_PAGE_MODELS, ids=lambda model: model._meta.label)
def test_a_translator_cannot_delete_or_unpublish_a_page_of_any_type(model, network_tree):
    """The rule the base page carries, checked on a page of each type placed in the French tree."""
    french_home = network_tree.home.get_translation(network_tree.locales["fr"])
    translator = get_user_model().objects.create_user("traductrice", "t@citynet.example", "pw")
    translator.groups.add(TranslatorTeam.objects.get(locale=network_tree.locales["fr"]).group)
    page = model(title="Page", path=french_home.path + "0001", depth=french_home.depth + 1, live=True)

    tester = page.permissions_for_user(translator)

    assert isinstance(tester, TranslatorAwarePagePermissionTester)
    assert tester.translator_only
    assert not tester.can_delete()
    assert not tester.can_unpublish()
    assert not tester.can_copy()


@pytest.mark.django_db
def test_a_page_knows_the_city_whose_section_holds_it(network_tree):
    city = CityPageFactory(parent=network_tree.city_index, title="Clermont-Ferrand")
    project = CooperationProjectPageFactory(parent=city)
    news = NewsPageFactory(parent=city)

    assert city.depth == CITY_PAGE_DEPTH
    assert city.city_section_path == project.city_section_path == news.city_section_path == city.path
    assert city_path_of(project.path) == city.path
    assert city.is_in_city_section and project.is_in_city_section
    assert not network_tree.home.is_in_city_section and network_tree.home.city_section_path is None
    assert network_tree.city_index.city_section_path is None
