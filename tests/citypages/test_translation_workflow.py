"""Translators work through wagtail-localize's editor over HTTP, and the result is live at its URL."""

import polib
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
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


def start_french(admin_client, news, network_tree):
    admin_client.post(f"/admin/localize/submit/page/{news.pk}/", {"locales": [network_tree.locales["fr"].pk]})
    return Translation.objects.get(source__object_id=news.translation_key, target_locale=network_tree.locales["fr"])


def test_po_file_round_trip_publishes_the_translation(
    admin_client, news, network_tree, django_capture_on_commit_callbacks
):
    translation = start_french(admin_client, news, network_tree)
    exported = admin_client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/").content.decode()
    po = polib.pofile(exported)
    french = {"Bicycle lanes open": "Ouverture des pistes cyclables", "Ten new lanes.": "Dix nouvelles pistes."}
    for entry in po:
        entry.msgstr = french.get(entry.msgid, entry.msgstr)
    upload = SimpleUploadedFile("fr.po", str(po).encode(), content_type="text/x-gettext-translation")
    response = admin_client.post(f"/admin/localize/translate/{translation.pk}/pofile/upload/", {"file": upload})
    assert response.status_code == 302

    copy = news.get_translation(network_tree.locales["fr"])
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/pages/{copy.pk}/edit/", {"action": "publish"})
    html = admin_client.get("/fr/cities/norman/bicycle-lanes/").content.decode()
    assert "Ouverture des pistes cyclables" in html and "Dix nouvelles pistes." in html
    assert 'role="note"' not in html


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (None, "Choose the PO file to upload."),
        (b"this is not a PO file \x00\xff", "Please upload a valid PO file."),
        (
            b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            b'msgid "Bicycle lanes open"\nmsgstr "X"\n',
            "This PO file was not downloaded from a translation here",
        ),
    ],
    ids=["no file", "not a PO file", "PO file of no translation"],
)
def test_bad_po_uploads_are_refused_with_a_message(admin_client, news, network_tree, upload, message):
    translation = start_french(admin_client, news, network_tree)
    data = {} if upload is None else {"file": SimpleUploadedFile("fr.po", upload)}
    response = admin_client.post(f"/admin/localize/translate/{translation.pk}/pofile/upload/", data, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    copy = news.get_translation(network_tree.locales["fr"])
    assert copy.title == "Bicycle lanes open"
