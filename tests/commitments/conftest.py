"""A small network with one declaration: three cities, two of which signed, each with projects."""

from dataclasses import dataclass

import pytest

from tests.citypages.factories import CityPageFactory, CooperationProjectPageFactory, ThemeFactory

from .factories import DeclarationIndexPageFactory, DeclarationPageFactory


@dataclass
class DeclarationWorld:
    tree: object
    index: object
    declaration: object
    clermont: object
    queretaro: object
    lyon: object
    theme: object

    @property
    def transport(self):
        return self.declaration.commitments.all()[0]

    @property
    def energy(self):
        return self.declaration.commitments.all()[1]

    @property
    def food(self):
        return self.declaration.commitments.all()[2]


@pytest.fixture
def world(network_tree):
    cities = {
        name: CityPageFactory(parent=network_tree.city_index, title=name, slug=name.lower())
        for name in ("Clermont", "Queretaro", "Lyon")
    }
    index = DeclarationIndexPageFactory(parent=network_tree.home)
    declaration = DeclarationPageFactory(
        parent=index,
        title="Querétaro Declaration",
        slug="queretaro-declaration",
        commitments=["Zero-emission public transport", "Local renewable energy", "Sustainable food"],
        signatories=[cities["Queretaro"], cities["Clermont"]],
    )
    return DeclarationWorld(
        tree=network_tree,
        index=index,
        declaration=declaration,
        clermont=cities["Clermont"],
        queretaro=cities["Queretaro"],
        lyon=cities["Lyon"],
        theme=ThemeFactory(name="Mobility", slug="mobility"),
    )


@pytest.fixture
def project_of(world):
    def make(city, title, **fields):
        return CooperationProjectPageFactory(parent=city, title=title, themes=[world.theme], **fields)

    return make
