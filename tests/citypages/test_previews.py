"""Previews: Wagtail shows a page from its revision, with its child objects in memory rather than in the database;
the page and what it links to must render all the same."""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from citypages.models import NewsRelatedCity, ProjectPartnerCity
from tests.citypages.factories import CityPageFactory, CooperationProjectPageFactory, NewsPageFactory, ThemeFactory
from tests.commitments.factories import DeclarationIndexPageFactory, DeclarationPageFactory, serve

pytestmark = pytest.mark.django_db


def preview(page):
    """What the editor's preview panel shows for the page's latest revision."""
    in_memory = page.get_latest_revision().as_object()
    request = RequestFactory().get(page.url, HTTP_HOST="localhost")
    request.user, _created = get_user_model().objects.get_or_create(username="editor", is_superuser=True)
    response = in_memory.serve_preview(request, in_memory.default_preview_mode)
    response.render()
    return response


def test_previews_show_partners_signatories_and_commitments(network_tree):
    clermont = CityPageFactory(parent=network_tree.city_index, title="Clermont", slug="clermont")
    braga = CityPageFactory(parent=network_tree.city_index, title="Braga", slug="braga")
    declaration = DeclarationPageFactory(
        parent=DeclarationIndexPageFactory(parent=network_tree.home),
        commitments=["Zero-emission public transport"],
        signatories=[clermont, braga],
    )
    declaration.save_revision()
    project = CooperationProjectPageFactory(parent=clermont, title="Electric buses", themes=[ThemeFactory(name="Air")])
    ProjectPartnerCity.objects.create(page=project, city=braga, sort_order=0)
    serve(project, declaration.commitments.first())
    news = NewsPageFactory(parent=clermont, title="Buses arrive")
    NewsRelatedCity.objects.create(page=news, city=braga, sort_order=0)
    news.save_revision()

    html = preview(project).content.decode()
    assert "Braga" in html and "Air" in html and "Zero-emission public transport" in html
    html = preview(declaration).content.decode()
    assert "Clermont" in html and "Braga" in html and "Electric buses" in html
    assert "Braga" in preview(news).content.decode()
