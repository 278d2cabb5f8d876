"""Translators work through wagtail-localize's editor over HTTP, and the result is live at its URL."""

import pytest
from django.contrib.auth import get_user_model
from wagtail_localize.models import Translation

from citypages.synctree import alias_into_every_locale
from tests.citypages.factories import CityPageFactory, NewsPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser("office", "office@citynet.example", "pw")
    client.force_login(admin)
    return client


@pytest.fixture
def news(network_tree):
    city = CityPageFactory(parent=network_tree.city_index, title="Norman", slug="norman")
    alias_into_every_locale(city)
    page = NewsPageFactory(parent=city, title="Bicycle lanes open", slug="bicycle-lanes", summary="Ten new lanes.")
    alias_into_every_locale(page)
    return page


def test_translate_a_page_with_machine_translation_and_publish_it(
    admin_client, news, network_tree, django_capture_on_commit_callbacks
):
    french = network_tree.locales["fr"]
    assert 'role="note"' in admin_client.get("/fr/cities/norman/bicycle-lanes/").content.decode()

    response = admin_client.post(f"/admin/localize/submit/page/{news.pk}/", {"locales": [french.pk]})
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=news.translation_key, target_locale=french)

    assert admin_client.post(f"/admin/localize/translate/{translation.pk}/machine_translate/").status_code == 302
    translated_page = news.get_translation(french)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/pages/{translated_page.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302

    html = admin_client.get("/fr/cities/norman/bicycle-lanes/").content.decode()
    assert '<h1 lang="fr">open lanes Bicycle</h1>' in html  # the dummy translator reverses words
    assert 'role="note"' not in html
    assert "open lanes Bicycle" in admin_client.get("/fr/cities/norman/").content.decode()


def test_download_the_po_file_of_a_translation(admin_client, news, network_tree):
    french = network_tree.locales["fr"]
    admin_client.post(f"/admin/localize/submit/page/{news.pk}/", {"locales": [french.pk]})
    translation = Translation.objects.get(source__object_id=news.translation_key, target_locale=french)
    response = admin_client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert response.status_code == 200
    assert 'msgid "Bicycle lanes open"' in response.content.decode()


def test_themes_can_be_submitted_for_translation(admin_client, network_tree):
    theme = ThemeFactory(name="Air quality", slug="air-quality")
    french = network_tree.locales["fr"]
    url = f"/admin/localize/submit/snippet/citypages/theme/{theme.pk}/"
    assert admin_client.get(url).status_code == 200
    admin_client.post(url, {"locales": [french.pk]})
    assert theme.get_translation(french).slug == "air-quality"
