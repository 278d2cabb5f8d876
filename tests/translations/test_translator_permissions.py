"""Translators translate into their own language only: checked over HTTP against the admin views."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail_localize.models import Translation

from citypages.synctree import alias_into_every_locale
from tests.citypages.factories import CityPageFactory, NewsPageFactory
from translations.models import TranslatorTeam

pytestmark = pytest.mark.django_db


@pytest.fixture
def anshan(network_tree):
    """Anshan written in Chinese, with a Chinese news item and, in the French tree, a news item written in French."""
    city = CityPageFactory(parent=network_tree.index_in("zh-hans"), title="鞍山", slug="anshan", english_name="Anshan")
    alias_into_every_locale(city)
    chinese_news = NewsPageFactory(parent=city, title="绿色校园", slug="green-campus", summary="校园植树活动。")
    alias_into_every_locale(chinese_news)
    french_city = city.get_translation(network_tree.locales["fr"])
    french_news = NewsPageFactory(parent=french_city, title="Jumelage", slug="jumelage", summary="Une visite.")
    alias_into_every_locale(french_news)
    return {"chinese_news": chinese_news, "french_news": french_news}


def translator(client, locale, username):
    user = get_user_model().objects.create_user(username, f"{username}@citynet.example", "pw")
    user.groups.add(TranslatorTeam.objects.get(locale=locale).group)
    client.force_login(user)
    return client


@pytest.fixture
def french_translator(client, network_tree):
    return translator(client, network_tree.locales["fr"], "traductrice")


def start_french_translation(client, page, french, callbacks):
    with callbacks(execute=True):
        response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [french.pk]})
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=french)


def denied(response):
    """Wagtail answers a refused admin action with 403, or a redirect to the dashboard with an error."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == "/admin/")


def test_every_locale_has_a_team_named_after_its_language(network_tree):
    names = set(Group.objects.filter(translator_team__isnull=False).values_list("name", flat=True))
    assert {"Translators - English", "Translators - Français", "Translators - 中文", "Translators - ไทย"} <= names


def test_translator_translates_and_publishes_into_their_language(
    french_translator, client, anshan, network_tree, django_capture_on_commit_callbacks
):
    french = network_tree.locales["fr"]
    alias = anshan["chinese_news"].get_translation(french)
    assert french_translator.get(f"/admin/pages/{alias.pk}/edit/").status_code == 200  # "Translate this page"

    translation = start_french_translation(
        french_translator, anshan["chinese_news"], french, django_capture_on_commit_callbacks
    )
    url = f"/admin/localize/translate/{translation.pk}/machine_translate/"
    assert french_translator.post(url).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = french_translator.post(f"/admin/pages/{alias.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302 and not denied(response)
    client.logout()
    html = client.get("/fr/cities/anshan/").content.decode()
    start = html.index("green-campus")
    assert "badge--original" not in html[html.rindex("<li", 0, start) : html.index("</li>", start)]


def test_translator_cannot_edit_or_publish_a_page_written_in_their_language(french_translator, anshan):
    page = anshan["french_news"]
    assert denied(french_translator.get(f"/admin/pages/{page.pk}/edit/"))
    response = french_translator.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish", "title": "Piraté"})
    assert denied(response)
    assert Page.objects.get(pk=page.pk).title == "Jumelage"


def test_translator_cannot_edit_the_source_or_other_languages(french_translator, anshan, network_tree):
    chinese = anshan["chinese_news"]
    assert denied(french_translator.get(f"/admin/pages/{chinese.pk}/edit/"))
    english_alias = chinese.get_translation(network_tree.locales["en"])
    assert denied(french_translator.get(f"/admin/pages/{english_alias.pk}/edit/"))


def test_translator_cannot_publish_or_translate_another_languages_translation(
    client, anshan, network_tree, django_capture_on_commit_callbacks
):
    french = network_tree.locales["fr"]
    office = get_user_model().objects.create_superuser("office", "office@citynet.example", "pw")
    client.force_login(office)
    translation = start_french_translation(client, anshan["chinese_news"], french, django_capture_on_commit_callbacks)
    french_copy = translation.get_target_instance()

    thai = translator(client, network_tree.locales["th"], "nattaya")
    assert denied(thai.get(f"/admin/pages/{french_copy.pk}/edit/"))
    assert denied(thai.post(f"/admin/localize/translate/{translation.pk}/machine_translate/"))
    assert denied(thai.post(f"/admin/pages/{french_copy.pk}/edit/", {"action": "publish"}))


def test_translator_cannot_delete_or_unpublish_a_translation(
    french_translator, anshan, network_tree, django_capture_on_commit_callbacks
):
    french = network_tree.locales["fr"]
    translation = start_french_translation(
        french_translator, anshan["chinese_news"], french, django_capture_on_commit_callbacks
    )
    copy = translation.get_target_instance()
    assert denied(french_translator.get(f"/admin/pages/{copy.pk}/delete/"))
    assert denied(french_translator.post(f"/admin/pages/{copy.pk}/delete/"))
    assert denied(french_translator.post(f"/admin/pages/{copy.pk}/unpublish/"))
    copy.refresh_from_db()
    assert copy.live


def test_a_new_locale_gets_its_team_with_rights_on_its_tree(network_tree):
    from wagtail.models import Locale

    german = Locale.objects.create(language_code="de")
    network_tree.home.copy_for_translation(german)
    team = TranslatorTeam.objects.get(locale=german)
    assert team.group.name == "Translators - Deutsch"
    assert set(team.group.page_permissions.values_list("page__locale__language_code", flat=True)) == {"de"}
    Page.objects.get(locale=german).delete()
    german.delete()
    assert not Group.objects.filter(name="Translators - Deutsch").exists()


def test_translator_can_start_translations_into_their_language_only(
    french_translator, anshan, network_tree, django_capture_on_commit_callbacks
):
    chinese = anshan["chinese_news"]
    form = french_translator.get(f"/admin/localize/submit/page/{chinese.pk}/").content.decode()
    offered = set(re.findall(r'name="locales" value="(\d+)"', form))
    assert offered == {str(network_tree.locales["fr"].pk)}

    thai = network_tree.locales["th"]
    response = french_translator.post(f"/admin/localize/submit/page/{chinese.pk}/", {"locales": [thai.pk]})
    assert response.status_code == 200 and "error" in response.content.decode()
    assert not Translation.objects.filter(source__object_id=chinese.translation_key, target_locale=thai).exists()
    assert chinese.get_translation(thai).alias_of_id == chinese.pk  # still the untouched alias

    start_french_translation(french_translator, chinese, network_tree.locales["fr"], django_capture_on_commit_callbacks)
    # Once French exists there is nothing left this translator may start on that page.
    assert denied(french_translator.get(f"/admin/localize/submit/page/{chinese.pk}/"))


def test_network_office_may_start_translations_into_every_language(client, anshan, network_tree):
    office = get_user_model().objects.create_superuser("office", "office@citynet.example", "pw")
    client.force_login(office)
    form = client.get(f"/admin/localize/submit/page/{anshan['chinese_news'].pk}/").content.decode()
    offered = set(re.findall(r'name="locales" value="(\d+)"', form))
    assert offered == {str(network_tree.locales[code].pk) for code in ("en", "fr", "th")}
