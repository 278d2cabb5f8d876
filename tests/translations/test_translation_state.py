"""A translation counts for readers once it is published with translated text, not when localize creates it."""

import pytest
from wagtail_localize.models import Translation

from citypages.synctree import alias_into_every_locale
from tests.citypages.factories import CityPageFactory, NewsPageFactory
from translations.models import TranslationPublication

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(network_tree):
    city = CityPageFactory(parent=network_tree.city_index, title="Norman", slug="norman")
    alias_into_every_locale(city)
    page = NewsPageFactory(parent=city, title="Bicycle lanes open", slug="bicycle-lanes", summary="Ten new lanes.")
    alias_into_every_locale(page)
    return page


@pytest.fixture
def started_translation(office, news, network_tree, django_capture_on_commit_callbacks):
    """A French translation submitted in the admin; localize publishes it at once with the English text."""
    french = network_tree.locales["fr"]
    with django_capture_on_commit_callbacks(execute=True):
        assert office.post(f"/admin/localize/submit/page/{news.pk}/", {"locales": [french.pk]}).status_code == 302
    copy = news.get_translation(french)
    assert copy.live and copy.alias_of_id is None
    return Translation.objects.get(source__object_id=news.translation_key, target_locale=french)


def card_of(html, title):
    start = html.index(title)
    return html[html.rindex("<li", 0, start) : html.index("</li>", start)]


def test_a_started_translation_is_still_listed_as_the_original(client, started_translation):
    html = client.get("/fr/cities/norman/").content.decode()
    card = card_of(html, "Bicycle lanes open")
    assert "badge--original" in card and "anglais" in card
    assert 'lang="en"' in card
    assert html.count("Bicycle lanes open") == 1


def test_a_started_translation_shows_the_untranslated_notice(client, started_translation):
    html = client.get("/fr/cities/norman/bicycle-lanes/").content.decode()
    assert 'role="note"' in html
    assert '<h1 lang="en">Bicycle lanes open</h1>' in html
    assert '<link rel="alternate" hreflang="fr"' not in html


def test_a_draft_translation_is_not_what_readers_get(office, client, started_translation, network_tree):
    assert office.post(f"/admin/localize/translate/{started_translation.pk}/machine_translate/").status_code == 302
    copy = started_translation.get_target_instance()
    office.post(f"/admin/pages/{copy.pk}/edit/", {"action": "save_draft"})
    card = card_of(client.get("/fr/cities/norman/").content.decode(), "Bicycle lanes open")
    assert "badge--original" in card and "anglais" in card


def test_publishing_the_translated_text_makes_it_the_french_item(
    office, client, started_translation, django_capture_on_commit_callbacks
):
    office.post(f"/admin/localize/translate/{started_translation.pk}/machine_translate/")
    copy = started_translation.get_target_instance()
    with django_capture_on_commit_callbacks(execute=True):
        assert office.post(f"/admin/pages/{copy.pk}/edit/", {"action": "publish"}).status_code == 302

    publication = TranslationPublication.objects.get(page=copy)
    assert publication.translated_segments == publication.total_segments > 0
    listing = client.get("/fr/cities/norman/").content.decode()
    card = card_of(listing, "open lanes Bicycle")  # the dummy translator reverses words
    assert "badge--original" not in card
    assert "Bicycle lanes open" not in listing
    page = client.get("/fr/cities/norman/bicycle-lanes/").content.decode()
    assert 'role="note"' not in page
    assert '<link rel="alternate" hreflang="fr" href="http://localhost/fr/cities/norman/bicycle-lanes/"' in page
