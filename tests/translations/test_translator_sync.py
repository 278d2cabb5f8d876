"""Translators sync and publish the translations of their own language only, and never relink copies (issue 19).

The same requests as the probe: localize's "Sync translated pages" with "Publish immediately", Wagtail's "convert
alias", localize's "convert to alias" and "stop translation", each posted by a translator of another language.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from citypages.synctree import alias_into_every_locale
from tests.citypages.factories import CityPageFactory, NewsPageFactory
from translations.models import TranslatorTeam

pytestmark = pytest.mark.django_db


def login_translator(client, locale, username):
    user = get_user_model().objects.create_user(username, f"{username}@citynet.example", "pw")
    user.groups.add(TranslatorTeam.objects.get(locale=locale).group)
    client.force_login(user)
    return client


def denied(response):
    return response.status_code == 403 or (response.status_code == 302 and response.url == "/admin/")


@pytest.fixture
def translated_news(network_tree, django_capture_on_commit_callbacks):
    """A Chinese news item of Anshan, translated by the office into French and Thai (drafts, not yet published)."""
    city = CityPageFactory(parent=network_tree.index_in("zh-hans"), title="鞍山", slug="anshan", english_name="Anshan")
    alias_into_every_locale(city)
    news = NewsPageFactory(parent=city, title="绿色校园", slug="green-campus", summary="校园植树活动。")
    alias_into_every_locale(news)
    client = Client()  # its own, so that a test's client keeps whoever the test logged in
    client.force_login(get_user_model().objects.create_superuser("seeder", "seeder@citynet.example", "pw"))
    french, thai = network_tree.locales["fr"], network_tree.locales["th"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/localize/submit/page/{news.pk}/", {"locales": [french.pk, thai.pk]})
    translations = {
        code: Translation.objects.get(source__object_id=news.translation_key, target_locale=network_tree.locales[code])
        for code in ("fr", "th")
    }
    return {"news": news, "translations": translations, "source": translations["fr"].source}


def live_revision(translation):
    return Page.objects.get(pk=translation.get_target_instance().pk).live_revision_id


def sync(client, source, callbacks, publish=True):
    data = {"publish_translations": "on"} if publish else {}
    with callbacks(execute=True):
        return client.post(f"/admin/localize/update/{source.pk}/", data)


def test_sync_and_publish_touches_only_the_translators_language(
    client, network_tree, translated_news, django_capture_on_commit_callbacks
):
    thai_before = live_revision(translated_news["translations"]["th"])
    french_before = live_revision(translated_news["translations"]["fr"])
    french = login_translator(client, network_tree.locales["fr"], "traductrice")
    form = french.get(f"/admin/localize/update/{translated_news['source'].pk}/").content.decode()
    assert "Français" in form and "ไทย" not in form  # the screen lists only what will be updated

    response = sync(french, translated_news["source"], django_capture_on_commit_callbacks)
    assert response.status_code == 302 and not denied(response)
    assert live_revision(translated_news["translations"]["fr"]) != french_before
    assert live_revision(translated_news["translations"]["th"]) == thai_before


def test_another_teams_unpublished_strings_stay_unpublished(
    client, network_tree, translated_news, django_capture_on_commit_callbacks
):
    thai_translation = translated_news["translations"]["th"]
    segment = thai_translation.source.stringsegment_set.first()
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=network_tree.locales["th"],
        context=segment.context,
        data="ข้อความที่ยังไม่เผยแพร่",
    )  # saved in the editor, not yet published by the Thai team
    thai_before = live_revision(thai_translation)

    french = login_translator(client, network_tree.locales["fr"], "traductrice")
    sync(french, translated_news["source"], django_capture_on_commit_callbacks)
    assert live_revision(thai_translation) == thai_before
    assert "ข้อความที่ยังไม่เผยแพร่" not in client.get("/th/cities/anshan/green-campus/").content.decode()


def test_a_translator_with_no_translation_of_the_source_is_refused(
    client, network_tree, translated_news, django_capture_on_commit_callbacks
):
    german = login_translator(client, network_tree.locales["en"], "english.translator")
    assert denied(german.get(f"/admin/localize/update/{translated_news['source'].pk}/"))
    before = {code: live_revision(t) for code, t in translated_news["translations"].items()}
    assert denied(sync(german, translated_news["source"], django_capture_on_commit_callbacks))
    assert {code: live_revision(t) for code, t in translated_news["translations"].items()} == before


def test_the_network_office_syncs_every_language(
    client, office, network_tree, translated_news, django_capture_on_commit_callbacks
):
    before = {code: live_revision(t) for code, t in translated_news["translations"].items()}
    sync(office, translated_news["source"], django_capture_on_commit_callbacks)
    after = {code: live_revision(t) for code, t in translated_news["translations"].items()}
    assert all(after[code] != before[code] for code in before)


def test_a_translator_cannot_convert_an_alias_into_a_page_of_its_own(client, network_tree, translated_news):
    alias = translated_news["news"].get_translation(network_tree.locales["en"])
    assert alias.alias_of_id == translated_news["news"].pk
    english = login_translator(client, network_tree.locales["en"], "english.translator")
    assert english.get(f"/admin/pages/{alias.pk}/edit/").status_code == 200  # they may still translate it
    assert denied(english.get(f"/admin/pages/{alias.pk}/convert_alias/"))
    assert denied(english.post(f"/admin/pages/{alias.pk}/convert_alias/"))
    assert Page.objects.get(pk=alias.pk).alias_of_id == translated_news["news"].pk


def test_a_translator_cannot_stop_a_translation_or_turn_it_back_into_an_alias(client, network_tree, translated_news):
    translation = translated_news["translations"]["fr"]
    copy = translation.get_target_instance()
    french = login_translator(client, network_tree.locales["fr"], "traductrice")
    assert denied(french.post(f"/admin/localize/translate/{translation.pk}/disable/"))
    assert denied(french.post(f"/admin/localize/page/{copy.pk}/convert_to_alias/"))
    translation.refresh_from_db()
    assert translation.enabled
    assert Page.objects.get(pk=copy.pk).alias_of_id is None


def test_the_network_office_may_still_convert_an_alias(office, network_tree, translated_news):
    alias = translated_news["news"].get_translation(network_tree.locales["en"])
    response = office.post(f"/admin/pages/{alias.pk}/convert_alias/")
    assert response.status_code == 302 and not denied(response)
    assert Page.objects.get(pk=alias.pk).alias_of_id is None
