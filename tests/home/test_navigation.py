"""The main menu marks where the visitor is: the page itself, or the section it is in (issue 17)."""

import re

import pytest

from tests.citypages.factories import CityPageFactory
from tests.commitments.factories import DeclarationIndexPageFactory, DeclarationPageFactory

pytestmark = pytest.mark.django_db


def marked(client, url):
    """{menu entry: its aria-current} for the entries marked on ``url``."""
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    menu = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
    return {label: current for current, label in re.findall(r'<a href="[^"]*" aria-current="(\w+)">([^<]+)</a>', menu)}


def test_the_home_page_is_marked_only_on_itself(client, network_tree):
    assert marked(client, "/en/") == {"Home": "page"}


def test_the_home_pages_routes_mark_their_own_entry_not_home(client, network_tree):
    assert marked(client, "/en/conferences/") == {"Conferences": "page"}
    assert marked(client, "/en/partners/") == {"Find partners": "page"}


def test_a_page_inside_a_section_marks_the_section(client, network_tree):
    CityPageFactory(parent=network_tree.city_index, title="Clermont-Ferrand", slug="clermont-ferrand")
    assert marked(client, "/en/cities/") == {"Member cities": "page"}
    assert marked(client, "/en/cities/clermont-ferrand/") == {"Member cities": "true"}
    declarations = DeclarationIndexPageFactory(parent=network_tree.home)
    DeclarationPageFactory(parent=declarations, title="Querétaro Declaration", slug="queretaro")
    assert marked(client, declarations.url + "queretaro/") == {"Declarations": "true"}


def test_search_is_marked_in_the_visitors_language(client, network_tree):
    assert marked(client, "/fr/search/?q=mobilit%C3%A9") == {"Rechercher": "page"}


def test_the_menu_button_waits_for_its_script_and_names_what_it_opens(client, network_tree):
    html = client.get("/fr/").content.decode()
    button = '<button type="button" class="menu-button" aria-expanded="true" aria-controls="site-menu" hidden>Menu'
    assert button in html  # hidden, and the menu shown, until js/site-header.js folds it on a narrow screen
    assert '<div class="site-menu" id="site-menu">' in html
    assert '<script src="/static/js/site-header.js" defer></script>' in html
