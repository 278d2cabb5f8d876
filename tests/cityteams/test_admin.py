"""What city teams and the network office meet in the admin, over HTTP."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Collection, Page, PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from citypages.models import CityPage
from citypages.synctree import alias_into_every_locale
from cityteams.models import CityTeam
from tests.citypages.factories import NewsPageFactory
from tests.cityteams.factories import onboarded_city

pytestmark = pytest.mark.django_db
VALID = {
    "english_name": "Querétaro",
    "local_name": "Santiago de Querétaro",
    "country": "MX",
    "language": "en",
    "latitude": "20.58806",
    "longitude": "-100.38806",
    "role": "member",
    "member_since": "2019",
    "intro": "A city of central Mexico.",
}


@pytest.fixture
def cities(network_tree):
    clermont, clermont_team = onboarded_city(network_tree.locales["fr"], title="Clermont-Ferrand", slug="clermont")
    anshan, anshan_team = onboarded_city(
        network_tree.locales["zh-hans"], title="鞍山", slug="anshan", english_name="Anshan"
    )
    return {"clermont": (clermont, clermont_team), "anshan": (anshan, anshan_team)}


def member(client, group, username):
    user = get_user_model().objects.create_user(username, f"{username}@citynet.example", "pw")
    user.groups.add(group)
    client.force_login(user)
    return client


def test_network_office_adds_a_city_from_the_admin(office, network_tree):
    assert office.get("/admin/cities/add/").status_code == 200
    response = office.post("/admin/cities/add/", VALID)
    assert response.status_code == 302
    city = CityPage.objects.get(slug="queretaro", alias_of__isnull=True)
    assert response.url == f"/admin/pages/{city.pk}/edit/"
    assert CityPage.objects.filter(slug="queretaro").count() == len(network_tree.locales)
    assert CityTeam.objects.get(city_key=city.translation_key).moderators.name == "Querétaro - moderators"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"english_name": ""}, "This field is required"),
        ({"country": "XX"}, "Select a valid choice"),
        ({"latitude": "north"}, "Enter a number"),
        ({"latitude": "123"}, "latitude"),
    ],
    ids=["missing name", "unknown country", "latitude not a number", "latitude out of range"],
)
def test_bad_input_in_the_add_city_form_is_refused(office, network_tree, changes, message):
    before = Page.objects.count()
    response = office.post("/admin/cities/add/", VALID | changes)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Page.objects.count() == before


def test_adding_the_same_city_twice_is_refused(office, network_tree):
    office.post("/admin/cities/add/", VALID)
    before = Page.objects.count()
    response = office.post("/admin/cities/add/", VALID)
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert Page.objects.count() == before


def test_a_city_added_in_the_page_editor_gets_its_team(office, network_tree):
    form = nested_form_data(
        {
            "title": "Olsztyn", "slug": "olsztyn", "local_name": "Olsztyn", "english_name": "Olsztyn",
            "country": "PL", "region": "", "latitude": "53.77995", "longitude": "20.49416", "population": "",
            "role": "member", "michelin_site": "plant", "member_since": "2017", "representative": "", "website": "",
            "intro": "A city of Warmia.", "body": streamfield([]), "twinnings": inline_formset([]),
            "offers": inline_formset([]), "needs": inline_formset([]), "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )  # fmt: skip
    response = office.post(f"/admin/pages/add/citypages/citypage/{network_tree.city_index.pk}/", form)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    city = CityPage.objects.get(slug="olsztyn", alias_of__isnull=True)
    team = CityTeam.objects.get(city_key=city.translation_key)
    assert team.communicators.name == "Olsztyn - communicators"
    assert city.collection == team.collection


def test_city_teams_cannot_open_the_network_offices_screens(client, cities):
    _clermont, team = cities["clermont"]
    moderator = member(client, team.moderators, "modo")
    for url in ("/admin/cities/add/", "/admin/reports/history-by-city/", "/admin/users/", "/admin/groups/"):
        response = moderator.get(url)
        assert response.status_code in (302, 403) and not (response.status_code == 302 and "login" in response.url)


def test_moderators_cannot_delete_move_or_unpublish_their_city_page(client, office, cities):
    clermont, team = cities["clermont"]
    for copy in CityPage.objects.filter(translation_key=clermont.translation_key):
        assert office.get(f"/admin/pages/{copy.pk}/delete/").status_code == 200
    moderator = member(client, team.moderators, "modo")
    for copy in CityPage.objects.filter(translation_key=clermont.translation_key):
        assert moderator.get(f"/admin/pages/{copy.pk}/edit/").status_code == 200
        for action in ("delete/", "move/", "unpublish/"):
            assert moderator.get(f"/admin/pages/{copy.pk}/{action}").status_code in (302, 403)
    assert CityPage.objects.filter(translation_key=clermont.translation_key, live=True).count() == 4


def test_my_city_panel_shows_drafts_moderation_and_missing_translations(client, cities):
    clermont, team = cities["clermont"]
    draft = NewsPageFactory(parent=clermont, title="Brouillon de printemps", slug="brouillon", live=False)
    draft.save_revision()
    submitted = NewsPageFactory(parent=clermont, title="Fête du vélo", slug="fete-du-velo")
    alias_into_every_locale(submitted)
    other = NewsPageFactory(parent=cities["anshan"][0], title="鞍山草稿", slug="caogao", live=False)
    other.save_revision()

    communicator = member(client, team.communicators, "comm")
    author = get_user_model().objects.get(username="comm")
    submitted.save_revision(user=author)
    team.workflow.start(submitted, author)

    html = communicator.get("/admin/").content.decode()
    assert "My city: Clermont-Ferrand" in html
    panel = html[html.index('id="my-city-') :]
    assert "Brouillon de printemps" in panel and "鞍山草稿" not in panel
    assert "Fête du vélo" in panel[panel.index("my-city-moderation") :]
    # Awaiting moderation, so not listed among the drafts as well.
    assert panel[: panel.index("</section>")].count("Fête du vélo") == 1
    assert "pages not translated" in panel and "?city=" in panel


def test_the_submit_button_speaks_the_editors_language_without_english_inside(client, cities):
    clermont, team = cities["clermont"]
    news = NewsPageFactory(parent=clermont, title="Fête du vélo", slug="fete-du-velo")
    communicator = member(client, team.communicators, "comm")
    profile = UserProfile.get_for_user(get_user_model().objects.get(username="comm"))
    profile.preferred_language = "fr"
    profile.save()
    html = communicator.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    assert "Soumettre à Clermont-Ferrand" in html and "moderation" not in html.lower().split("<body", 1)[1]


def test_network_office_filters_the_history_by_city(office, cities):
    clermont, clermont_team = cities["clermont"]
    anshan, anshan_team = cities["anshan"]
    for city, title in ((clermont, "Nouvelles de Clermont"), (anshan, "鞍山新闻")):
        news = NewsPageFactory(parent=city, title=title, slug=f"news-{city.slug}")
        PageLogEntry.objects.log_action(news, "wagtail.publish")
    html = office.get(f"/admin/reports/history-by-city/?city={clermont_team.pk}").content.decode()
    assert "Nouvelles de Clermont" in html and "鞍山新闻" not in html
    html = office.get(f"/admin/reports/history-by-city/?city={anshan_team.pk}").content.decode()
    assert "鞍山新闻" in html and "Nouvelles de Clermont" not in html
    html = office.get("/admin/reports/history-by-city/").content.decode()
    assert "鞍山新闻" in html and "Nouvelles de Clermont" in html


def test_a_page_moved_to_another_city_changes_hands(client, office, cities):
    clermont, clermont_team = cities["clermont"]
    anshan, anshan_team = cities["anshan"]
    news = NewsPageFactory(parent=clermont, title="Échange d'étudiants", slug="echange")
    anshan_in_french = anshan.get_translation(clermont.locale)  # pages move within their language's tree
    response = office.post(f"/admin/pages/{news.pk}/move/{anshan_in_french.pk}/confirm/")
    assert response.status_code == 302
    news.refresh_from_db()
    assert news.get_parent().pk == anshan_in_french.pk
    clermont_member = member(client, clermont_team.communicators, "clermont-comm")
    assert clermont_member.get(f"/admin/pages/{news.pk}/edit/").status_code in (302, 403)
    anshan_member = member(client, anshan_team.communicators, "anshan-comm")
    assert anshan_member.get(f"/admin/pages/{news.pk}/edit/").status_code == 200


def test_deleting_a_city_retires_its_team_but_keeps_its_media(office, cities):
    clermont, team = cities["clermont"]
    for copy in CityPage.objects.filter(translation_key=clermont.translation_key).order_by("-pk"):
        copy.delete()
    assert not CityTeam.objects.filter(pk=team.pk).exists()
    assert not Group.objects.filter(name__startswith="Clermont-Ferrand - ").exists()
    assert Collection.objects.filter(pk=team.collection_id).exists()


def test_communicators_link_to_other_cities_without_editing_them(client, cities):
    _clermont, team = cities["clermont"]
    anshan, _anshan_team = cities["anshan"]
    communicator = member(client, team.communicators, "comm")
    html = communicator.get(f"/admin/choose-page/{anshan.get_parent().pk}/").json()["html"]
    assert "鞍山" in html  # offered in the page chooser, for partner and twin cities
    assert communicator.get(f"/admin/pages/{anshan.pk}/edit/").status_code in (302, 403)
