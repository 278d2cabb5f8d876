"""The network office's face on every page: the site's name, the About section and its menu entry, the footer's
contact, legal and social links, breadcrumbs, the icon; who may edit the office's pages."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Site

from citypages.synctree import alias_into_every_locale
from demo.localized import translate
from home.models import NetworkSettings
from tests.citypages.factories import CityPageFactory, NewsPageFactory
from tests.cityteams.factories import onboarded_city
from tests.home.factories import NetworkPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_pages(network_tree):
    home = network_tree.home
    about = NetworkPageFactory(parent=home, title="About the network", slug="about")
    history = NetworkPageFactory(parent=about, title="History", slug="history")
    legal = NetworkPageFactory(parent=home, title="Legal notice", slug="legal-notice")
    privacy = NetworkPageFactory(parent=home, title="Privacy", slug="privacy")
    french = network_tree.locales["fr"]
    translate(about, french, {"title": ["À propos du réseau"], "slug": ["a-propos"], "intro": [""]})
    translate(legal, french, {"title": ["Mentions légales"], "slug": ["mentions-legales"], "intro": [""]})
    for page in (about, history, legal, privacy):
        alias_into_every_locale(page)
    site = Site.objects.get(is_default_site=True)
    NetworkSettings.objects.create(
        site=site,
        office_name="CityNet network office",
        office_address="c/o City of Clermont-Ferrand\n63000 Clermont-Ferrand",
        office_email="office@citynet.example",
        office_phone="+33 4 73 00 00 00",
        about_page=about,
        legal_notice_page=legal,
        privacy_page=privacy,
        mastodon_url="https://mastodon.example/@citynet",
    )
    return {"about": about, "history": history, "site": site}


def footer_of(html):
    return html[html.index('<footer class="site-footer">') :]


def test_footer_gives_the_office_contact_legal_pages_and_social_links_in_the_readers_language(client, office_pages):
    footer = footer_of(client.get("/fr/").content.decode())
    assert "<strong>CityNet network office</strong>" in footer and "c/o City of Clermont-Ferrand<br>" in footer
    assert 'href="mailto:office@citynet.example"' in footer and 'href="tel:+33473000000"' in footer
    assert '<a href="/fr/a-propos/">À propos du réseau</a>' in footer
    assert '<a href="/fr/mentions-legales/">Mentions légales</a>' in footer
    assert '<a href="/fr/privacy/">Privacy</a>' in footer  # not translated yet: the English page's French alias
    assert '<a href="https://mastodon.example/@citynet" rel="me noopener">Mastodon</a>' in footer


def test_footer_leaves_out_what_the_office_has_not_filled_in(client, network_tree):
    footer = footer_of(client.get("/en/").content.decode())
    assert "Network office" not in footer and "Follow the network" not in footer and "mailto:" not in footer
    assert 'href="/en/news/"' in footer  # the network's own listings are always linked


def test_the_office_settings_change_every_cached_page_at_once(office_pages):
    visitor = Client()
    assert "office@citynet.example" in visitor.get("/en/news/").content.decode()
    assert visitor.get("/en/news/").get("X-Page-Cache") == "hit"
    settings = NetworkSettings.objects.get()
    settings.office_email = "bureau@citynet.example"
    settings.save()
    html = visitor.get("/en/news/").content.decode()
    assert "bureau@citynet.example" in html and "office@citynet.example" not in html


def test_site_name_comes_from_wagtails_site_settings_never_the_host_name(client, office_pages):
    site = office_pages["site"]
    assert site.hostname == "localhost"
    html = client.get("/en/about/").content.decode()
    assert "<title>About the network · CityNet</title>" in html  # no name set yet: the network's own
    site.site_name = "Réseau des villes"
    site.save()
    html = client.get("/en/about/").content.decode()
    assert "<title>About the network · Réseau des villes</title>" in html
    assert '<span class="brand__name">Réseau des villes' in html
    assert '<meta property="og:site_name" content="Réseau des villes">' in html


def test_about_is_in_the_menu_and_marks_its_whole_section(client, office_pages):
    html = client.get("/en/about/history/").content.decode()
    assert '<a href="/en/about/" aria-current="true">About</a>' in html
    section_menu = html[html.index('class="facts section-menu"') :]
    assert '<a href="/en/about/history/" aria-current="page">History</a>' in section_menu
    assert '<a href="/en/about/">About the network</a>' in section_menu  # the section's top page heads it


def test_breadcrumbs_show_where_a_page_sits(client, office_pages, network_tree):
    html = client.get("/en/about/history/").content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs wrap".*?</nav>', html, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', crumbs) == [
        ("/en/", "Home"),
        ("/en/about/", "About the network"),
    ]
    assert '<li aria-current="page">History</li>' in crumbs
    city = CityPageFactory(parent=network_tree.city_index, title="Clermont-Ferrand", slug="clermont-ferrand")
    news = NewsPageFactory(parent=city, title="Solar roofs", slug="solar")
    crumbs = re.search(r'<nav class="breadcrumbs wrap".*?</nav>', client.get(news.url).content.decode(), re.S).group(0)
    assert [title for _url, title in re.findall(r'<a href="([^"]+)">([^<]+)</a>', crumbs)] == [
        "Home",
        "Member cities",
        "Clermont-Ferrand",
    ]
    assert "breadcrumbs" not in client.get("/en/").content.decode().split("<main", 1)[1]  # none on the home page


def test_routes_of_the_home_page_have_their_own_crumb(client, network_tree):
    html = client.get("/fr/news/").content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs wrap".*?</nav>', html, re.S).group(0)
    assert 'href="/fr/"' in crumbs and '<li aria-current="page">' in crumbs


def test_favicon_is_the_networks_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"].endswith(".ico")
    assert "max-age=86400" in response["Cache-Control"]
    html = client.get("/en/search/").content.decode()
    assert 'rel="icon" href="/static/img/favicon.svg"' in html


def test_a_city_team_cannot_edit_the_offices_pages(client, office_pages, network_tree):
    _city, team = onboarded_city(network_tree.locales["fr"], title="Clermont-Ferrand", slug="clermont")
    user = get_user_model().objects.create_user("comm", "comm@citynet.example", "pw")
    user.groups.add(team.communicators)
    client.force_login(user)
    about = office_pages["about"]
    assert client.get(f"/admin/pages/{about.pk}/edit/").status_code in (302, 403)
    assert client.post(f"/admin/pages/{about.pk}/edit/", {"title": "Hacked"}).status_code in (302, 403)
    about.refresh_from_db()
    assert about.title == "About the network"


def test_the_office_edits_its_settings_in_the_admin(office, office_pages):
    site = office_pages["site"]
    response = office.get(f"/admin/settings/home/networksettings/{site.pk}/")
    assert response.status_code == 200 and "office@citynet.example" in response.content.decode()
