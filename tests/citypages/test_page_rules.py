"""Each page type can only be created where it belongs, in the model and in the admin."""

import pytest
from django.contrib.auth import get_user_model

from citypages.models import CityIndexPage, CityPage, CooperationProjectPage, EventPage, NewsPage
from commitments.models import DeclarationIndexPage, DeclarationPage
from home.models import HomePage, NetworkPage
from tests.citypages.factories import CityPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("parent_model", "allowed"),
    [
        (HomePage, {CityIndexPage, DeclarationIndexPage, NetworkPage}),
        (NetworkPage, {NetworkPage}),
        (DeclarationIndexPage, {DeclarationPage}),
        (DeclarationPage, set()),
        (CityIndexPage, {CityPage}),
        (CityPage, {CooperationProjectPage, NewsPage, EventPage}),
        (CooperationProjectPage, set()),
        (NewsPage, set()),
        (EventPage, set()),
    ],
)
def test_allowed_children(parent_model, allowed):
    assert set(parent_model.allowed_subpage_models()) == allowed


def test_a_city_index_only_once_per_home(network_tree):
    assert not CityIndexPage.can_create_at(network_tree.home)


def test_news_cannot_be_created_directly_under_the_home(network_tree):
    assert not NewsPage.can_create_at(network_tree.home)
    assert not CooperationProjectPage.can_create_at(network_tree.city_index)


def test_admin_refuses_a_project_under_the_city_index(network_tree, client):
    admin = get_user_model().objects.create_superuser("root", "root@citynet.example", "pw")
    client.force_login(admin)
    url = f"/admin/pages/add/citypages/cooperationprojectpage/{network_tree.city_index.pk}/"
    response = client.get(url, follow=True)
    assert response.redirect_chain[0] == ("/admin/", 302)
    assert "permission" in response.content.decode()
    client.post(url, {"title": "Misplaced", "slug": "misplaced", "summary": "x", "action-publish": "1"})
    assert not CooperationProjectPage.objects.filter(slug="misplaced").exists()


def test_admin_offers_the_city_section_types_under_a_city(network_tree, client):
    city = CityPageFactory(parent=network_tree.city_index)
    admin = get_user_model().objects.create_superuser("root", "root@citynet.example", "pw")
    client.force_login(admin)
    response = client.get(f"/admin/pages/{city.pk}/add_subpage/")
    assert response.status_code == 200
    for path in ("cooperationprojectpage", "newspage", "eventpage"):
        assert f"/admin/pages/add/citypages/{path}/{city.pk}/" in response.content.decode()
    assert client.get(f"/admin/pages/add/citypages/cooperationprojectpage/{city.pk}/").status_code == 200
