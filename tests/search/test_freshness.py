"""Every change readers could notice reaches the index when its transaction commits."""

import pytest
from django.contrib.auth import get_user_model

from citypages.models import CityPage, Theme
from demo.localized import translate
from search.service import SearchRequest, search
from tests.citypages.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def titles(query, language="en", **filters):
    request = SearchRequest(query=query, language=language, filters={k: set(v) for k, v in filters.items()})
    return [result.title for result in search(request).results]


def test_a_published_page_is_found_at_once(searchable, django_capture_on_commit_callbacks):
    news = NewsPageFactory.build(title="Hydrogen buses arrive", slug="hydrogen", summary="Ten buses.")
    with django_capture_on_commit_callbacks(execute=True):
        searchable["queretaro"].add_child(instance=news)
        news.save_revision().publish()
    assert titles("hydrogen") == ["Hydrogen buses arrive"]


def test_an_unpublished_page_disappears(searchable, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        searchable["tram"].unpublish()
    assert titles("tramwaje") == []


def test_a_deleted_page_disappears(searchable, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        searchable["tram"].delete()
    assert titles("tramwaje") == []


def test_a_published_translation_is_found_in_its_language(searchable, django_capture_on_commit_callbacks):
    assert "Solar panels on Zalău's schools" not in titles("solar")
    with django_capture_on_commit_callbacks(execute=True):
        translate(searchable["solar"], searchable["tree"].locales["en"], {"title": ["Solar panels on Zalău's schools"]})
    assert titles("solar") == ["Solar panels on Zalău's schools"]
    assert titles("panouri", language="en") == ["Solar panels on Zalău's schools"]


def test_a_moved_page_changes_city(searchable, django_capture_on_commit_callbacks):
    tram, zalau = searchable["tram"], searchable["zalau"]
    zalau_in_polish = zalau.get_translation(tram.locale)
    with django_capture_on_commit_callbacks(execute=True):
        tram.move(zalau_in_polish, pos="last-child")
    assert titles("tramwaje", city={zalau.translation_key.hex}) == ["Nowe tramwaje w Łodzi"]


def test_renaming_a_city_reindexes_what_mentions_it(searchable, django_capture_on_commit_callbacks):
    queretaro = CityPage.objects.get(pk=searchable["queretaro"].pk)
    queretaro.title = "Santiago de Querétaro"
    with django_capture_on_commit_callbacks(execute=True):
        queretaro.save_revision().publish()
    assert "Autobuses eléctricos para Querétaro" in titles("santiago", language="es")


def test_renaming_a_theme_reindexes_its_items(searchable, django_capture_on_commit_callbacks):
    theme = Theme.objects.get(slug="energy", locale__language_code="en")
    theme.name = "Clean energy transition"
    with django_capture_on_commit_callbacks(execute=True):
        theme.save()
    assert titles("transition") == ["Panouri solare pe școlile din Zalău"]


def test_publishing_over_http_is_searchable_in_the_next_request(client, searchable, django_capture_on_commit_callbacks):
    admin = get_user_model().objects.create_superuser("office", "office@citynet.example", "pw")
    client.force_login(admin)
    news = searchable["tram"]
    news.title = "Tramwaje wodorowe"
    news.save_revision()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{news.pk}/edit/", {"action-publish": "1", **_form(news)})
    assert response.status_code == 302
    assert "wodorowe" in client.get("/pl/search/", {"q": "wodorowe"}).content.decode()


def _form(news):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    return nested_form_data(
        {
            "title": "Tramwaje wodorowe", "slug": news.slug, "date": news.date.isoformat(), "summary": news.summary,
            "body": streamfield([("paragraph", rich_text("<p>Nowe tramwaje.</p>"))]),
            "page_themes": inline_formset([]), "related_cities": inline_formset([]),
            "related_projects": inline_formset([]), "comments": inline_formset([]),
        }
    )  # fmt: skip
