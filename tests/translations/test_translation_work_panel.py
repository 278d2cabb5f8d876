"""A translator's dashboard lists what waits for their language, each with one click to the translation editor,
in the translator's own admin language (German and French tested over HTTP)."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from citypages.synctree import alias_into_every_locale
from demo.localized import translate
from tests.citypages.factories import CityPageFactory, NewsPageFactory
from translations.models import TranslatorTeam

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(network_tree):
    from wagtail.models import Locale

    german = Locale.objects.create(language_code="de")
    city = CityPageFactory(parent=network_tree.index_in("fr"), title="Clermont-Ferrand", slug="clermont-ferrand")
    news = NewsPageFactory(parent=city, title="Carnets de voyage", slug="carnets")
    for page in (city, news):
        alias_into_every_locale(page)
    translate(city, german, {"title": ["Clermont-Ferrand"], "slug": ["clermont-ferrand"]})
    return {"city": city, "news": news, "german": german}


def translator(client, locale, username, admin_language):
    user = get_user_model().objects.create_user(username, f"{username}@citynet.example", "pw")
    user.groups.add(TranslatorTeam.objects.get(locale=locale).group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = admin_language
    profile.save()
    client.force_login(user)
    return client


def test_a_german_translator_sees_the_pages_waiting_for_german_with_one_click_to_translate(client, section):
    html = translator(client, section["german"], "uebersetzer", "de").get("/admin/").content.decode()
    panel = html[html.index('id="translation-work-de"') :]
    panel = panel[: panel.index("</section>")]
    assert "Carnets de voyage" in panel and "Nicht übersetzt" in panel
    assert f'href="/admin/localize/submit/page/{section["news"].pk}/?select_locale=de"' in panel
    # The city's German copy exists but is older than its original: listed first, opening its editor.
    german_city = section["city"].get_translation(section["german"])
    assert panel.index(f'href="/admin/pages/{german_city.pk}/edit/"') < panel.index("Carnets de voyage")
    assert "Veraltet" in panel and panel.count("<tr>") == 3  # the header and the two pages


def test_a_french_translators_panel_is_in_french_and_lists_nothing_written_in_french(client, section, network_tree):
    html = translator(client, network_tree.locales["fr"], "traductrice", "fr").get("/admin/").content.decode()
    panel = html[html.index('id="translation-work-fr"') :]
    panel = panel[: panel.index("</section>")]
    assert "Rien n’attend" in panel
    assert 'id="translation-work-de"' not in html  # another language's work is not theirs


def test_a_partly_translated_page_names_the_fields_still_to_translate(client, network_tree):
    from django.test import TestCase
    from wagtail.models import Locale
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource
    from wagtail_localize.operations import translate_object

    german = Locale.objects.create(language_code="de")
    city = CityPageFactory(parent=network_tree.index_in("fr"), title="Clermont-Ferrand", slug="clermont-ferrand")
    news = NewsPageFactory(parent=city, title="Carnets", slug="carnets", summary="Quatre artistes.")
    for page in (city, news):
        alias_into_every_locale(page)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_object(news, [german])
    source = TranslationSource.objects.get(object_id=news.translation_key, locale=network_tree.locales["fr"])
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.context.path != "summary":  # everything but the summary
            StringTranslation.objects.create(
                translation_of=segment.string, locale=german, context=segment.context, data=f"DE {segment.string.data}"
            )
    with TestCase.captureOnCommitCallbacks(execute=True):
        Translation.objects.get(source=source, target_locale=german).save_target(publish=True)

    html = translator(client, german, "uebersetzer", "en").get("/admin/").content.decode()
    panel = html[html.index('id="translation-work-de"') :]
    panel = panel[: panel.index("</section>")]
    row = panel[panel.index("DE Carnets") if "DE Carnets" in panel else panel.index("Carnets") :]
    assert "Some of the text is not translated yet. (still to translate: summary)" in row[: row.index("</tr>")]
    # The translation editor names them too, in the translator's language.
    german_news = news.get_translation(german)
    html = client.get(f"/admin/pages/{german_news.pk}/edit/").content.decode()
    assert "Still to translate in Deutsch: summary." in html
