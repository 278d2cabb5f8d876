"""A small network whose pages visitors read from the page cache while editors change it."""

from dataclasses import dataclass

import pytest
from django.test import Client
from wagtail.models import Page

from citypages.models import Organisation, ProjectPartnerOrganisation, Theme
from tests.citypages.factories import (
    CityPageFactory,
    CooperationProjectPageFactory,
    NewsPageFactory,
    OrganisationFactory,
    ThemeFactory,
)
from tests.commitments.factories import DeclarationIndexPageFactory, DeclarationPageFactory
from tests.conftest import build_network_tree, module_world


@dataclass
class CachedNetwork:
    tree: object
    clermont: object
    anshan: object
    project: object
    news: object
    theme: object
    organisation: object
    declaration: object


def build_network():
    network_tree = build_network_tree()
    theme = ThemeFactory(name="Mobility", slug="mobility")
    clermont = CityPageFactory(parent=network_tree.city_index, title="Clermont-Ferrand", slug="clermont-ferrand")
    anshan = CityPageFactory(parent=network_tree.city_index, title="Anshan", slug="anshan", country="CN")
    organisation = OrganisationFactory(name="University of Clermont", city=clermont)
    project = CooperationProjectPageFactory(
        parent=clermont, title="Electric buses", slug="electric-buses", themes=[theme], end_date=None
    )
    ProjectPartnerOrganisation.objects.create(page=project, organisation=organisation)
    news = NewsPageFactory(parent=clermont, title="Buses arrive", slug="buses-arrive")
    index = DeclarationIndexPageFactory(parent=network_tree.home)
    declaration = DeclarationPageFactory(
        parent=index,
        title="Querétaro Declaration",
        slug="queretaro",
        commitments=["Zero-emission public transport"],
        signatories=[clermont],
    )
    return CachedNetwork(network_tree, clermont, anshan, project, news, theme, organisation, declaration)


network_world = module_world(build_network)


@pytest.fixture
def network(db, network_world):
    """The module's network, with fresh instances: a test that edits one leaves nothing to the next."""
    world = network_world

    def fresh(page):
        return Page.objects.get(pk=page.pk).specific

    return CachedNetwork(
        tree=world.tree,
        clermont=fresh(world.clermont),
        anshan=fresh(world.anshan),
        project=fresh(world.project),
        news=fresh(world.news),
        theme=Theme.objects.get(pk=world.theme.pk),
        organisation=Organisation.objects.get(pk=world.organisation.pk),
        declaration=fresh(world.declaration),
    )


@pytest.fixture
def visitor():
    """A browser without a session: the visitor the page cache serves."""
    return Client()


def read(visitor, url, **headers):
    """GET ``url`` as the visitor; returns (HTML, whether it came from the page cache)."""
    response = visitor.get(url, headers=headers)
    return response.content.decode(), response.get("X-Page-Cache") == "hit"


def cached(visitor, url):
    """Read ``url`` until it is served from the cache (the first read stores it); returns its HTML."""
    html, _hit = read(visitor, url)
    again, hit = read(visitor, url)
    assert hit and again == html, f"{url} is not served from the page cache"
    return html
