"""A translation published through wagtail-localize's editor is found in its language on the next search, over
HTTP as translators and visitors act (issue 17: a German translation was not found right after publishing)."""

import pytest
from django.contrib.auth import get_user_model
from wagtail_localize.models import Translation

from citypages.synctree import alias_into_every_locale
from tests.citypages.factories import CityPageFactory, NewsPageFactory
from tests.conftest import build_network_tree
from translations.models import TranslatorTeam

pytestmark = pytest.mark.django_db


def test_a_translation_published_in_the_editor_is_searchable_in_its_language_at_once(
    client, django_capture_on_commit_callbacks
):
    tree = build_network_tree(("fr", "de"))
    german = tree.locales["de"]
    city = CityPageFactory(parent=tree.index_in("fr"), title="Clermont-Ferrand", slug="clermont-ferrand")
    alias_into_every_locale(city)
    news = NewsPageFactory(
        parent=city,
        title="Carnets de voyage",
        slug="carnets",
        summary="Quatre artistes en résidence.",
        body=[("paragraph", "<p>Ils dessinent le volcan.</p>")],
    )
    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision().publish()
        alias_into_every_locale(news)
    translator = get_user_model().objects.create_user("uebersetzerin", "de@citynet.example", "pw")
    translator.groups.add(TranslatorTeam.objects.get(locale=german).group)
    client.force_login(translator)

    def found_in_german():
        response = client.get("/api/v1/search/", {"q": "volcan", "lang": "de"}).json()  # a word of the body
        return [(result["title"], result["language"]) for result in response["results"]]

    assert found_in_german() == [("Carnets de voyage", "fr")]  # no German copy yet: the French original
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/localize/submit/page/{news.pk}/", {"locales": [german.pk]})
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=news.translation_key, target_locale=german)
    # The offline machine translator of dev and test turns each text's words around: the German copy's own text.
    assert client.post(f"/admin/localize/translate/{translation.pk}/machine_translate/").status_code == 302
    german_copy = news.get_translation(german)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{german_copy.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    german_copy.refresh_from_db()
    assert german_copy.live and german_copy.alias_of_id is None
    assert found_in_german() == [(german_copy.title, "de")]
